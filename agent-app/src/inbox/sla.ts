import type { AgentConversationView, DeskSettings, MessageView, ReplySla } from '@switchboard/shared';

export type SlaLevel = 'ok' | 'amber' | 'red';

const time = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
const later = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * Since when the customer has been waiting on the agent, or undefined when
 * the agent spoke last (or the chat is closed). Internal notes and system
 * messages do not count as a reply. A customer nobody has answered yet has
 * waited since the chat started.
 */
export function waitingSince(view: AgentConversationView, messages: readonly MessageView[]): number | undefined {
  if (view.status === 'closed') return undefined;
  let customer = time(view.lastCustomerMessageAt);
  let agent = time(view.lastAgentMessageAt);
  for (const message of messages) {
    if (message.internal || message.author.kind === 'system') continue;
    const at = Date.parse(message.createdAt);
    if (message.author.kind === 'customer') customer = later(customer, at);
    else agent = later(agent, at);
  }
  if (agent === undefined) return customer ?? Date.parse(view.createdAt);
  return customer !== undefined && customer > agent ? customer : undefined;
}

/** The thresholds of a chat's department when it has its own, else the deployment's. */
export function slaFor(settings: DeskSettings, departmentId: string | undefined): ReplySla {
  return (departmentId === undefined ? undefined : settings.departmentReplySla[departmentId]) ?? settings.replySla;
}

export function slaLevel(waitedMs: number, sla: ReplySla): SlaLevel {
  if (waitedMs >= sla.redMs) return 'red';
  if (waitedMs >= sla.amberMs) return 'amber';
  return 'ok';
}

/** `m:ss` (and `h:mm:ss` past an hour); negative durations (clock skew) show as 0:00. */
export function formatWait(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
