import { AppError } from '@switchboard/shared';
import { isSupervisorRole, type AgentPrincipal } from '../auth/principal.js';
import type { CustomerPrincipal } from '../customers/customers.service.js';
import type { ConversationDocument } from './conversation.model.js';

/** Someone acting on a conversation. */
export type Viewer = { kind: 'customer'; customer: CustomerPrincipal } | { kind: 'agent'; agent: AgentPrincipal };

/**
 * X2. Customers see only their own conversations, and someone else's answers
 * exactly like a missing one (NOT_FOUND), so ids cannot be probed. Agents read
 * what is assigned to them or queued in their departments (supervisors and
 * admins everything), write only where assigned (supervisors and admins
 * anywhere), and get FORBIDDEN otherwise.
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
  const department = conversation.departmentId?.toHexString();
  const inDepartment = department !== undefined && agent.departmentIds.includes(department);
  if (need === 'read' && inDepartment) return conversation;
  throw new AppError('FORBIDDEN', 'You do not have access to this conversation.');
}
