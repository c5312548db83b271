import { DEFAULT_WIDGET_SETTINGS, type WidgetSettings } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, signInRoles, type SignedIn } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';

const SHOP = 'https://shop.example';
const OTHER = 'https://other.example';

/**
 * Each process keeps the widget settings in memory; a save on one process
 * must be in effect on the other at once (no restart, no waiting for a
 * cache to expire): for the public read, the socket handshake's origins and
 * the required pre-chat fields.
 */
describe('widget settings saved on one server process apply at once on another', () => {
  let first: TestServer;
  let second: TestServer;
  let admin: SignedIn;

  const publicSettings = async (server: TestServer) =>
    ((await (await fetch(`${server.url}/api/public/widget-settings`)).json()) as { settings: WidgetSettings }).settings;
  const handshake = async (server: TestServer, origin: string) => {
    const customer = new TestCustomer(server.url, { origin });
    try {
      await customer.connect();
      return 'ok';
    } catch (error) {
      return (error as { data?: { code?: string } }).data?.code ?? 'unknown';
    } finally {
      customer.disconnect();
    }
  };
  /** A new visitor's start without an email: `ok` or the refusal's code. */
  const startWithoutEmail = async (server: TestServer) => {
    const customer = new TestCustomer(server.url);
    await customer.connect();
    const result = await customer.request('conversation.start', {
      prechat: { name: 'Ines', topic: 'general', language: 'en' },
    });
    customer.disconnect();
    return result.ok ? 'ok' : result.error.code;
  };
  const save = async (server: TestServer, settings: WidgetSettings) => {
    const response = await agentFetch(server.url, admin, '/api/widget-settings', { method: 'PUT', body: settings });
    expect(response.status).toBe(200);
  };
  /** Reads everything the cache serves on `server`, so the next reads could come from memory. */
  const warm = async (server: TestServer) => {
    await publicSettings(server);
    await handshake(server, server.url);
  };

  beforeAll(async () => {
    const namespace = uniqueNamespace(import.meta.filename);
    const env = { WIDGET_ALLOWED_ORIGINS: OTHER };
    first = await startTestServer({ testFile: import.meta.filename, namespace, env });
    second = await startTestServer({ testFile: import.meta.filename, namespace, env });
    ({ admin } = await signInRoles(first));
  });
  afterAll(async () => {
    await second.app.stop();
    await first.stop();
  });

  it('follows a save on the other process for the form, the origins and the required fields', async () => {
    await warm(second);
    expect((await publicSettings(second)).colors.brand).toBeNull();
    expect(await handshake(second, SHOP)).toBe('ORIGIN_NOT_ALLOWED');
    expect(await startWithoutEmail(second)).toBe('ok');

    const custom: WidgetSettings = {
      ...DEFAULT_WIDGET_SETTINGS,
      allowedOrigins: [SHOP],
      colors: { brand: '#7a1f5c' },
      fields: { ...DEFAULT_WIDGET_SETTINGS.fields, email: 'required' },
    };
    await save(first, custom);
    expect((await publicSettings(second)).colors.brand).toBe('#7a1f5c');
    expect(await handshake(second, SHOP)).toBe('ok');
    expect(await handshake(second, OTHER)).toBe('ORIGIN_NOT_ALLOWED');
    expect(await startWithoutEmail(second)).toBe('PRECHAT_FIELD_REQUIRED');

    // And back the other way: saved on the second, in effect on the first (which read them before).
    await warm(first);
    await save(second, {
      ...custom,
      allowedOrigins: null,
      colors: { brand: null },
      fields: { ...custom.fields, email: 'optional' },
    });
    expect((await publicSettings(first)).colors.brand).toBeNull();
    expect(await handshake(first, SHOP)).toBe('ORIGIN_NOT_ALLOWED');
    expect(await handshake(first, OTHER)).toBe('ok');
    expect(await startWithoutEmail(first)).toBe('ok');
  });
});
