import { randomUUID } from 'node:crypto';
import type { MessageSent } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { storedConversations, storedMessages } from '../support/stored.js';

/** Text that looks harmless to a schema and is not: refused at the boundary, or masked, end to end. */
describe('hostile text at the boundary', () => {
  let server: TestServer;
  const customers: TestCustomer[] = [];
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
  });
  afterAll(async () => {
    for (const customer of customers) customer.disconnect();
    await server.stop();
  });

  const customer = async () => {
    const created = new TestCustomer(server.url);
    customers.push(created);
    await created.connect();
    return created;
  };
  const refused = { ok: false, error: { code: 'VALIDATION_FAILED' } };

  it('refuses javascript: and data: page addresses and names with line breaks, creating nothing', async () => {
    const visitor = await customer();
    const before = await storedConversations(server.app).countDocuments();
    for (const prechat of [
      { ...defaultPrechat, pageUrl: 'javascript:alert(document.cookie)' },
      { ...defaultPrechat, pageUrl: 'data:text/html,<script>alert(1)</script>' },
      { ...defaultPrechat, name: 'Marie\r\nBcc: victim@target.example' },
    ]) {
      expect(await visitor.request('conversation.start', { prechat })).toMatchObject(refused);
    }
    expect(await storedConversations(server.app).countDocuments()).toBe(before);
  });

  it('refuses a message of only invisible characters and masks a card hidden by them', async () => {
    const visitor = await customer();
    const { conversation } = await visitor.start();
    const send = (body: string) =>
      visitor.request<MessageSent>('message.send', {
        conversationId: conversation.id,
        clientMessageId: randomUUID(),
        body,
      });
    for (const body of ['\u200b\u200b\u200b', '\u202e\u202d', '\u3164'])
      expect(await send(body)).toMatchObject(refused);
    const hidden = await send(`card ${'4242424242424242'.split('').join('\u200b')}`);
    expect(hidden).toMatchObject({ ok: true, data: { message: { masked: true } } });
    const fullWidth = await send('卡号 ４２４２　４２４２　４２４２　４２４２');
    expect(fullWidth).toMatchObject({ ok: true, data: { message: { masked: true } } });
    const stored = await storedMessages(server.app).find({ conversationId: conversation.id }).lean();
    const bodies = stored.map((message) => message.body).join('\n');
    expect(bodies.replace(/[\u200b]/g, '')).not.toContain('4242424242424242');
    expect(bodies).not.toContain('４２４２　４２４２　４２４２　４２４２');
  });

  it('refuses an agent photo that is not an http(s) address', async () => {
    const admin = await createSignedInAgent(server, { role: 'admin' });
    const agent = await createSignedInAgent(server);
    for (const avatarUrl of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>']) {
      const response = await agentFetch(server.url, admin, `/api/agents/${agent.agent.id}`, {
        method: 'PATCH',
        body: { avatarUrl },
      });
      expect(response.status).toBe(400);
    }
    expect((await server.app.services.agents.getById(agent.agent.id))?.avatarUrl ?? null).toBeNull();
  });
});
