import { setTimeout as sleep } from 'node:timers/promises';
import type { AckResult, ConversationStarted, DepartmentView, Prechat, QueueUpdate } from '@switchboard/shared';
import { departmentCreateSchema } from '@switchboard/shared/schemas';
import type { z } from 'zod';
import { TestAgentDesk } from '../support/agent-desk.js';
import type { TestCustomer } from '../support/customer-client.js';
import type { TestServer } from '../support/test-server.js';

/** Creates a department through the running server's service (same path as POST /api/departments). */
export async function createDepartment(
  server: TestServer,
  fields: Partial<z.input<typeof departmentCreateSchema>> & { name: string },
): Promise<DepartmentView> {
  return server.app.services.departments.create(departmentCreateSchema.parse(fields));
}

/** An agent desk on `server`, set online (which triggers routing) unless told otherwise. */
export async function openDesk(
  server: TestServer,
  fields: Parameters<typeof TestAgentDesk.open>[1] = {},
  status: 'online' | 'away' | 'offline' = 'online',
): Promise<TestAgentDesk> {
  const desk = await TestAgentDesk.open(server, fields);
  if (status !== 'offline') await setStatus(desk, status);
  return desk;
}

/**
 * A request with a patient timeout: the race tests load two servers and one
 * FerretDB hard on a shared two-core machine, where 10 s is not always enough.
 */
export function patientRequest<T>(
  participant: { socket: { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } } },
  event: string,
  payload: unknown,
): Promise<AckResult<T>> {
  return participant.socket.timeout(60_000).emitWithAck(event, payload) as Promise<AckResult<T>>;
}

export async function setStatus(desk: TestAgentDesk, status: 'online' | 'away' | 'offline'): Promise<void> {
  const result = await patientRequest(desk, 'agent.status.set', { status });
  if (!result.ok) throw new Error(`status failed: ${result.error.code}`);
}

/** The `queue.updated` payloads a customer received for one conversation, oldest first. */
export function queueUpdates(customer: TestCustomer, conversationId: string): QueueUpdate[] {
  return customer.events
    .filter((e) => e.event === 'queue.updated')
    .map((e) => e.payload as QueueUpdate)
    .filter((update) => update.conversationId === conversationId);
}

/** Polls an async condition until it holds (bounded). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starting chats is limited to 30 a minute per address (every test customer is
 * 127.0.0.1): tests that start more forget the count between bursts.
 */
export async function resetStartLimit(server: TestServer): Promise<void> {
  const redis = server.app.redis.command;
  const keys = await redis.keys(`${server.namespace}:rl:start*`);
  if (keys.length > 0) await redis.del(...keys);
}

/** Starts a chat as the widget does: a retryable refusal (storage busy) is retried after a pause. */
export async function startChat(customer: TestCustomer, prechat: Prechat): Promise<ConversationStarted> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await patientRequest<ConversationStarted>(customer, 'conversation.start', { prechat });
    if (result.ok) {
      customer.visitorToken ??= result.data.visitorToken;
      customer.log(result.data.conversation.id);
      return result.data;
    }
    if (!result.error.retryable || attempt >= 5) throw new Error(`start failed: ${result.error.code}`);
    await sleep(200 * attempt);
  }
}
