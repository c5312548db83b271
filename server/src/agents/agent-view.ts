import type { AgentView } from '@switchboard/shared';
import type { AgentPrincipal } from '../auth/principal.js';
import type { AgentRecord } from './agent.model.js';

/** The agent as clients see it: never the password hash or the session epoch. */
export function toAgentView(record: AgentRecord): AgentView {
  const view: AgentView = {
    id: record._id.toHexString(),
    email: record.email,
    displayName: record.displayName,
    role: record.role,
    status: record.status,
    departmentIds: record.departmentIds.map((id) => id.toHexString()),
    languages: [...record.languages],
    capacity: record.capacity,
    active: record.active,
  };
  if (record.avatarUrl) view.avatarUrl = record.avatarUrl;
  return view;
}

export function toAgentPrincipal(record: AgentRecord): AgentPrincipal {
  const principal: AgentPrincipal = {
    id: record._id.toHexString(),
    role: record.role,
    displayName: record.displayName,
    departmentIds: record.departmentIds.map((id) => id.toHexString()),
    languages: [...record.languages],
    capacity: record.capacity,
  };
  if (record.avatarUrl) principal.avatarUrl = record.avatarUrl;
  return principal;
}
