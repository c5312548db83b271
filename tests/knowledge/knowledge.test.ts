import type {
  AgentConversationView,
  AgentSessionReady,
  CannedResponseView,
  CustomerConversationSummary,
  DeskSettings,
  KbArticleView,
} from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Canned responses, KB articles and the desk's REST reads, against the real server. */
describe('knowledge and desk REST', () => {
  let server: TestServer;
  let agent: SignedIn;
  const open: { disconnect(): void }[] = [];

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    agent = await createSignedInAgent(server, { displayName: 'Lei' });
  });
  afterAll(async () => {
    for (const participant of open) participant.disconnect();
    await server.stop();
  });

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
  const get = async <T>(path: string, as: SignedIn = agent): Promise<{ status: number; body: T }> => {
    const response = await agentFetch(server.url, as, path);
    return { status: response.status, body: (await response.json()) as T };
  };

  it('serves the seeded canned responses per locale', async () => {
    const { status, body } = await get<{ canned: CannedResponseView[] }>('/api/knowledge/canned?locale=fr');
    expect(status).toBe(200);
    const greet = body.canned.find((c) => c.shortcut === 'greet');
    expect(greet).toMatchObject({ locale: 'fr', title: 'Accueil' });
    expect(greet?.body).toContain('{{customer.firstName}}');
    for (const locale of ['en', 'zh-Hans', 'zh-Hant', 'ru']) {
      const other = await get<{ canned: CannedResponseView[] }>(`/api/knowledge/canned?locale=${locale}`);
      expect(other.body.canned.find((c) => c.shortcut === 'greet')?.locale).toBe(locale);
    }
  });

  it('ranks articles for a query in the customer language', async () => {
    const ru = await get<{ articles: KbArticleView[] }>(
      `/api/knowledge/articles?locale=ru&q=${encodeURIComponent('наушники не подключаются')}`,
    );
    expect(ru.body.articles[0]?.slug).toBe('earbuds-pairing');
    const zh = await get<{ articles: KbArticleView[] }>(
      `/api/knowledge/articles?locale=zh-Hant&q=${encodeURIComponent('電池耗電很快')}`,
    );
    expect(zh.body.articles[0]).toMatchObject({ slug: 'battery-health', locale: 'zh-Hant' });
    const all = await get<{ articles: KbArticleView[] }>('/api/knowledge/articles?locale=en');
    expect(all.body.articles.length).toBeGreaterThanOrEqual(8);
  });

  it('refuses anonymous and malformed requests with a clear code', async () => {
    const anonymous = await fetch(`${server.url}/api/knowledge/canned`);
    expect(anonymous.status).toBe(401);
    const bad = await get<{ error: { code: string } }>('/api/knowledge/articles?locale=xx');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('gives the desk its SLA thresholds', async () => {
    const { body } = await get<DeskSettings>('/api/desk/settings');
    expect(body.replySla.amberMs).toBeLessThan(body.replySla.redMs);
  });

  it('shows a customer history only to the agent serving them', async () => {
    const customer = new TestCustomer(server.url);
    open.push(customer);
    await customer.connect();
    const first = await customer.start({
      name: 'Marie',
      email: 'marie@example.com',
      topic: 'iphone-battery',
      language: 'fr',
      pageUrl: 'https://shop.example.com/support',
    });
    const desk = await TestAgentDesk.open(server, { displayName: 'Olga' });
    open.push(desk);
    await server.app.services.conversations.assign(first.conversation.id, desk.principal).catch(() => undefined);
    const owner = (await server.app.services.conversations.load(first.conversation.id))?.agentId?.toHexString();
    expect(owner).toBe(desk.principal.id);
    await desk.send(first.conversation.id, 'Bonjour Marie !');
    const customerId = first.customer.id;

    // Lei serves nobody: refused.
    const refused = await get<{ error: { code: string } }>(`/api/customers/${customerId}/conversations`);
    expect(refused.status).toBe(403);
    expect((await get(`/api/conversations/${first.conversation.id}/transcript`)).status).toBe(403);

    // The serving agent reads the history and a transcript with its notes.
    const serving = await createSignedInAgent(server);
    await server.app.services.conversations.close(
      { _id: (await server.app.services.conversations.load(first.conversation.id))!._id },
      { kind: 'agent' },
      'resolved',
    );
    const second = await customer.start({ name: 'Marie', topic: 'iphone-battery', language: 'fr' });
    await server.app.services.conversations
      .assign(second.conversation.id, {
        id: serving.agent.id,
        role: serving.agent.role,
        displayName: serving.agent.displayName,
        departmentIds: [],
        languages: ['en'],
        capacity: 3,
      })
      .catch(() => undefined);
    const servedBy = (await server.app.services.conversations.load(second.conversation.id))?.agentId?.toHexString();
    // Agents start offline, so routing leaves the chat to our explicit assignment.
    expect(servedBy).toBe(serving.agent.id);
    const reader = serving;
    const history = await get<{ conversations: CustomerConversationSummary[] }>(
      `/api/customers/${customerId}/conversations`,
      reader,
    );
    expect(history.status).toBe(200);
    expect(history.body.conversations.map((c) => c.id)).toEqual([second.conversation.id, first.conversation.id]);
    expect(history.body.conversations[1]).toMatchObject({ status: 'closed', disposition: 'resolved' });
    const transcript = await get<{ messages: { body: string }[] }>(
      `/api/conversations/${first.conversation.id}/transcript`,
      reader,
    );
    expect(transcript.status).toBe(200);
    expect(transcript.body.messages.map((m) => m.body)).toContain('Bonjour Marie !');
  });

  it('tells the desk about the customer in session.ready and conversation.view', async () => {
    const customer = new TestCustomer(server.url);
    open.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({
      name: 'Wei',
      topic: 'earbuds-pairing',
      language: 'zh-Hans',
      region: 'CN',
      userAgent: 'Mozilla/5.0 Chrome/131',
    });
    const desk = await TestAgentDesk.open(server, { displayName: 'Lei' });
    open.push(desk);
    await server.app.services.conversations.assign(conversation.id, desk.principal);
    const viewed = await desk.request<AgentConversationView>('conversation.view', { conversationId: conversation.id });
    expect(viewed).toMatchObject({
      ok: true,
      data: { customer: { name: 'Wei', verified: false }, region: 'CN', userAgent: 'Mozilla/5.0 Chrome/131' },
    });
    desk.disconnect();
    await desk.connect(server.url);
    const ready: AgentSessionReady = desk.ready!;
    expect(ready.conversations.find((c) => c.id === conversation.id)).toMatchObject({
      customer: { name: 'Wei' },
      receipts: { agent: { readSeq: 0 } },
    });
  });
});
