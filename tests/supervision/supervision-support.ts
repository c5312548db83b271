import type { AckResult, AuditEntryView, IdleReason, MessageView, Prechat } from '@switchboard/shared';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The same bounded polling the routing tests use.
export { eventually } from '../routing/routing-support.js';

export const SUPERVISION_ENV = { CUSTOMER_MESSAGE_RATE: '1000', AGENT_MESSAGE_RATE: '1000' };

/** A server for the calling test file, with message rate limits out of the tests' way. */
export function startSupervisionServer(testFile: string): Promise<TestServer> {
  return startTestServer({ testFile, env: SUPERVISION_ENV });
}

/** Two processes of one deployment (one database, one Redis prefix), for what must work across processes. */
export async function startTwoProcesses(testFile: string): Promise<[TestServer, TestServer]> {
  const a = await startSupervisionServer(testFile);
  const b = await startTestServer({ testFile, namespace: a.namespace, env: SUPERVISION_ENV });
  return [a, b];
}

/** Stops servers one after the other, in the order given. */
export async function stopServers(...servers: TestServer[]): Promise<void> {
  for (const server of servers) await server.stop();
}

/** Unwraps an ack, failing the test with the server's error code. */
export function ok<T>(result: AckResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.data;
}

export async function setStatus(desk: TestAgentDesk, status: 'online' | 'away' | 'offline'): Promise<void> {
  ok(await desk.request('agent.status.set', { status }));
}

/** A signed-in supervisor's socket, online (as most tests want; a take-over does not need it). */
export async function openSupervisor(
  server: TestServer,
  fields: Parameters<typeof TestAgentDesk.open>[1] = {},
): Promise<TestAgentDesk> {
  const desk = await TestAgentDesk.open(server, { displayName: 'Sam Supervisor', role: 'supervisor', ...fields });
  await setStatus(desk, 'online');
  return desk;
}

export interface LiveChat {
  customer: TestCustomer;
  desk: TestAgentDesk;
  conversationId: string;
  caseNumber: string;
}

/** A customer on `customerServer` whose chat is assigned to a fresh agent on `agentServer`, with one customer message. */
export async function openLiveChat(
  customerServer: TestServer,
  options: { agentServer?: TestServer; agentName?: string; prechat?: Partial<Prechat>; desk?: TestAgentDesk } = {},
): Promise<LiveChat> {
  const agentServer = options.agentServer ?? customerServer;
  const customer = new TestCustomer(customerServer.url);
  await customer.connect();
  const { conversation } = await customer.start({ ...defaultPrechat, ...options.prechat });
  const desk = options.desk ?? (await TestAgentDesk.open(agentServer, { displayName: options.agentName ?? 'Lei' }));
  await agentServer.app.services.conversations.assign(conversation.id, desk.principal);
  desk.log(conversation.id);
  ok(await customer.send(conversation.id, 'My battery drains overnight'));
  await desk.waitFor(() => desk.bodies(conversation.id).includes('My battery drains overnight'));
  return { customer, desk, conversationId: conversation.id, caseNumber: conversation.caseNumber };
}

/** Flags a chat idle through the jobs feature's own flag service (what its timer does when the SLA passes). */
export async function flagIdle(server: TestServer, conversationId: string, reason: IdleReason): Promise<void> {
  const conversation = await server.app.services.conversations.load(conversationId);
  if (!conversation) throw new Error('no such conversation');
  // Decided on the chat as it stands now, as the timer decides on what it read.
  const seen = await server.app.services.messages.liveState.read(conversation._id);
  if (!seen) throw new Error('no live state');
  const flagged = await server.app.services.idleFlags.set(conversation, reason, new Date(Date.now() - 300_000), seen);
  if (!flagged) throw new Error('flag not set');
}

export async function auditEntries(server: TestServer, action: string, targetId: string): Promise<AuditEntryView[]> {
  return server.app.services.audit.list({ action, targetId, limit: 50 });
}

export function systemEvents(participant: { log(id: string): { list(): MessageView[] } }, id: string): string[] {
  return participant
    .log(id)
    .list()
    .flatMap((message) => (message.system ? [message.system.event] : []));
}
