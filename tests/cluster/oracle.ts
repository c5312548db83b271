import { setTimeout as sleep } from 'node:timers/promises';
import type { AckResult, MessageSent } from '@switchboard/shared';
import { Types } from 'mongoose';
import { TestCustomer } from '../support/customer-client.js';
import type { TestParticipant } from '../support/participant.js';
import type { Cluster } from './cluster.js';

/** Every successful ack a scenario's clients received, to hold against what was stored. */
export class AckLedger {
  /** conversationId → clientMessageId → the acked message's id and seq. */
  private readonly acks = new Map<string, Map<string, { id: string; seq: number }[]>>();

  record(conversationId: string, clientMessageId: string, result: AckResult<MessageSent>): void {
    if (!result.ok) return;
    let byClientId = this.acks.get(conversationId);
    if (!byClientId) this.acks.set(conversationId, (byClientId = new Map<string, { id: string; seq: number }[]>()));
    const list = byClientId.get(clientMessageId) ?? [];
    list.push({ id: result.data.message.id, seq: result.data.message.seq });
    byClientId.set(clientMessageId, list);
  }

  /** clientMessageIds that were acknowledged in a conversation. */
  acked(conversationId: string): Map<string, { id: string; seq: number }[]> {
    return this.acks.get(conversationId) ?? new Map<string, { id: string; seq: number }[]>();
  }
}

interface StoredMessage {
  _id: Types.ObjectId;
  seq: number;
  clientMessageId: string;
  internal: boolean;
  system?: { event?: string };
}

const JOB_SETTLE_MS = 30_000;

/**
 * The chaos scenarios' verdict: after faults, per conversation the stored
 * messages, every client's displayed list and the acks agree (same ids, same
 * order, nothing missing, nothing twice); no agent over capacity; no chat
 * assigned twice; no job left active; every pending idle timer belongs to a
 * conversation that exists, one at most per conversation. Returns the
 * violations found (empty: the promises held).
 */
export async function checkOracle(
  cluster: Cluster,
  input: { participants: TestParticipant[]; conversationIds: string[]; acks: AckLedger },
): Promise<string[]> {
  const problems: string[] = [];
  const db = await cluster.db();
  const redis = cluster.redis();
  const bull = `${cluster.namespace}:bull`;

  // Jobs running right now may still finish legitimately: give them a bounded moment. A job is
  // "left active" only if no look in that moment found the lists empty: a periodic sweep that
  // starts just after an empty look is new work, not a stuck job.
  const activeKeys = async () => {
    const keys = await redis.keys(`${bull}:*:active`);
    const lengths = await Promise.all(keys.map(async (key) => [key, await redis.llen(key)] as const));
    return lengths.filter(([, length]) => length > 0);
  };
  const settleBy = Date.now() + JOB_SETTLE_MS;
  let active = await activeKeys();
  while (active.length > 0 && Date.now() < settleBy) {
    await sleep(200);
    active = await activeKeys();
  }
  for (const [key, length] of active) problems.push(`${length} job(s) left active in ${key}`);

  // Catch every connected client up, as it would after its next reconnect.
  for (const participant of input.participants) {
    if (participant.socket.connected) await participant.sync();
  }

  for (const conversationId of input.conversationIds) {
    const stored = await db
      .collection<StoredMessage>('messages')
      .find({ conversationId: new Types.ObjectId(conversationId) })
      .sort({ seq: 1 })
      .toArray();
    const where = `conversation ${conversationId}`;
    const ids = stored.map((message) => message._id.toHexString());
    if (new Set(ids).size !== ids.length) problems.push(`${where}: a message stored twice`);
    const clientIds = stored.map((message) => message.clientMessageId);
    if (new Set(clientIds).size !== clientIds.length) problems.push(`${where}: a clientMessageId stored twice`);
    // Seqs order the conversation: each one once. Gaps are allowed (a seq taken by a send the
    // database then refused is not reused; clients catch up past it).
    stored.forEach((message, index) => {
      const previous = stored[index - 1];
      if (!Number.isInteger(message.seq) || message.seq < 1) problems.push(`${where}: seq ${message.seq} is invalid`);
      if (previous && message.seq <= previous.seq) problems.push(`${where}: seq ${message.seq} stored twice`);
    });

    const byClientId = new Map(stored.map((message) => [message.clientMessageId, message]));
    for (const [clientMessageId, acks] of input.acks.acked(conversationId)) {
      const found = byClientId.get(clientMessageId);
      if (!found) {
        problems.push(`${where}: acked ${clientMessageId} is not stored`);
        continue;
      }
      for (const ack of acks) {
        if (ack.id !== found._id.toHexString() || ack.seq !== found.seq)
          problems.push(
            `${where}: ack ${ack.id}#${ack.seq} disagrees with stored ${found._id.toHexString()}#${found.seq}`,
          );
      }
    }

    for (const [index, participant] of input.participants.entries()) {
      if (!participant.logs.has(conversationId)) continue;
      const who = `${participant instanceof TestCustomer ? 'customer' : 'agent'} #${index}`;
      const visible = stored
        .filter((message) => !(participant instanceof TestCustomer && message.internal))
        .map((message) => message._id.toHexString());
      const shown = participant
        .log(conversationId)
        .list()
        .map((message) => message.id);
      if (JSON.stringify(shown) !== JSON.stringify(visible)) {
        const missing = visible.filter((id) => !shown.includes(id)).length;
        const extra = shown.filter((id) => !visible.includes(id)).length;
        problems.push(
          `${where}: ${who} shows ${shown.length} (missing ${missing}, extra ${extra}), stored ${visible.length}`,
        );
      }
      const live = participant.received.filter((message) => message.conversationId === conversationId).map((m) => m.id);
      if (new Set(live).size !== live.length) problems.push(`${where}: ${who} received a broadcast twice`);
    }

    const events = stored.map((message) => message.system?.event);
    const count = (event: string) => events.filter((e) => e === event).length;
    if (count('conversation.assigned') > 1 + count('conversation.transferred') + count('conversation.requeued'))
      problems.push(`${where}: assigned ${count('conversation.assigned')} times`);
  }

  const conversations = db.collection<{ _id: Types.ObjectId; status: string; agentId: Types.ObjectId | null }>(
    'conversations',
  );
  const agents = await db
    .collection<{ _id: Types.ObjectId; capacity: number }>('agents')
    .find({}, { projection: { capacity: 1 } })
    .toArray();
  for (const agent of agents) {
    const load = await conversations.countDocuments({ agentId: agent._id, status: 'active' });
    if (load > agent.capacity)
      problems.push(`agent ${agent._id.toHexString()}: ${load} chats, capacity ${agent.capacity}`);
  }

  // Pending idle timers: delayed or waiting jobs of the idle queue.
  const idle = `${bull}:idle-timers`;
  const pendingIds = [
    ...(await redis.zrange(`${idle}:delayed`, 0, -1)),
    ...(await redis.lrange(`${idle}:wait`, 0, -1)),
    ...(await redis.zrange(`${idle}:prioritized`, 0, -1)),
  ];
  const timersPerConversation = new Map<string, number>();
  for (const jobId of pendingIds) {
    const data = await redis.hget(`${idle}:${jobId}`, 'data');
    const conversationId = data ? (JSON.parse(data) as { conversationId?: string }).conversationId : undefined;
    if (!conversationId || !(await conversations.countDocuments({ _id: new Types.ObjectId(conversationId) }))) {
      problems.push(`idle timer ${jobId} belongs to no conversation (${String(conversationId)})`);
      continue;
    }
    timersPerConversation.set(conversationId, (timersPerConversation.get(conversationId) ?? 0) + 1);
  }
  for (const [conversationId, count] of timersPerConversation) {
    if (count > 1) problems.push(`conversation ${conversationId}: ${count} pending idle timers`);
  }
  return problems;
}
