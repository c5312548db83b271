import { createHmac } from 'node:crypto';
import { DEFAULT_WIDGET_SETTINGS, type MessageLeft, type Prechat, type WidgetSettings } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, signInRoles, type SignedIn } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const IDENTITY_SECRET = 'host-site-shared-secret-for-prechat-0123456789';
const sign = (userId: string) => createHmac('sha256', IDENTITY_SECRET).update(userId).digest('hex');

const withoutContact: Prechat = { topic: 'general', language: 'en' };
const complete: Prechat = { name: 'Amir', email: 'amir@example.com', topic: 'general', language: 'en', region: 'EU' };

describe('conversation.start enforces the pre-chat fields the admins saved as required', () => {
  let server: TestServer;
  let admin: SignedIn;
  const save = async (fields: WidgetSettings['fields']) => {
    const response = await agentFetch(server.url, admin, '/api/widget-settings', {
      method: 'PUT',
      body: { ...DEFAULT_WIDGET_SETTINGS, fields },
    });
    expect(response.status).toBe(200);
  };
  const counts = async () => ({
    customers: await server.app.mongo.collection('customers').countDocuments(),
    conversations: await server.app.mongo.collection('conversations').countDocuments(),
  });
  const visitor = async (options: ConstructorParameters<typeof TestCustomer>[1] = {}) => {
    const customer = new TestCustomer(server.url, options);
    await customer.connect();
    return customer;
  };

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { IDENTITY_SECRET } });
    ({ admin } = await signInRoles(server));
  });
  afterAll(() => server.stop());

  it('stays lenient while nobody has saved settings (the built-in defaults only guide the form)', async () => {
    const customer = await visitor();
    const started = await customer.start(withoutContact);
    expect(started.created).toBe(true);
    customer.disconnect();
  });

  it('refuses a start without a required field with PRECHAT_FIELD_REQUIRED naming it, creating nothing', async () => {
    await save({ name: 'optional', email: 'required', topic: 'required', language: 'optional', region: 'required' });
    const before = await counts();
    const customer = await visitor();
    const refused = await customer.request('conversation.start', { prechat: { ...complete, email: undefined } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PRECHAT_FIELD_REQUIRED', retryable: false, details: { fields: ['email'] } },
    });
    const both = await customer.request('conversation.start', { prechat: withoutContact });
    expect(both).toMatchObject({ ok: false, error: { details: { fields: ['email', 'region'] } } });
    // An empty value is no value: refused by the schema, also naming the field.
    const empty = await customer.request('conversation.start', { prechat: { ...complete, email: '' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(empty)).toContain('email');
    expect(await counts()).toEqual(before);

    // The optional name may be left out; with email and region the chat starts.
    const started = await customer.start({ ...complete, name: undefined });
    expect(started.created).toBe(true);
    expect(started.customer.email).toBe('amir@example.com');
    customer.disconnect();
  });

  it('applies to the offline form too, and to a returning visitor without the field on record', async () => {
    await save({ name: 'required', email: 'optional', topic: 'required', language: 'optional', region: 'optional' });
    const before = await counts();
    const customer = await visitor();
    const left = await customer.request<MessageLeft>('conversation.leaveMessage', {
      prechat: { ...withoutContact, email: 'nameless@example.com' },
      body: 'Please call me back.',
      requestId: 'prechat-offline-1',
    });
    expect(left).toMatchObject({ ok: false, error: { code: 'PRECHAT_FIELD_REQUIRED', details: { fields: ['name'] } } });
    expect(await counts()).toEqual(before);

    // A returning visitor who gave their name before counts as named.
    const named = await visitor();
    const first = await named.start({ ...withoutContact, name: 'Olga' });
    await named.request('conversation.close', { conversationId: first.conversation.id });
    expect((await named.start(withoutContact)).created).toBe(true);
    named.disconnect();
    customer.disconnect();
  });

  it('does not ask a host-verified customer for name and email, but does for a required region', async () => {
    await save({ name: 'required', email: 'required', topic: 'required', language: 'optional', region: 'required' });
    const customer = await visitor({ identity: { userId: 'user-77', userHash: sign('user-77') } });
    const refused = await customer.request('conversation.start', { prechat: withoutContact });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PRECHAT_FIELD_REQUIRED', details: { fields: ['region'] } },
    });
    expect((await customer.start({ ...withoutContact, region: 'APAC' })).created).toBe(true);
    customer.disconnect();
  });

  it('follows a change at once: made optional again, the same start goes through', async () => {
    const customer = await visitor();
    expect(await customer.request('conversation.start', { prechat: withoutContact })).toMatchObject({
      ok: false,
      error: { details: { fields: ['name', 'email', 'region'] } },
    });
    await save({ name: 'optional', email: 'hidden', topic: 'hidden', language: 'hidden', region: 'optional' });
    expect((await customer.start(withoutContact)).created).toBe(true);
    customer.disconnect();
  });
});
