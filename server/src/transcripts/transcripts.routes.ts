import { objectIdSchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { parseInput } from '../infra/validation.js';
import type { TranscriptsService } from './transcripts.service.js';

/** The delivery log, for agents who may read the conversation and supervisors. */
export function transcriptsRoutes(deps: {
  auth: RestAuth;
  conversations: ConversationsService;
  transcripts: TranscriptsService;
}): Router {
  const router = Router();
  router.get('/api/conversations/:id/transcripts', deps.auth.authenticate, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const conversation = await deps.conversations.get(id, { kind: 'agent', agent: currentAgent(res) }, 'read');
    res.json({ transcripts: await deps.transcripts.list(conversation._id) });
  });
  return router;
}
