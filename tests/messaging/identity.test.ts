import { createHmac } from 'node:crypto';
import type { CustomerIdentity } from '@switchboard/shared';
import { translate } from '@switchboard/shared/i18n';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { storedConversations } from '../support/stored.js';

const IDENTITY_SECRET = 'host-site-shared-secret-0123456789abcdef';
const sign = (userId: string, secret = IDENTITY_SECRET) => createHmac('sha256', secret).update(userId).digest('hex');

/**
 * A server with an identity secret for the enclosing describe, and a way to
 * connect customers to it (disconnected after). Each describe has its own:
 * chat starts are limited per address, and these tests start many.
 */
function identityServer() {
  let server: TestServer;
  const open: TestCustomer[] = [];
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { IDENTITY_SECRET } });
  });
  afterAll(async () => {
    for (const customer of open) customer.disconnect();
    await server.stop();
  });
  return {
    server: () => server,
    connect: async (identity?: CustomerIdentity) => {
      const customer = new TestCustomer(server.url, identity ? { identity } : {});
      open.push(customer);
      await customer.connect();
      return customer;
    },
  };
}

describe('customers identified by the host site (HMAC)', () => {
  const harness = identityServer();
  const { connect } = harness;
  let server: TestServer;
  beforeAll(() => {
    server = harness.server();
  });

  it('marks a validly signed customer verified and links their history across devices', async () => {
    const identity = { userId: 'user-1001', email: 'lena@example.com', name: 'Lena', userHash: sign('user-1001') };
    const phone = await connect(identity);
    expect(phone.ready?.customer).toMatchObject({ verified: true, name: 'Lena' });
    expect(phone.ready?.conversations).toEqual([]);
    const started = await phone.start({ topic: 'mac-startup', language: 'ru' });
    expect(started.customer).toMatchObject({ verified: true, name: 'Lena', email: 'lena@example.com' });
    expect(started.visitorToken).toBeUndefined();
    await phone.send(started.conversation.id, 'Mac не включается');

    const laptop = await connect(identity);
    expect(laptop.ready?.customer).toMatchObject({ id: started.customer.id, verified: true });
    expect(laptop.ready?.conversations.map((c) => c.id)).toEqual([started.conversation.id]);
    expect(laptop.bodies(started.conversation.id)).toEqual([
      // Nobody online in this test: the welcome says so.
      translate('ru', 'system.started.noAgents', { caseNumber: started.conversation.caseNumber }),
      'Mac не включается',
    ]);
    // The other device learns the chat's language with it: the widget shows the chat in Russian there too.
    expect(laptop.ready?.conversations[0]?.language).toBe('ru');
  });

  it('opens one chat when two devices of a customer start at the same moment', async () => {
    // Each pair races: one start claims the customer's live chat, the other must wait for it
    // to be stored and join it, never replace the claim with a second chat.
    const pairs = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        const userId = `user-twin-${index}`;
        const identity = { userId, name: `Twin ${index}`, userHash: sign(userId) };
        const [phone, laptop] = await Promise.all([connect(identity), connect(identity)]);
        return Promise.all([phone, laptop].map((device) => device.start({ topic: 'mac-startup', language: 'en' })));
      }),
    );
    for (const [phone, laptop] of pairs) expect(laptop?.conversation.id).toBe(phone?.conversation.id);
    const customerIds = pairs.flatMap(([phone]) => (phone ? [new Types.ObjectId(phone.customer.id)] : []));
    expect(await storedConversations(server.app).countDocuments({ customerId: { $in: customerIds } })).toBe(12);
  });

  it('refuses an invalid signature with IDENTITY_INVALID', async () => {
    const forged = { userId: 'user-1001', userHash: sign('user-1002') };
    await expect(connect(forged)).rejects.toMatchObject({ data: { code: 'IDENTITY_INVALID' } });
    const wrongSecret = { userId: 'user-1001', userHash: sign('user-1001', 'another-secret-of-enough-length-000') };
    await expect(connect(wrongSecret)).rejects.toMatchObject({ data: { code: 'IDENTITY_INVALID' } });
    const malformed = { userId: 'user-1001', userHash: 'not-hex' };
    await expect(connect(malformed)).rejects.toMatchObject({ data: { code: 'VALIDATION_FAILED' } });
  });

  it('treats a visitor without identity as anonymous, whatever email they type', async () => {
    const anonymous = await connect();
    expect(anonymous.ready?.customer).toBeNull();
    const started = await anonymous.start({
      topic: 'mac-startup',
      language: 'en',
      email: 'lena@example.com',
      name: 'Lena',
    });
    expect(started.customer.verified).toBe(false);
    // Typing a verified customer's email grants nothing: no history, no verified flag.
    expect(started.conversation.lastSeq).toBe(1); // its own welcome line only
    const verified = await server.app.mongo.collection('customers').countDocuments({
      email: 'lena@example.com',
      verified: true,
    });
    expect(verified).toBe(1);
  });
});

describe('a returning customer’s next chat', () => {
  const harness = identityServer();
  const { connect } = harness;
  let server: TestServer;
  beforeAll(() => {
    server = harness.server();
  });

  it('starts a returning visitor’s next chat under the name and email they type now; the host’s stay for a verified one', async () => {
    const visitor = await connect();
    const first = await visitor.start({
      topic: 'mac-startup',
      language: 'en',
      name: 'Lena',
      email: 'lena@old.example',
    });
    expect((await visitor.request('conversation.close', { conversationId: first.conversation.id })).ok).toBe(true);
    // Their last chat closed: the next start claims their live chat pointer in the write that reads them.
    const second = await visitor.start({
      topic: 'mac-startup',
      language: 'en',
      name: 'Lena K',
      email: 'lena@new.example',
    });
    expect(second.conversation.id).not.toBe(first.conversation.id);
    expect(second.customer).toMatchObject({ id: first.customer.id, name: 'Lena K', email: 'lena@new.example' });
    const customers = server.app.mongo.collection('customers');
    expect(await customers.findOne({ _id: new Types.ObjectId(first.customer.id) })).toMatchObject({
      name: 'Lena K',
      email: 'lena@new.example',
      liveConversationId: new Types.ObjectId(second.conversation.id),
    });
    // A start while that chat is live joins it, whatever the form says.
    const again = await visitor.start({ topic: 'mac-startup', language: 'en', name: 'Lena K' });
    expect(again.conversation.id).toBe(second.conversation.id);

    const identity = { userId: 'user-returning', name: 'Host Name', userHash: sign('user-returning') };
    const member = await connect(identity);
    const live = await member.start({ topic: 'mac-startup', language: 'en' });
    expect((await member.request('conversation.close', { conversationId: live.conversation.id })).ok).toBe(true);
    const next = await member.start({ topic: 'mac-startup', language: 'en', name: 'Typed Name' });
    expect(next.conversation.id).not.toBe(live.conversation.id);
    expect(next.customer).toMatchObject({ verified: true, name: 'Host Name' });
  });
});

describe('identified customers when the deployment has no identity secret', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
  });
  afterAll(() => server.stop());

  it('refuses them rather than trusting an unverifiable claim', async () => {
    const customer = new TestCustomer(server.url, { identity: { userId: 'u', userHash: sign('u') } });
    await expect(customer.connect()).rejects.toMatchObject({ data: { code: 'IDENTITY_INVALID' } });
    customer.disconnect();
  });
});
