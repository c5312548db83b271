import type { AgentRole, AgentView } from '@switchboard/shared';

/** An agent as the form edits it: capacity as typed (blank means the department default). */
export interface AgentDraft {
  id?: string;
  email: string;
  displayName: string;
  password: string;
  role: AgentRole;
  capacity: string;
  departmentIds: string[];
  languages: string[];
}

export function toAgentDraft(agent?: AgentView): AgentDraft {
  if (!agent) {
    return {
      email: '',
      displayName: '',
      password: '',
      role: 'agent',
      capacity: '3',
      departmentIds: [],
      languages: ['en'],
    };
  }
  return {
    ...agent,
    id: agent.id,
    password: '',
    capacity: agent.capacity === null ? '' : String(agent.capacity),
  };
}

/** The PATCH body for an existing agent; a new one also sends the email and first password. */
export function toAgentBody(draft: AgentDraft) {
  const common = {
    displayName: draft.displayName,
    role: draft.role,
    capacity: draft.capacity.trim() === '' ? null : Number(draft.capacity),
    departmentIds: draft.departmentIds,
    languages: draft.languages,
  };
  return draft.id ? common : { ...common, email: draft.email, password: draft.password };
}
