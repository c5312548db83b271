import { DEFAULT_WIDGET_SETTINGS, type WidgetSettings } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, signInRoles, type SignedIn } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const ENV_ORIGIN = 'http://from-env.example';
const SHOP = 'https://shop.example';

const CUSTOM: WidgetSettings = {
  allowedOrigins: [SHOP],
  fields: { name: 'optional', email: 'required', topic: 'hidden', language: 'hidden', region: 'required' },
  colors: { brand: '#2f6f4e' },
  greeting: { en: 'Welcome to Nimbus support!', ru: 'Добро пожаловать в поддержку Nimbus!' },
  transcriptOffer: false,
  brandName: 'Nimbus Support',
};

describe('widget settings: admin REST, public read, live allowed origins', () => {
  let server: TestServer;
  let admin: SignedIn;
  let supervisor: SignedIn;
  let agent: SignedIn;
  const call = (who: SignedIn, path: string, init: Parameters<typeof agentFetch>[3] = {}) =>
    agentFetch(server.url, who, path, init);
  const json = async (response: Response) => (await response.json()) as Record<string, unknown>;
  const frameStatus = async (origin: string) => {
    const response = await fetch(`${server.url}/widget/?origin=${encodeURIComponent(origin)}`);
    await response.text();
    return response.status;
  };
  /** The customer socket handshake from a page on `origin`: `ok` or the refusal's code. */
  const handshake = async (origin: string) => {
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

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { WIDGET_ALLOWED_ORIGINS: ENV_ORIGIN } });
    ({ admin, supervisor, agent } = await signInRoles(server));
  });
  afterAll(() => server.stop());

  it('starts from the defaults, with the env origins in effect', async () => {
    const { settings } = (await json(await call(admin, '/api/widget-settings'))) as { settings: unknown };
    expect(settings).toEqual({
      ...DEFAULT_WIDGET_SETTINGS,
      updatedAt: null,
      updatedBy: null,
      defaultAllowedOrigins: [ENV_ORIGIN],
    });
    const publicRead = await fetch(`${server.url}/api/public/widget-settings`);
    expect(publicRead.headers.get('cache-control')).toBe('no-store');
    const { allowedOrigins: _hidden, brandName: _sender, ...visible } = DEFAULT_WIDGET_SETTINGS;
    expect(await publicRead.json()).toEqual({ settings: visible });
    expect(await frameStatus(ENV_ORIGIN)).toBe(200);
    expect(await frameStatus(SHOP)).toBe(403);
  });

  it('admins replace them; the frame, the sockets and the public read follow at once; audited', async () => {
    const saved = await call(admin, '/api/widget-settings', { method: 'PUT', body: CUSTOM });
    expect(saved.status).toBe(200);
    expect(await json(saved)).toMatchObject({ settings: { ...CUSTOM, updatedBy: { id: admin.agent.id } } });

    expect(await json(await call(supervisor, '/api/widget-settings'))).toMatchObject({ settings: CUSTOM });
    // The brand name is the sender of emails: the widget does not need it.
    const { allowedOrigins: _hidden, brandName: _sender, ...visible } = CUSTOM;
    expect(await json(await fetch(`${server.url}/api/public/widget-settings`))).toEqual({ settings: visible });

    // The stored list replaces WIDGET_ALLOWED_ORIGINS, without a restart.
    expect(await frameStatus(SHOP)).toBe(200);
    expect(await frameStatus(ENV_ORIGIN)).toBe(403);
    expect(await handshake(SHOP)).toBe('ok');
    expect(await handshake(ENV_ORIGIN)).toBe('ORIGIN_NOT_ALLOWED');
    // The server's own origin (the iframe, /demo) always may.
    expect(await frameStatus(server.url)).toBe(200);
    expect(await handshake(server.url)).toBe('ok');

    const { entries } = (await json(await call(admin, '/api/audit?action=widget-settings.update'))) as {
      entries: unknown[];
    };
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { id: admin.agent.id, role: 'admin' },
      target: { kind: 'widget-settings', id: 'widget' },
      details: {
        changed: ['allowedOrigins', 'fields', 'colors', 'greeting', 'transcriptOffer', 'brandName'],
        allowedOrigins: [SHOP],
      },
    });

    // Back to the deployment's list.
    await call(admin, '/api/widget-settings', { method: 'PUT', body: { ...CUSTOM, allowedOrigins: null } });
    expect(await frameStatus(ENV_ORIGIN)).toBe(200);
    expect(await frameStatus(SHOP)).toBe(403);
    expect(await handshake(ENV_ORIGIN)).toBe('ok');
  });

  it('refuses bad bodies with VALIDATION_FAILED and changes nothing', async () => {
    const before = await json(await call(admin, '/api/widget-settings'));
    const bad: unknown[] = [
      {},
      { ...CUSTOM, extra: true },
      { ...CUSTOM, allowedOrigins: ['https://shop.example/path'] },
      { ...CUSTOM, allowedOrigins: ['javascript:alert(1)'] },
      { ...CUSTOM, allowedOrigins: [{ $gt: '' }] },
      { ...CUSTOM, fields: { ...CUSTOM.fields, name: 'maybe' } },
      { ...CUSTOM, fields: { ...CUSTOM.fields, phone: 'required' } },
      { ...CUSTOM, colors: { brand: 'red' } },
      { ...CUSTOM, greeting: { xx: 'Hello' } },
      { ...CUSTOM, greeting: { en: 'x'.repeat(301) } },
      { ...CUSTOM, transcriptOffer: 'yes' },
      { ...CUSTOM, brandName: 'Nimbus\r\nBcc: victim@example.com' },
      { ...CUSTOM, brandName: 'x'.repeat(81) },
      [CUSTOM],
    ];
    for (const body of bad) {
      const response = await call(admin, '/api/widget-settings', { method: 'PUT', body });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await json(await call(admin, '/api/widget-settings'))).toEqual(before);
  });

  it('lets only admins change them and supervisors read them', async () => {
    expect((await call(supervisor, '/api/widget-settings', { method: 'PUT', body: CUSTOM })).status).toBe(403);
    expect((await call(agent, '/api/widget-settings', { method: 'PUT', body: CUSTOM })).status).toBe(403);
    expect((await call(agent, '/api/widget-settings')).status).toBe(403);
    expect((await fetch(`${server.url}/api/widget-settings`)).status).toBe(401);
    const anonymous = await fetch(`${server.url}/api/widget-settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CUSTOM),
    });
    expect(anonymous.status).toBe(401);
  });
});
