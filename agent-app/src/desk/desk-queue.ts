import type { QueueChanged, QueueEntry } from '@switchboard/shared';

const queuedAt = (entry: QueueEntry) => Date.parse(entry.queuedAt);

/**
 * The order the desk shows waiting chats in, as routing serves them: live
 * chats before messages left offline, transfers (priority) first, then the
 * longest wait.
 */
export function sortQueue(entries: readonly QueueEntry[]): QueueEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(a.offline) - Number(b.offline) || Number(b.priority) - Number(a.priority) || queuedAt(a) - queuedAt(b),
  );
}

/** The desk's queue after a `queue.changed` push: that queue's entries replace the ones held for it. */
export function applyQueueChange(queue: readonly QueueEntry[], change: QueueChanged): QueueEntry[] {
  const others = queue.filter((entry) => (entry.departmentId ?? null) !== change.departmentId);
  return sortQueue([...others, ...change.entries]);
}
