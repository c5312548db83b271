import {
  AppError,
  type ConversationFiles,
  type ConversationSatisfaction,
  type CustomerConversationSummary,
  type DeskSettings,
  type MessagePage,
  type SatisfactionView,
  type TransferTargetDepartment,
  type TransferTargets,
} from '@switchboard/shared';
import { objectIdSchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { AgentsService } from '../agents/agents.service.js';
import { isSupervisorRole, type AgentPrincipal } from '../auth/principal.js';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import { authorize } from '../conversations/access.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { parseInput } from '../infra/validation.js';
import type { MessagesService } from '../messages/messages.service.js';

interface Dependencies {
  auth: RestAuth;
  conversations: ConversationsService;
  messages: MessagesService;
  /** Routing: each department with who is online in it and its wait, read afresh. */
  /** As the given agent would hand a chat over. */
  transferDepartments: (viewerId: string) => Promise<TransferTargetDepartment[]>;
  agents: Pick<AgentsService, 'list'>;
  /** Read per request: a department's changed SLA reaches desks on their next load. */
  settings: () => Promise<DeskSettings>;
}

const TRANSCRIPT_LIMIT = 200;
/** Files listed per conversation (the per-conversation byte limit keeps real chats far below). */
const FILES_LIMIT = 500;

/** The feedback feature keeps the rating on the conversation document, outside its schema (strict off). */
interface StoredSatisfaction {
  rating: number;
  comment?: string | null;
  ratedAt: Date;
}

function satisfactionOf(conversation: ConversationDocument): SatisfactionView | undefined {
  const stored = (conversation as { satisfaction?: StoredSatisfaction | null }).satisfaction;
  if (!stored) return undefined;
  return {
    rating: stored.rating,
    ...(stored.comment ? { comment: stored.comment } : {}),
    ratedAt: new Date(stored.ratedAt).toISOString(),
  };
}

function toSummary(conversation: ConversationDocument): CustomerConversationSummary {
  const name = conversation.agentCard?.displayName;
  const satisfaction = satisfactionOf(conversation);
  return {
    id: conversation._id.toHexString(),
    caseNumber: conversation.caseNumber,
    status: conversation.status,
    topic: conversation.topic,
    language: conversation.language,
    ...(name ? { agentName: name } : {}),
    createdAt: ((conversation as { createdAt?: Date }).createdAt ?? conversation.queuedAt).toISOString(),
    ...(conversation.closedAt ? { closedAt: conversation.closedAt.toISOString() } : {}),
    ...(conversation.disposition ? { disposition: conversation.disposition } : {}),
    ...(satisfaction ? { satisfaction } : {}),
  };
}

/**
 * What the desk reads over REST besides auth and knowledge: its settings,
 * and a customer's earlier conversations, shown in the customer panel. An
 * agent sees a customer's history only while serving one of that customer's
 * chats; supervisors and admins always.
 */
export function deskRoutes({
  auth,
  conversations,
  messages,
  transferDepartments,
  agents,
  settings,
}: Dependencies): Router {
  const router = Router();

  const assertServes = async (agent: AgentPrincipal, customerId: string) => {
    if (isSupervisorRole(agent.role)) return;
    const serving = await conversations.model.exists({ customerId, agentId: agent.id, status: 'active' });
    if (!serving) throw new AppError('FORBIDDEN', 'You are not serving this customer.');
  };

  router.get('/api/desk/settings', auth.authenticate, async (_req, res) => {
    res.set('Cache-Control', 'private, no-store').json(await settings());
  });

  // Names, and who can take a chat now: enough to pick a transfer target (and to warn before
  // handing a chat to a team nobody can answer for), nothing to administer.
  router.get('/api/desk/transfer-targets', auth.authenticate, async (_req, res) => {
    const me = currentAgent(res);
    const [departments, allAgents] = await Promise.all([transferDepartments(me.id), agents.list()]);
    const body: TransferTargets = {
      departments,
      agents: allAgents
        .filter((agent) => agent.active && agent.id !== me.id && agent.status !== 'offline')
        .map(({ id, displayName, status }) => ({ id, displayName, status })),
    };
    res.set('Cache-Control', 'private, no-store').json(body);
  });

  router.get('/api/customers/:id/conversations', auth.authenticate, async (req, res) => {
    const customerId = parseInput(objectIdSchema, req.params.id);
    await assertServes(currentAgent(res), customerId);
    const found = (await conversations.model
      .find({ customerId })
      .sort({ queuedAt: -1 })
      .limit(50)
      .lean()) as ConversationDocument[];
    res.set('Cache-Control', 'private, no-store').json({ conversations: found.map(toSummary) });
  });

  router.get('/api/conversations/:id/transcript', auth.authenticate, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const agent = currentAgent(res);
    const conversation = await conversations.load(id);
    if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
    try {
      authorize(conversation, { kind: 'agent', agent }, 'read');
    } catch (refused) {
      // Not theirs to read on its own: an *earlier* chat of the customer they serve now (their
      // history). Never a live chat of a colleague's, whose notes are the colleague's.
      if (conversation.status !== 'closed') throw refused;
      await assertServes(agent, conversation.customerId.toHexString());
    }
    const page: MessagePage = await messages.before(conversation._id, undefined, TRANSCRIPT_LIMIT, true);
    res.set('Cache-Control', 'private, no-store').json({ conversation: toSummary(conversation), ...page });
  });

  // Every file of a chat the agent may read, notes' files too: the Files list beside the chat.
  router.get('/api/conversations/:id/files', auth.authenticate, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const conversation = await conversations.get(id, { kind: 'agent', agent: currentAgent(res) }, 'read');
    const body: ConversationFiles = { messages: await messages.withFiles(conversation._id, FILES_LIMIT, true) };
    res.set('Cache-Control', 'private, no-store').json(body);
  });

  // The rating of a chat the agent may read, e.g. the one they just closed (customers rate once a chat ended).
  router.get('/api/conversations/:id/satisfaction', auth.authenticate, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const conversation = await conversations.get(id, { kind: 'agent', agent: currentAgent(res) }, 'read');
    // Conversations are read lean: the rating, outside the schema, is on the document as stored.
    const body: ConversationSatisfaction = { satisfaction: satisfactionOf(conversation) ?? null };
    res.set('Cache-Control', 'private, no-store').json(body);
  });

  return router;
}
