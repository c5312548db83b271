import type { TranscriptRequested } from '@switchboard/shared';
import { deskTranscriptSendSchema, objectIdSchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { parseInput } from '../infra/validation.js';
import type { TranscriptsService } from './transcripts.service.js';

/**
 * `POST /api/conversations/:id/transcripts` (a transcript on request): the
 * agent serving a chat (or a supervisor) emails its transcript to the
 * customer now. Always to the customer's own address — the pre-chat email,
 * else the verified profile's — never one typed by the agent (the service decides). The request
 * goes through the transcripts service like the customer's own request, so
 * the same `requestId` makes one email however often it is retried, and the
 * per-conversation cap applies to both together.
 */
export function transcriptRequestRoutes(deps: {
  auth: RestAuth;
  conversations: ConversationsService;
  transcripts: Pick<TranscriptsService, 'request'>;
}): Router {
  const router = Router();
  router.post('/api/conversations/:id/transcripts', deps.auth.authenticate, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const { requestId } = parseInput(deskTranscriptSendSchema, req.body);
    const viewer = { kind: 'agent' as const, agent: currentAgent(res) };
    // Sending mail on the customer's behalf is acting on the chat: the assigned agent or a supervisor.
    await deps.conversations.get(id, viewer, 'write');
    const requested: TranscriptRequested = await deps.transcripts.request(viewer, { conversationId: id, requestId });
    res.status(202).json(requested);
  });
  return router;
}
