import type { AgentConversationView, DeskSettings, MessageView, ReplySla } from '@switchboard/shared';

export type SlaLevel = 'ok' | 'amber' | 'red';

const time = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/**
 * Since when the customer has been waiting on the agent: their first message
 * after the agent last wrote (a customer who writes again while waiting does
 * not start the clock over), or undefined when the agent spoke last (or the
 * chat is closed). Internal notes and system messages do not count as a
 * reply. A customer nobody has answered yet has waited since the chat
 * started. The messages held decide where they reach; before them, the
 * server's view does.
 */
export function waitingSince(view: AgentConversationView, messages: readonly MessageView[]): number | undefined {
  if (view.status === 'closed') return undefined;
  const visible = messages
    .filter((message) => !message.internal && message.author.kind !== 'system')
    .sort((a, b) => a.seq - b.seq);
  const last = visible.at(-1);
  if (!last) {
    const answered = view.firstAgentReplyAt !== undefined || view.lastAgentMessageAt !== undefined;
    return storedWaitingSince(view) ?? (answered ? undefined : Date.parse(view.createdAt));
  }
  if (last.author.kind !== 'customer') return undefined;
  let first = visible.length - 1;
  while (first > 0 && visible[first - 1]?.author.kind === 'customer') first -= 1;
  const earliestHeld = Date.parse(visible[first]?.createdAt ?? last.createdAt);
  // Every message held is the customer's: the wait may have begun before them.
  if (first === 0) return Math.min(earliestHeld, storedWaitingSince(view) ?? earliestHeld);
  return earliestHeld;
}

/** The server's view: its `waitingSince`, or (chats stored before it existed) the later of the two last messages. */
function storedWaitingSince(view: AgentConversationView): number | undefined {
  const stored = time(view.waitingSince);
  if (stored !== undefined) return stored;
  const customer = time(view.lastCustomerMessageAt);
  const agent = time(view.lastAgentMessageAt);
  return customer !== undefined && (agent === undefined || customer > agent) ? customer : undefined;
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
