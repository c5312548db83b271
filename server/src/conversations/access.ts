import { AppError } from '@switchboard/shared';
import { isSupervisorRole, type AgentPrincipal } from '../auth/principal.js';
import type { CustomerPrincipal } from '../customers/customers.service.js';
import type { ConversationDocument } from './conversation.model.js';

/** Someone acting on a conversation. */
export type Viewer = { kind: 'customer'; customer: CustomerPrincipal } | { kind: 'agent'; agent: AgentPrincipal };

/** Whether the conversation belongs to a department the agent serves (the general queue belongs to none). */
export function inAgentsDepartments(conversation: ConversationDocument, agent: AgentPrincipal): boolean {
  const department = conversation.departmentId?.toHexString();
  return department !== undefined && agent.departmentIds.includes(department);
}

/**
 * Customers see only their own conversations, and someone else's answers
 * exactly like a missing one (NOT_FOUND), so ids cannot be probed. Agents read
 * what is assigned to them and what is still waiting in the queue of one of
 * their departments (to decide whether to take it) — never a colleague's
 * active or closed chat, whose internal notes are the colleague's; supervisors
 * and admins read everything. Agents write only where assigned (supervisors and
 * admins anywhere), and get FORBIDDEN otherwise.
 */
export function authorize(
  conversation: ConversationDocument | null,
  viewer: Viewer,
  need: 'read' | 'write',
): ConversationDocument {
  if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
  if (viewer.kind === 'customer') {
    if (!conversation.customerId.equals(viewer.customer.id)) throw new AppError('NOT_FOUND', 'No such conversation.');
    return conversation;
  }
  const { agent } = viewer;
  const assigned = conversation.agentId?.toHexString() === agent.id;
  if (assigned || isSupervisorRole(agent.role)) return conversation;
  const waitingForThem = conversation.status === 'queued' && inAgentsDepartments(conversation, agent);
  if (need === 'read' && waitingForThem) return conversation;
  throw new AppError('FORBIDDEN', 'You do not have access to this conversation.');
}

/**
 * Read receipts tell the customer their messages were read, so only a
 * participant may move them: the customer, or the agent the chat is assigned
 * to. Read access (a colleague's queued chat, a supervisor observing) is not
 * enough. Throws as {@link authorize} does.
 */
export function authorizeReceipt(conversation: ConversationDocument | null, viewer: Viewer): ConversationDocument {
  const found = authorize(conversation, viewer, 'read');
  if (viewer.kind === 'agent' && found.agentId?.toHexString() !== viewer.agent.id) {
    throw new AppError('FORBIDDEN', 'Only the agent the chat is assigned to marks it read.');
  }
  return found;
}
