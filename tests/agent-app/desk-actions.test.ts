import { randomUUID } from 'node:crypto';
import type {
  ConversationSatisfaction,
  CustomerConversationSummary,
  DeskSettings,
  QueueChanged,
  TranscriptDeliveryView,
} from '@switchboard/shared';
import { departmentCreateSchema } from '@switchboard/shared/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * What the desk adds to the server: sending the transcript now,
 * the rating a customer gave, the SLA thresholds from configuration, and the
 * department queue pushed to its agents instead of polled.
 */
describe('agent desk actions', () => {
  let server: TestServer;
  let smtp: SmtpListener;
  let audioId: string;
  let lei: Awaited<ReturnType<typeof createSignedInAgent>>;
  const customers: TestCustomer[] = [];
  const desks: TestAgentDesk[] = [];

  /** A customer on an Audio topic, assigned to Lei. */
  async function chatWithLei(prechat: { name: string; email?: string }) {
    const customer = new TestCustomer(server.url);
    customers.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ ...prechat, topic: 'earbuds-repair', language: 'en' });
    await server.app.services.conversations.assign(conversation.id, {
      id: lei.agent.id,
      role: 'agent',
      displayName: 'Lei',
      departmentIds: [audioId],
      languages: ['en'],
      capacity: 5,
    });
    return { customer, conversationId: conversation.id };
  }

  const sendTranscript = (session: SignedIn, conversationId: string, requestId: unknown) =>
    agentFetch(server.url, session, `/api/conversations/${conversationId}/transcripts`, {
      method: 'POST',
      body: { requestId },
    });

  const deliveryLog = async (conversationId: string) => {
    const response = await agentFetch(server.url, lei, `/api/conversations/${conversationId}/transcripts`);
    return ((await response.json()) as { transcripts: TranscriptDeliveryView[] }).transcripts;
  };

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { SMTP_URL: smtp.url, TRANSCRIPT_BACKOFF: '100ms', DESK_REPLY_AMBER: '90s', DESK_REPLY_RED: '6m' },
    });
    const audio = await server.app.services.departments.create(
      departmentCreateSchema.parse({
        name: 'Audio',
        topics: [{ key: 'earbuds-repair', labels: { en: 'Earbuds repair' } }],
        languages: ['en'],
        hours: null,
        agentReplySlaSeconds: 60,
      }),
    );
    audioId = audio.id;
    lei = await createSignedInAgent(server, { displayName: 'Lei', departmentIds: [audioId], capacity: 5 });
  }, 60_000);

  afterAll(async () => {
    for (const customer of customers) customer.disconnect();
    for (const desk of desks) desk.disconnect();
    await server.stop();
    await smtp.close();
  });

  it('emails the transcript to the customer once per request and logs it', async () => {
    const { conversationId } = await chatWithLei({ name: 'Marie', email: 'marie.transcript@example.com' });
    const requestId = randomUUID();
    // The desk retries a request that timed out with the same id: still one email.
    const first = await sendTranscript(lei, conversationId, requestId);
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ requestId, to: 'marie.transcript@example.com' });
    expect((await sendTranscript(lei, conversationId, requestId)).status).toBe(202);
    await smtp.waitFor(() => smtp.to('marie.transcript@example.com').length === 1);

    // A second click is a second request: a second email, and two log entries in all.
    expect((await sendTranscript(lei, conversationId, randomUUID())).status).toBe(202);
    await smtp.waitFor(() => smtp.to('marie.transcript@example.com').length === 2);
    const mails = smtp.to('marie.transcript@example.com');
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(2);
    await expect
      .poll(async () => (await deliveryLog(conversationId)).map((entry) => entry.status))
      .toEqual(['sent', 'sent']);
    const log = await deliveryLog(conversationId);
    expect(log.every((entry) => entry.trigger === 'request' && entry.to === 'marie.transcript@example.com')).toBe(true);
  });

  it('refuses what it must without sending anything', async () => {
    const { conversationId } = await chatWithLei({ name: 'Nobody' });
    // No address to send to.
    const noEmail = await sendTranscript(lei, conversationId, randomUUID());
    expect(noEmail.status).toBe(400);
    expect(await noEmail.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    // A malformed request id.
    const bad = await sendTranscript(lei, conversationId, { $gt: '' });
    expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    // Someone else's chat.
    const other = await createSignedInAgent(server, { displayName: 'Olga' });
    const withEmail = await chatWithLei({ name: 'Paul', email: 'paul@example.com' });
    const forbidden = await sendTranscript(other, withEmail.conversationId, randomUUID());
    expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await deliveryLog(conversationId)).toEqual([]);
    expect(await deliveryLog(withEmail.conversationId)).toEqual([]);
  });

  it("shows the customer's rating on the chat and in their history", async () => {
    const { customer, conversationId } = await chatWithLei({ name: 'Rita', email: 'rita@example.com' });
    const satisfaction = async () =>
      (await (
        await agentFetch(server.url, lei, `/api/conversations/${conversationId}/satisfaction`)
      ).json()) as ConversationSatisfaction;
    expect(await satisfaction()).toEqual({ satisfaction: null });

    // Lei answered (a chat nobody answered has nothing to rate), then the customer ends it.
    const desk = await TestAgentDesk.openSession(server.url, lei);
    desks.push(desk);
    desk.log(conversationId);
    expect(await desk.send(conversationId, 'Hi Rita, Lei here.')).toMatchObject({ ok: true });
    expect(await customer.request('conversation.close', { conversationId })).toMatchObject({ ok: true });
    const rated = await customer.request('conversation.rate', { conversationId, rating: 2, comment: 'Too slow' });
    expect(rated).toMatchObject({ ok: true });
    expect(await satisfaction()).toMatchObject({ satisfaction: { rating: 2, comment: 'Too slow' } });

    // The next chat of the same customer shows it among their previous conversations.
    const next = await customer.start({
      name: 'Rita',
      email: 'rita@example.com',
      topic: 'earbuds-repair',
      language: 'en',
    });
    await server.app.services.conversations.assign(next.conversation.id, {
      id: lei.agent.id,
      role: 'agent',
      displayName: 'Lei',
      departmentIds: [audioId],
      languages: ['en'],
      capacity: 5,
    });
    const history = (await (
      await agentFetch(server.url, lei, `/api/customers/${next.customer.id}/conversations`)
    ).json()) as { conversations: CustomerConversationSummary[] };
    expect(history.conversations.find((c) => c.id === conversationId)?.satisfaction).toMatchObject({ rating: 2 });
  });

  it('takes the SLA thresholds from the configuration and the department', async () => {
    const response = await agentFetch(server.url, lei, '/api/desk/settings');
    const settings = (await response.json()) as DeskSettings;
    expect(settings.replySla).toEqual({ amberMs: 90_000, redMs: 360_000 });
    // Audio alerts supervisors after 60 s: amber then, red at the deployment's multiple (4×).
    expect(settings.departmentReplySla[audioId]).toEqual({ amberMs: 60_000, redMs: 240_000 });
  });

  it("pushes a new waiting chat to the department's agents without them asking", async () => {
    const desk = await TestAgentDesk.open(server, { displayName: 'Ana', departmentIds: [audioId] });
    desks.push(desk);
    // Away: routing leaves the chat waiting for a manual pickup.
    expect(await desk.request('agent.status.set', { status: 'away' })).toMatchObject({ ok: true });
    const customer = new TestCustomer(server.url);
    customers.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ name: 'Queued Quinn', topic: 'earbuds-repair', language: 'en' });

    const pushes = () => desk.events.filter((e) => e.event === 'queue.changed').map((e) => e.payload as QueueChanged);
    await desk.waitFor(() =>
      pushes().some((push) => push.entries.some((entry) => entry.conversationId === conversation.id)),
    );
    const push = pushes().find((p) => p.entries.some((entry) => entry.conversationId === conversation.id));
    expect(push).toMatchObject({ departmentId: audioId });
    expect(push?.entries.find((entry) => entry.conversationId === conversation.id)).toMatchObject({
      customerName: 'Queued Quinn',
      caseNumber: conversation.caseNumber,
    });

    // Taken by the agent: the next push shows the queue without it.
    expect(await desk.request('conversation.pickup', { conversationId: conversation.id })).toMatchObject({ ok: true });
    await desk.waitFor(() => {
      const last = pushes().at(-1);
      return last !== undefined && !last.entries.some((entry) => entry.conversationId === conversation.id);
    });
  });
});
