import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  AuditEntryView,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
  WebhookPayload,
} from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { openChat } from '../jobs/chat.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { agentFetch, signInRoles, type SignedInRoles } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { WebhookReceiver, type ReceivedDelivery } from '../support/webhook-receiver.js';

type Verify = (secret: string, header: unknown, rawBody: string, toleranceSeconds?: number) => boolean;

/** The verification snippet exactly as docs/webhooks.md shows it, loaded as the module a receiver would write. */
async function documentedVerifier(dir: string): Promise<Verify> {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/webhooks.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Verifying a delivery'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('docs/webhooks.md lost its verification snippet');
  const file = path.join(dir, 'verify.mjs');
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as { verifySwitchboardSignature: Verify };
  return module.verifySwitchboardSignature;
}

const payloadOf = (delivery: ReceivedDelivery) => JSON.parse(delivery.body) as WebhookPayload;

describe('outbound webhooks, against a real HTTP receiver', () => {
  let server: TestServer;
  let roles: SignedInRoles;
  let receiver: WebhookReceiver;
  let verify: Verify;
  let dir: string;

  const api = (route: string, init: { method?: string; body?: unknown } = {}) =>
    agentFetch(server.url, roles.admin, route, init);
  async function register(pathName: string, fields: Record<string, unknown> = {}): Promise<WebhookEndpointWithSecret> {
    const response = await api('/api/webhooks', {
      method: 'POST',
      body: { url: `${receiver.url}${pathName}`, events: ['message.created'], ...fields },
    });
    expect(response.status).toBe(201);
    return (await response.json()) as WebhookEndpointWithSecret;
  }
  async function deliveries(endpointId: string): Promise<WebhookDeliveryView[]> {
    const response = await api(`/api/webhooks/${endpointId}/deliveries`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { deliveries: WebhookDeliveryView[] }).deliveries;
  }
  async function waitForLog(endpointId: string, check: (log: WebhookDeliveryView[]) => boolean): Promise<void> {
    const until = Date.now() + 15_000;
    while (!check(await deliveries(endpointId))) {
      if (Date.now() > until) throw new Error(`delivery log: ${JSON.stringify(await deliveries(endpointId))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-webhooks-'));
    verify = await documentedVerifier(dir);
    receiver = new WebhookReceiver();
    await receiver.start();
    server = await startTestServer({
      testFile: import.meta.filename,
      env: {
        CUSTOMER_MESSAGE_RATE: '1000',
        AGENT_MESSAGE_RATE: '1000',
        WEBHOOK_ATTEMPTS: '4',
        WEBHOOK_BACKOFF: '100ms',
        WEBHOOK_TIMEOUT: '2s',
        WEBHOOK_DISABLE_AFTER: '2',
        WEBHOOK_REFRESH: '200ms',
      },
    });
    roles = await signInRoles(server);
  });
  afterAll(async () => {
    // The receiver first: deliveries still waiting on its slow answers fail at once, so the server stops quickly.
    await receiver.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs every delivery so that the documented snippet verifies it, and sends only what the endpoint asked for', async () => {
    const { endpoint, secret } = await register('/signed', {
      events: ['conversation.started', 'conversation.assigned', 'message.created', 'conversation.closed'],
    });
    expect(secret).toMatch(/^whsec_/);
    // The secret is shown once: never in the list.
    const listed = await (await api('/api/webhooks')).text();
    expect(listed).toContain(endpoint.id);
    expect(listed).not.toContain(secret);

    const chat = await openChat(server, { prechat: { email: 'marie@example.com' } });
    await chat.customer.send(chat.conversationId, 'My battery drains overnight');
    await chat.desk.send(chat.conversationId, 'Only agents see this note', { internal: true });
    await chat.desk.send(chat.conversationId, 'Let us check your settings.');
    await chat.desk.request('conversation.close', { conversationId: chat.conversationId, disposition: 'resolved' });
    await receiver.waitFor(() => receiver.at('/signed').length >= 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const got = receiver.at('/signed');
    expect(got.map((delivery) => delivery.headers['switchboard-event'])).toEqual([
      'conversation.started',
      'conversation.assigned',
      'message.created',
      'message.created',
      'conversation.closed',
    ]);
    for (const delivery of got) {
      expect(verify(secret, delivery.headers['switchboard-signature'], delivery.body)).toBe(true);
      expect(payloadOf(delivery).id).toBe(delivery.headers['switchboard-delivery']);
      // A byte changed, another secret, or an old timestamp: refused.
      expect(verify(secret, delivery.headers['switchboard-signature'], delivery.body.replace('{', '{ '))).toBe(false);
      expect(verify('whsec_other', delivery.headers['switchboard-signature'], delivery.body)).toBe(false);
      expect(verify(secret, delivery.headers['switchboard-signature'], delivery.body, -1)).toBe(false);
    }
    const bodies = got.map(payloadOf);
    expect(bodies.map((body) => (body.data.message as { body?: string } | undefined)?.body).filter(Boolean)).toEqual([
      'My battery drains overnight',
      'Let us check your settings.',
    ]);
    expect(JSON.stringify(bodies)).not.toContain('Only agents see this note');
    expect(bodies[4]!.data.conversation).toMatchObject({
      id: chat.conversationId,
      caseNumber: chat.caseNumber,
      status: 'closed',
      resolution: 'resolved',
      customer: { email: 'marie@example.com' },
    });
    chat.close();
  });

  it('sends internal notes to an endpoint that asks for them', async () => {
    await register('/notes', { includeInternalNotes: true });
    const chat = await openChat(server);
    await chat.desk.send(chat.conversationId, 'A note for the CRM', { internal: true });
    await receiver.waitFor(() => receiver.at('/notes').length >= 1);
    const message = payloadOf(receiver.at('/notes')[0]!).data.message as { body: string; internal: boolean };
    expect(message).toMatchObject({ body: 'A note for the CRM', internal: true });
    chat.close();
  });

  it('tells about transfers, ratings and messages left offline', async () => {
    await register('/lifecycle', {
      events: ['conversation.transferred', 'conversation.rated', 'offline-message.left'],
    });
    const moved = await openChat(server);
    await server.app.services.routing.requeue({ _id: new Types.ObjectId(moved.conversationId) });
    const rated = await openChat(server);
    await rated.desk.send(rated.conversationId, 'Glad I could help.');
    await rated.desk.request('conversation.close', { conversationId: rated.conversationId, disposition: 'resolved' });
    expect(
      (await rated.customer.request('conversation.rate', { conversationId: rated.conversationId, rating: 4 })).ok,
    ).toBe(true);
    const visitor = new TestCustomer(server.url);
    await visitor.connect();
    const left = await visitor.request('conversation.leaveMessage', {
      requestId: randomUUID(),
      prechat: { ...defaultPrechat, email: 'left@example.com' },
      body: 'Please call me back tomorrow.',
    });
    expect(left.ok).toBe(true);
    await receiver.waitFor(() => receiver.at('/lifecycle').length >= 3);
    const byEvent = Object.fromEntries(
      receiver.at('/lifecycle').map((delivery) => [payloadOf(delivery).event, payloadOf(delivery).data]),
    );
    expect(byEvent['conversation.transferred']).toMatchObject({
      reason: 'requeued',
      fromAgentId: moved.desk.principal.id,
      conversation: { id: moved.conversationId },
    });
    expect(byEvent['conversation.rated']).toMatchObject({ rating: 4, conversation: { id: rated.conversationId } });
    expect(byEvent['offline-message.left']).toMatchObject({
      conversation: { offline: true, customer: { email: 'left@example.com' } },
      message: { body: 'Please call me back tomorrow.' },
    });
    moved.close();
    rated.close();
    visitor.disconnect();
  });

  it('keeps both secrets valid for a while after a rotation', async () => {
    const { endpoint, secret: oldSecret } = await register('/rotate');
    const rotated = await api(`/api/webhooks/${endpoint.id}/rotate-secret`, { method: 'POST' });
    expect(rotated.status).toBe(200);
    const { secret: newSecret, endpoint: after } = (await rotated.json()) as WebhookEndpointWithSecret;
    expect(newSecret).not.toBe(oldSecret);
    expect(Date.parse(after.previousSecretValidUntil!)).toBeGreaterThan(Date.now() + 3_600_000);
    const chat = await openChat(server);
    await chat.customer.send(chat.conversationId, 'hello after the rotation');
    await receiver.waitFor(() => receiver.at('/rotate').length >= 1);
    const [delivery] = receiver.at('/rotate');
    expect(verify(newSecret, delivery!.headers['switchboard-signature'], delivery!.body)).toBe(true);
    expect(verify(oldSecret, delivery!.headers['switchboard-signature'], delivery!.body)).toBe(true);
    chat.close();
  });

  it('retries a 5xx and a timeout with backoff, then succeeds under the same delivery id', async () => {
    receiver.answer('/flaky', (count) =>
      count === 0 ? { status: 503 } : count === 1 ? { status: 200, delayMs: 3_000 } : { status: 200 },
    );
    const { endpoint } = await register('/flaky');
    const chat = await openChat(server);
    await chat.customer.send(chat.conversationId, 'retry me');
    await waitForLog(endpoint.id, (log) => log[0]?.status === 'delivered');
    const [entry] = await deliveries(endpoint.id);
    expect(entry).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 200, event: 'message.created' });
    const got = receiver.at('/flaky');
    expect(got).toHaveLength(3);
    expect(new Set(got.map((delivery) => delivery.headers['switchboard-delivery']))).toEqual(new Set([entry!.id]));
    // Backoff: the second attempt came at least the first delay after the first.
    expect(got[1]!.receivedAt - got[0]!.receivedAt).toBeGreaterThanOrEqual(90);
    chat.close();
  });

  it('delivers the events of one conversation in order, even when one of them has to be retried', async () => {
    // The second delivery fails twice: the ones after it wait for it rather than overtake it.
    receiver.answer('/ordered', (count) =>
      count === 1 || count === 2 ? { status: 500 } : { status: 200, delayMs: 20 },
    );
    await register('/ordered');
    const chat = await openChat(server);
    const texts = Array.from({ length: 8 }, (_, index) => `message ${index + 1}`);
    for (const text of texts) await chat.customer.send(chat.conversationId, text);
    await receiver.waitFor(() => receiver.at('/ordered').filter((delivery) => delivery.status === 200).length >= 8);
    const accepted = receiver
      .at('/ordered')
      .filter((delivery) => delivery.status === 200)
      .map((delivery) => (payloadOf(delivery).data.message as { body: string }).body);
    expect(accepted).toEqual(texts);
    chat.close();
  });

  it('redelivers a logged delivery on request, with the same id', async () => {
    const { endpoint } = await register('/redeliver');
    const chat = await openChat(server);
    await chat.customer.send(chat.conversationId, 'send me twice');
    await waitForLog(endpoint.id, (log) => log[0]?.status === 'delivered');
    const [entry] = await deliveries(endpoint.id);
    const response = await api(`/api/webhooks/${endpoint.id}/deliveries/${entry!.id}/redeliver`, { method: 'POST' });
    expect(response.status).toBe(202);
    await receiver.waitFor(() => receiver.at('/redeliver').length >= 2);
    const [first, second] = receiver.at('/redeliver');
    expect(second!.headers['switchboard-delivery']).toBe(first!.headers['switchboard-delivery']);
    expect(second!.body).toBe(first!.body);
    await waitForLog(endpoint.id, (log) => log[0]?.attempts === 2 && log[0].status === 'delivered');
    // An unknown delivery, or one of another endpoint: NOT_FOUND, nothing sent.
    const unknown = await api(`/api/webhooks/${endpoint.id}/deliveries/${crypto.randomUUID()}/redeliver`, {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
    chat.close();
  });

  it('turns off an endpoint that keeps failing, says so, and sends it nothing more', async () => {
    receiver.answer('/broken', () => ({ status: 500 }));
    const { endpoint } = await register('/broken');
    const chat = await openChat(server);
    await chat.customer.send(chat.conversationId, 'first');
    await chat.customer.send(chat.conversationId, 'second');
    // Two deliveries, each given up after its four attempts: off after WEBHOOK_DISABLE_AFTER=2.
    const until = Date.now() + 15_000;
    let view: WebhookEndpointView | undefined;
    while (!view?.disabled && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const list = (await (await api('/api/webhooks')).json()) as { endpoints: WebhookEndpointView[] };
      view = list.endpoints.find((each) => each.id === endpoint.id);
    }
    expect(view).toMatchObject({ enabled: false, disabled: { reason: 'failing', failures: 2 } });
    expect(receiver.at('/broken')).toHaveLength(8);
    expect(
      (await deliveries(endpoint.id)).map((entry) => [entry.status, entry.attempts, entry.responseStatus]),
    ).toEqual([
      ['failed', 4, 500],
      ['failed', 4, 500],
    ]);
    const audit = (await (await api('/api/audit?action=webhook.auto-disable')).json()) as {
      entries: AuditEntryView[];
    };
    expect(audit.entries[0]).toMatchObject({ actor: { id: 'system' }, target: { kind: 'webhook', id: endpoint.id } });
    await chat.customer.send(chat.conversationId, 'third');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.at('/broken')).toHaveLength(8);
    // Turned on again: it counts afresh and gets new events.
    receiver.answer('/broken', () => ({ status: 200 }));
    const enabled = await api(`/api/webhooks/${endpoint.id}`, { method: 'PATCH', body: { enabled: true } });
    expect(await enabled.json()).toMatchObject({ endpoint: { enabled: true, consecutiveFailures: 0 } });
    await chat.customer.send(chat.conversationId, 'fourth');
    await receiver.waitFor(() => receiver.at('/broken').some((delivery) => delivery.body.includes('fourth')));
    chat.close();
  });

  it('never holds a message ack for an endpoint that takes 10 s to answer', async () => {
    receiver.answer('/slow', () => ({ status: 200, delayMs: 10_000 }));
    await register('/slow');
    const chat = await openChat(server);
    const times: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      const started = performance.now();
      const ack = await chat.customer.send(chat.conversationId, `quick ${index}`);
      times.push(performance.now() - started);
      expect(ack.ok).toBe(true);
    }
    await receiver.waitFor(() => receiver.at('/slow').length >= 1);
    // Each ack came long before the receiver answered even the first delivery.
    expect(Math.max(...times)).toBeLessThan(2_000);
    chat.close();
  });

  it('refuses bad endpoints and non-admins with typed errors, storing nothing', async () => {
    const before = (await (await api('/api/webhooks')).json()) as { endpoints: unknown[] };
    for (const body of [
      { url: 'ftp://example.com/hook', events: ['message.created'] },
      { url: 'https://user:pass@example.com/hook', events: ['message.created'] },
      { url: 'not a url', events: ['message.created'] },
      { url: 'https://example.com/hook', events: [] },
      { url: 'https://example.com/hook', events: ['message.deleted'] },
      { url: 'https://example.com/hook', events: ['message.created'], secret: 'mine' },
      { url: { $ne: null }, events: ['message.created'] },
    ]) {
      const response = await api('/api/webhooks', { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    for (const who of [roles.supervisor, roles.agent]) {
      const response = await agentFetch(server.url, who, '/api/webhooks', {
        method: 'POST',
        body: { url: 'https://example.com/hook', events: ['message.created'] },
      });
      expect(response.status).toBe(403);
      expect((await agentFetch(server.url, who, '/api/webhooks')).status).toBe(403);
    }
    expect((await api('/api/webhooks/not-an-id', { method: 'PATCH', body: { enabled: false } })).status).toBe(400);
    const after = (await (await api('/api/webhooks')).json()) as { endpoints: unknown[] };
    expect(after.endpoints).toHaveLength(before.endpoints.length);
  });
});
