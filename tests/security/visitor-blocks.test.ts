import { createHmac } from 'node:crypto';
import type { AuditEntryView, ConversationStarted, VisitorBlocked, VisitorBlockView } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { connectSocket, waitForConnectError } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { storedConversations } from '../support/stored.js';

const IDENTITY_SECRET = 'host-site-shared-secret-0123456789abcdef';
const sign = (userId: string) => createHmac('sha256', IDENTITY_SECRET).update(userId).digest('hex');

/**
 * An agent blocks an abusive visitor from the desk: the chat ends, nothing of
 * theirs reaches agents any more, their widget is refused with VISITOR_BLOCKED
 * (it says chat is not available), the block is audited and a supervisor lifts
 * it in the console. The test client plays the trusted proxy
 * (TRUST_PROXY=loopback) so visitors have addresses of their own.
 */
describe('blocking a visitor', () => {
  let server: TestServer;
  let supervisor: SignedIn;
  const open: { disconnect(): void }[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { TRUST_PROXY: 'loopback', IDENTITY_SECRET },
    });
    supervisor = await createSignedInAgent(server, { role: 'supervisor', displayName: 'Sue' });
  });
  afterAll(async () => {
    for (const participant of open) participant.disconnect();
    await server.stop();
  });

  /** A visitor on `address` with a chat assigned to a fresh agent. */
  async function chatFrom(address: string, options: { identity?: { userId: string } } = {}) {
    const identity = options.identity
      ? { userId: options.identity.userId, userHash: sign(options.identity.userId) }
      : undefined;
    const customer = new TestCustomer(server.url, {
      headers: { 'x-forwarded-for': address },
      ...(identity ? { identity } : {}),
    });
    open.push(customer);
    await customer.connect();
    const started = await customer.request<ConversationStarted>('conversation.start', {
      prechat: { ...defaultPrechat, name: 'Troll' },
    });
    if (!started.ok) throw new Error(started.error.code);
    const conversationId = started.data.conversation.id;
    customer.visitorToken ??= started.data.visitorToken;
    customer.log(conversationId);
    const agent = await createSignedInAgent(server, { displayName: 'Lei' });
    await server.app.services.conversations.assign(conversationId, {
      id: agent.agent.id,
      role: 'agent',
      displayName: 'Lei',
      departmentIds: [],
      languages: ['en'],
      capacity: 3,
    });
    return { customer, conversationId, agent };
  }
  const block = (session: SignedIn, conversationId: string, body: unknown) =>
    agentFetch(server.url, session, `/api/conversations/${conversationId}/block`, { method: 'POST', body });
  /** What a visitor's next handshake from `address` gets: connected, or the refusal's code. */
  async function handshake(address: string, auth: Record<string, unknown> = {}) {
    const socket = connectSocket(server.url, 'customer', {
      auth: { protocolVersion: (await import('@switchboard/shared')).PROTOCOL_VERSION, ...auth },
      extraHeaders: { 'x-forwarded-for': address },
    });
    open.push(socket);
    const outcome = await Promise.race([
      waitForConnectError(socket).then((error) => (error.data as { code?: string } | undefined)?.code ?? 'error'),
      new Promise<string>((resolve) => socket.once('connect', () => resolve('connected'))),
    ]);
    socket.disconnect();
    return outcome;
  }

  it('ends the chat, disconnects the visitor and refuses them and their address, with an audit record', async () => {
    const { customer, conversationId, agent } = await chatFrom('203.0.113.50');
    const answer = await block(agent, conversationId, {
      reason: 'Threats to the advisor',
      duration: '24h',
      address: true,
    });
    expect(answer.status).toBe(201);
    const body = (await answer.json()) as VisitorBlocked;
    expect(body.addressBlocked).toBe(true);
    expect(body.blocks.map((each) => each.kind).sort()).toEqual(['address', 'visitor']);
    expect(body.blocks.find((each) => each.kind === 'address')?.address).toBe('203.0.113.50');

    await expect.poll(() => customer.socket.connected).toBe(false);
    const stored = await server.app.services.conversations.load(conversationId);
    expect(stored).toMatchObject({ status: 'closed', disposition: 'spam' });
    // Their token, and any new visitor from their address, are refused; another address is not.
    expect(await handshake('198.51.100.77', { visitorToken: customer.visitorToken })).toBe('VISITOR_BLOCKED');
    expect(await handshake('203.0.113.50')).toBe('VISITOR_BLOCKED');
    expect(await handshake('198.51.100.78')).toBe('connected');

    const audit = await server.app.services.audit.list({ action: 'visitor.block', limit: 10 });
    expect(audit.find((entry: AuditEntryView) => entry.target.id === stored!.customerId.toHexString())).toMatchObject({
      actor: { id: agent.agent.id },
      details: { reason: 'Threats to the advisor', duration: '24h', address: '203.0.113.50' },
    });
  });

  it('refuses a chat started from a socket that stayed connected after the block (another process missed it)', async () => {
    const { customer, conversationId, agent } = await chatFrom('203.0.113.51');
    const conversation = (await server.app.services.conversations.load(conversationId))!;
    // The block as another process would write it: this socket is not disconnected.
    await server.app.services.blocks.block(
      { id: agent.agent.id, role: 'agent', displayName: 'Lei', departmentIds: [], languages: ['en'], capacity: 3 },
      conversation,
      { reason: 'spam', duration: '1h', address: false },
      undefined,
    );
    await server.app.services.conversations.close(conversation, { kind: 'agent', id: agent.agent.id }, 'spam');
    for (const event of ['conversation.start', 'conversation.leaveMessage'] as const) {
      const payload =
        event === 'conversation.start'
          ? { prechat: defaultPrechat }
          : { prechat: { ...defaultPrechat, email: 'troll@example.com' }, body: 'let me in', requestId: 'abcdefgh-1' };
      expect(await customer.request(event, payload), event).toMatchObject({
        ok: false,
        error: { code: 'VISITOR_BLOCKED', retryable: false },
      });
    }
    expect(await storedConversations(server.app).countDocuments({ customerId: conversation.customerId })).toBe(1);
  });

  it('blocks an identified customer on every device, whatever their address', async () => {
    const { conversationId, agent } = await chatFrom('203.0.113.52', { identity: { userId: 'user-42' } });
    expect((await block(agent, conversationId, { reason: 'Abuse', duration: 'permanent' })).status).toBe(201);
    const identity = { userId: 'user-42', userHash: sign('user-42') };
    expect(await handshake('192.0.2.99', { identity })).toBe('VISITOR_BLOCKED');
    const other = { userId: 'user-43', userHash: sign('user-43') };
    expect(await handshake('192.0.2.99', { identity: other })).toBe('connected');
  });

  it('lets only the chat’s agent or a supervisor block, and refuses bad input, storing nothing', async () => {
    const { conversationId } = await chatFrom('203.0.113.53');
    const colleague = await createSignedInAgent(server, { displayName: 'Colleague' });
    const before = await server.app.services.blocks.model.countDocuments();
    expect((await block(colleague, conversationId, { reason: 'x', duration: '1h' })).status).toBe(403);
    for (const bad of [
      { duration: '1h' },
      { reason: '', duration: '1h' },
      { reason: 'x', duration: 'forever' },
      { reason: 'x\r\nBcc: y', duration: '1h' },
      { reason: { $gt: '' }, duration: '1h' },
      { reason: 'x', duration: '1h', extra: true },
    ]) {
      const answer = await block(supervisor, conversationId, bad);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await server.app.services.blocks.model.countDocuments()).toBe(before);
  });

  it('lists blocks to supervisors only; lifting one lets the visitor chat again at once, audited', async () => {
    const { customer, conversationId, agent } = await chatFrom('203.0.113.54');
    const made = (await (
      await block(agent, conversationId, { reason: 'Insults', duration: '7d' })
    ).json()) as VisitorBlocked;
    const visitorBlock = made.blocks[0]!;
    expect((await agentFetch(server.url, agent, '/api/blocks')).status).toBe(403);
    const listed = (await (await agentFetch(server.url, supervisor, '/api/blocks')).json()) as {
      blocks: VisitorBlockView[];
    };
    expect(listed.blocks.find((each) => each.id === visitorBlock.id)).toMatchObject({
      reason: 'Insults',
      customerName: 'Troll',
      by: { name: 'Lei' },
    });
    expect(await handshake('198.51.100.90', { visitorToken: customer.visitorToken })).toBe('VISITOR_BLOCKED');

    expect((await agentFetch(server.url, agent, `/api/blocks/${visitorBlock.id}`, { method: 'DELETE' })).status).toBe(
      403,
    );
    const lifted = await agentFetch(server.url, supervisor, `/api/blocks/${visitorBlock.id}`, { method: 'DELETE' });
    expect(lifted.status).toBe(200);
    expect(((await lifted.json()) as { block: VisitorBlockView }).block.liftedBy).toMatchObject({ name: 'Sue' });
    expect(await handshake('198.51.100.90', { visitorToken: customer.visitorToken })).toBe('connected');
    const after = (await (await agentFetch(server.url, supervisor, '/api/blocks')).json()) as {
      blocks: VisitorBlockView[];
    };
    expect(after.blocks.some((each) => each.id === visitorBlock.id)).toBe(false);
    const audit = await server.app.services.audit.list({ action: 'visitor.unblock', limit: 10 });
    expect(audit.some((entry) => entry.details.blockId === visitorBlock.id)).toBe(true);
  });

  it('lets a block run out at its time', async () => {
    const { customer, conversationId, agent } = await chatFrom('203.0.113.55');
    const made = (await (
      await block(agent, conversationId, { reason: 'Spam', duration: '1h' })
    ).json()) as VisitorBlocked;
    expect(await handshake('198.51.100.91', { visitorToken: customer.visitorToken })).toBe('VISITOR_BLOCKED');
    // An hour later (moved by hand, and read afresh as a process starting now would): it has ended.
    await server.app.services.blocks.model.updateOne(
      { _id: made.blocks[0]!.id },
      { $set: { expiresAt: new Date(Date.now() - 1_000) } },
    );
    const versionKey = `${server.namespace}:blocks:version`;
    await server.app.redis.command.set(versionKey, 'an hour later');
    await server.app.redis.changes.announce(versionKey);
    expect(await handshake('198.51.100.91', { visitorToken: customer.visitorToken })).toBe('connected');
  });
});
