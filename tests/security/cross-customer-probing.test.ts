import { randomUUID } from 'node:crypto';
import type { AckResult } from '@switchboard/shared';
import fc from 'fast-check';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDocuments } from '../fuzz/server-state.js';
import { clientEventNames } from '../fuzz/client-events.js';
import { customerEventSpecs } from '../fuzz/event-specs.js';
import { withKey } from '../fuzz/hostile-values.js';
import { TestCustomer } from '../support/customer-client.js';
import { connectSocket, request, waitForConnect } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { appRoutes, concretePath } from './app-routes.js';

type CustomerEvent = keyof typeof customerEventSpecs;

/** Routes whose credential is a signed token in the URL itself (no session). */
const LINK_CREDENTIAL_ROUTES = new Set(['/rate/:conversationId', '/api/uploads/:ticket', '/api/files/:id/:variant']);

const summary = (result: AckResult<unknown>) => (result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`);

/** A valid payload for `event` that names `conversationId` (as a field, or as a sync cursor). */
function payloadNaming(event: CustomerEvent, conversationId: string): Record<string, unknown> | null {
  const spec = customerEventSpecs[event];
  const [sample] = fc.sample(spec.valid({ conversationIds: [conversationId], agentIds: [], departmentIds: [] }), {
    numRuns: 1,
    seed: 42,
  });
  if (!sample) return null;
  if ('cursors' in sample) return { cursors: [{ conversationId, afterSeq: 0 }] };
  // Events where the id is optional (leaving a message) get it set: that is the probe.
  if (event === 'conversation.leaveMessage') return withKey(sample, 'conversationId', conversationId);
  return 'conversationId' in sample ? withKey(sample, 'conversationId', conversationId) : null;
}

/**
 * Customers reach only their own conversations, systematically: every customer
 * event that names a conversation, sent with someone else's conversation id,
 * answers NOT_FOUND — exactly the answer for an id that does not exist, so
 * probing reveals nothing — and changes nothing. REST has no customer
 * credentials at all: every route with an id refuses an anonymous caller the
 * same way whatever the id. (Spot checks:
 * tests/messaging/agent-messaging.test.ts "keeps other customers and agents
 * out", tests/jobs/transcripts.test.ts "refuses bad requests and other
 * customers’ conversations".)
 */
describe("customer A probing customer B's ids", () => {
  let server: TestServer;
  let alice: TestCustomer;
  let bob: TestCustomer;
  let bobConversation = '';
  let bobCustomerId = '';
  let bobMessageId = '';

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    bob = new TestCustomer(server.url);
    await bob.connect();
    const started = await bob.start({ topic: 'iphone-battery', language: 'en', name: 'Bob', email: 'bob@example.com' });
    bobConversation = started.conversation.id;
    bobCustomerId = started.customer.id;
    const sent = await bob.send(bobConversation, 'my order number is 1234');
    if (!sent.ok) throw new Error('setup send failed');
    bobMessageId = sent.data.message.id;
    alice = new TestCustomer(server.url);
    await alice.connect();
    await alice.start({ topic: 'airpods', language: 'en', name: 'Alice', email: 'alice@example.com' });
  });
  afterAll(async () => {
    alice.disconnect();
    bob.disconnect();
    await server.stop();
  });

  const events = () =>
    clientEventNames('customer').filter((event) => payloadNaming(event as CustomerEvent, bobConversation) !== null);

  it('covers every customer event that names a conversation', () => {
    expect(events()).toEqual(
      expect.arrayContaining(['message.send', 'conversation.sync', 'conversation.close', 'conversation.leaveMessage']),
    );
    expect(events().length).toBeGreaterThanOrEqual(9);
  });

  for (const who of ['a customer with a chat of their own', 'a visitor who has not started a chat'] as const) {
    it(`answers ${who} as for an id that does not exist (NOT_FOUND), and changes nothing`, async () => {
      const socket =
        who === 'a visitor who has not started a chat' ? connectSocket(server.url, 'customer') : alice.socket;
      await waitForConnect(socket);
      // A visitor with no customer yet may be told to start a chat first: that too says nothing about the id.
      const allowed = socket === alice.socket ? ['NOT_FOUND'] : ['NOT_FOUND', 'UNAUTHENTICATED'];
      const before = await countDocuments(server);
      const bobBefore = await server.app.services.conversations.load(bobConversation);
      const leaks: string[] = [];
      for (const event of events()) {
        const probe = await request(socket, event, payloadNaming(event as CustomerEvent, bobConversation));
        const missing = await request(
          socket,
          event,
          payloadNaming(event as CustomerEvent, new Types.ObjectId().toHexString()),
        );
        if (probe.ok || !allowed.includes(probe.error.code)) leaks.push(`${event}: ${JSON.stringify(probe)}`);
        if (summary(probe) !== summary(missing)) {
          leaks.push(`${event}: B's id answers ${summary(probe)}, a missing id ${summary(missing)}`);
        }
        if (JSON.stringify(probe).includes('1234')) leaks.push(`${event}: answer carries B's message`);
      }
      expect(leaks).toEqual([]);
      expect(await countDocuments(server)).toEqual(before);
      const bobAfter = await server.app.services.conversations.load(bobConversation);
      expect(bobAfter).toMatchObject({ status: bobBefore!.status, lastSeq: bobBefore!.lastSeq });
      if (socket !== alice.socket) socket.disconnect();
    });
  }

  it('B still sees exactly their own conversation, untouched', async () => {
    await bob.sync();
    expect(bob.written(bobConversation)).toEqual(['my order number is 1234']);
    expect(await bob.send(bobConversation, 'still here')).toMatchObject({ ok: true });
  });

  it('gives a customer (no agent session) nothing on any REST route with an id, whatever the id', async () => {
    const idRoutes = appRoutes(server).filter((route) => route.path.includes('/:'));
    expect(idRoutes.length).toBeGreaterThan(5);
    const leaks: string[] = [];
    for (const route of idRoutes) {
      const answers: string[] = [];
      for (const id of [bobConversation, bobCustomerId, bobMessageId, new Types.ObjectId().toHexString()]) {
        const response = await fetch(`${server.url}${concretePath(route.path, id)}`, {
          method: route.method,
          headers: {
            origin: server.url,
            'content-type': 'application/json',
            // What a widget holds: its visitor token. It is no REST credential.
            authorization: `Bearer ${alice.visitorToken ?? ''}`,
            cookie: `sb_visitor=${alice.visitorToken ?? ''}`,
          },
          ...(route.method === 'GET' ? {} : { body: JSON.stringify({ requestId: randomUUID() }) }),
        });
        const text = await response.text();
        // The email's rating page, a file and an upload are opened by the signed token in their
        // link, not a session: without it, the same 404 for every id.
        const expected = LINK_CREDENTIAL_ROUTES.has(route.path) ? 404 : 401;
        if (response.status !== expected)
          leaks.push(`${route.method} ${route.path} (${id}): ${response.status} ${text}`);
        if (text.includes('1234') || text.includes('bob@example.com'))
          leaks.push(`${route.method} ${route.path}: B's data`);
        answers.push(`${response.status} ${text}`);
      }
      if (new Set(answers).size !== 1) leaks.push(`${route.method} ${route.path}: answers differ by id`);
    }
    expect(leaks).toEqual([]);
  });
});
