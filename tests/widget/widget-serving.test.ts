import { get } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The embed script's budget (it must not slow the host page), in gzip bytes as a host page downloads it. */
const LOADER_BUDGET_GZIP = 3072;
const ALLOWED = 'http://allowed.example';

/** A revalidation as a browser cache sends it (fetch() adds `Cache-Control: no-cache`, which forbids a 304). */
function revalidate(url: string, etag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'If-None-Match': etag } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('serving the widget: loader, iframe app and demo page', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename, env: { WIDGET_ALLOWED_ORIGINS: ALLOWED } });
  });
  afterAll(() => server.stop());

  it('serves loader.js as JavaScript with a short cache, an ETag and 304 on revalidation', async () => {
    const response = await fetch(`${server.url}/widget/loader.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toContain('max-age=600');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    await response.arrayBuffer();
    expect(await revalidate(`${server.url}/widget/loader.js`, etag!)).toBe(304);
  });

  it(`keeps loader.js within ${LOADER_BUDGET_GZIP} bytes gzip, as one IIFE without zod or React`, async () => {
    const source = Buffer.from(await (await fetch(`${server.url}/widget/loader.js`)).arrayBuffer());
    const gzipped = gzipSync(source, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(LOADER_BUDGET_GZIP);
    const text = source.toString('utf8');
    // A classic script wrapped in a function: no top-level declarations leak as globals.
    expect(text).toMatch(/^\(function\(\)\{[\s\S]*\}\)\(\);?\s*$/);
    expect(text).not.toMatch(/ZodError|react\.element|__REACT/);
    expect(text).not.toMatch(/^\s*(var|let|const|function) /m);
  });

  it('serves the iframe app to an allowed origin, frameable by that origin only', async () => {
    const response = await fetch(`${server.url}/widget/?origin=${encodeURIComponent(ALLOWED)}&site=demo&locale=fr`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors ${ALLOWED}`);
    expect(csp).toContain("default-src 'self'");
    expect(await response.text()).toContain('<div id="root"></div>');
  });

  it("always lets the server's own origin embed it (the /demo page)", async () => {
    const response = await fetch(`${server.url}/widget/?origin=${encodeURIComponent(server.url)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${server.url}`);
    await response.text();
  });

  it('without ?origin= lets only the allow-list frame it', async () => {
    const response = await fetch(`${server.url}/widget/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${server.url} ${ALLOWED}`);
    await response.text();
  });

  it('refuses an origin that is not allowed with a 403 page and logs ORIGIN_NOT_ALLOWED', async () => {
    const warn = vi.spyOn(server.app.logger, 'warn');
    for (const origin of ['http://evil.example', 'javascript:alert(1)', `${ALLOWED}/path`]) {
      const response = await fetch(`${server.url}/widget/?origin=${encodeURIComponent(origin)}`);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toBeNull();
      const body = await response.text();
      expect(body).toContain('Chat isn’t available on this site yet');
      expect(body).not.toContain('<script');
    }
    const refused = warn.mock.calls.filter(([fields]) => (fields as { code?: string }).code === 'ORIGIN_NOT_ALLOWED');
    expect(refused).toHaveLength(3);
    warn.mockRestore();
  });

  it('escapes a hostile origin in the refusal page', async () => {
    const response = await fetch(`${server.url}/widget/?origin=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('redirects /widget and /widget/index.html to /widget/, keeping the query', async () => {
    for (const path of ['/widget?origin=x&site=1', '/widget/index.html?origin=x&site=1']) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('/widget/?origin=x&site=1');
    }
  });

  it('serves the hashed assets the app needs with an immutable cache', async () => {
    const html = await (await fetch(`${server.url}/widget/?origin=${encodeURIComponent(ALLOWED)}`)).text();
    const scripts = [...html.matchAll(/src="(\/widget\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const response = await fetch(`${server.url}${script}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('immutable');
      await response.arrayBuffer();
    }
    expect((await fetch(`${server.url}/widget/assets/nope.js`)).status).toBe(404);
  });

  it('serves /demo: a support page embedding the widget with the customer snippet', async () => {
    const response = await fetch(`${server.url}/demo`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Nimbus Support');
    expect(html).toContain(`<script async src="${server.url}/widget/loader.js" data-site-key="demo"`);
    expect(html).toContain('(Switchboard.q = Switchboard.q || []).push(arguments)');
  });
});
