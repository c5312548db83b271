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
  /** The photo customers see in the widget (https://…); blank: none, the widget shows an initial. */
  avatarUrl: string;
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
      avatarUrl: '',
    };
  }
  return {
    ...agent,
    id: agent.id,
    password: '',
    capacity: agent.capacity === null ? '' : String(agent.capacity),
    avatarUrl: agent.avatarUrl ?? '',
  };
}

/** The PATCH body for an existing agent; a new one also sends the email and first password. */
export function toAgentBody(draft: AgentDraft) {
  const avatarUrl = draft.avatarUrl.trim();
  const common = {
    displayName: draft.displayName,
    role: draft.role,
    capacity: draft.capacity.trim() === '' ? null : Number(draft.capacity),
    departmentIds: draft.departmentIds,
    languages: draft.languages,
  };
  // Blank removes the photo of an existing agent (null), and sends nothing for a new one.
  return draft.id
    ? { ...common, avatarUrl: avatarUrl === '' ? null : avatarUrl }
    : { ...common, ...(avatarUrl === '' ? {} : { avatarUrl }), email: draft.email, password: draft.password };
}
