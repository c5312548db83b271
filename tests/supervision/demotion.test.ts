import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import type { TestServer } from '../support/test-server.js';
import { eventually, ok, openLiveChat, setStatus, startTwoProcesses, stopServers } from './supervision-support.js';

/**
 * A supervisor demoted by an admin on one process while their console is open
 * on another: their open socket leaves what only supervisors receive at once —
 * the chats they observed (internal notes included) and the supervisors room —
 * and keeps their own assigned chat.
 */
describe('a supervisor demoted while observing', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await startTwoProcesses(import.meta.filename);
  });
  afterAll(() => stopServers(b, a));

  it('stops receiving observed chats and supervisor pushes on the open socket, keeps their own chat', async () => {
    const observed = await openLiveChat(a, { agentName: 'Lei' });
    const ownChat = await openLiveChat(a, { agentName: 'Other' });
    const signed = await createSignedInAgent(b, { role: 'supervisor', displayName: 'Sam' });
    const supervisor = await TestAgentDesk.openSession(b.url, signed);
    await setStatus(supervisor, 'online');
    ok(await supervisor.request('supervisor.observe', { conversationId: observed.conversationId }));
    // A chat of their own, taken over while still a supervisor.
    ok(await supervisor.request('supervisor.takeover', { conversationId: ownChat.conversationId }));
    supervisor.log(ownChat.conversationId);
    ok(await observed.desk.send(observed.conversationId, 'NOTE before: she was rude', { internal: true }));
    await supervisor.waitFor(() => supervisor.bodies(observed.conversationId).includes('NOTE before: she was rude'));

    const admin = await createSignedInAgent(a, { role: 'admin' });
    const demoted = await agentFetch(a.url, admin, `/api/agents/${signed.agent.id}`, {
      method: 'PATCH',
      body: { role: 'agent' },
    });
    expect(demoted.status).toBe(200);
    const socketOnB = () => b.app.sockets.namespace('agent').sockets.get(supervisor.socket.id ?? '');
    await eventually(() => socketOnB()?.rooms.has(`conv:${observed.conversationId}:a`) === false);
    expect(socketOnB()?.rooms.has('supervisors')).toBe(false);
    expect(socketOnB()?.rooms.has(`conv:${ownChat.conversationId}:a`)).toBe(true);

    ok(await observed.desk.send(observed.conversationId, 'NOTE after: refund refused', { internal: true }));
    ok(await observed.customer.send(observed.conversationId, 'Hello?'));
    ok(await ownChat.customer.send(ownChat.conversationId, 'Are you still with me?'));
    await supervisor.waitFor(() => supervisor.bodies(ownChat.conversationId).includes('Are you still with me?'));
    await sleep(300);
    expect(supervisor.bodies(observed.conversationId)).not.toContain('NOTE after: refund refused');
    expect(supervisor.bodies(observed.conversationId)).not.toContain('Hello?');
    // And the console's events now answer FORBIDDEN.
    expect(await supervisor.request('supervisor.observe', { conversationId: observed.conversationId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const participant of [supervisor, observed.customer, observed.desk, ownChat.customer, ownChat.desk]) {
      participant.disconnect();
    }
  });
});
