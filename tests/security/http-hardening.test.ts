import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** What every HTTP answer carries, and how a body the server cannot read is refused. */
describe('HTTP hardening', () => {
  let development: TestServer;
  let production: TestServer;
  beforeAll(async () => {
    development = await startTestServer({ testFile: import.meta.filename });
    production = await startTestServer({
      testFile: import.meta.filename,
      env: { NODE_ENV: 'production', PUBLIC_URL: 'https://support.example' },
    });
  });
  afterAll(async () => {
    await development.stop();
    await production.stop();
  });

  const signIn = (server: TestServer, body: Buffer | string, headers: Record<string, string>) =>
    fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  it('answers a body in an unsupported Content-Encoding with 415, not a retryable 500', async () => {
    const zstd = await signIn(development, Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]), { 'content-encoding': 'zstd' });
    expect(zstd.status).toBe(415);
    expect(await zstd.json()).toEqual({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.any(String),
        retryable: false,
        details: { accepted: ['identity', 'gzip', 'deflate', 'br'] },
      },
    });
    const charset = await signIn(development, '{}', { 'content-type': 'application/json; charset=klingon' });
    expect(charset.status).toBe(415);
    // Encodings it reads still work (here: a well-formed gzip body, refused only for what it says).
    const gzip = await signIn(
      development,
      gzipSync(JSON.stringify({ email: 'x@example.com', password: 'p'.repeat(12) })),
      {
        'content-encoding': 'gzip',
      },
    );
    expect(gzip.status).toBe(401);
  });

  it('marks every answer nosniff, JSON and errors included', async () => {
    for (const path of ['/api/public/topics', '/api/no-such-route', '/healthz', '/demo']) {
      const response = await fetch(`${development.url}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      await response.arrayBuffer();
    }
  });

  it('sends HSTS in production behind https, never in development', async () => {
    const secure = await fetch(`${production.url}/healthz`);
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const plain = await fetch(`${development.url}/healthz`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves /demo under a Content-Security-Policy whose nonce only its own scripts carry', async () => {
    for (const server of [production, development]) {
      const response = await fetch(`${server.url}/demo`);
      const policy = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, policy).toBeTruthy();
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      // The stub, the loader (from the server) and the page's wiring; no inline handlers.
      expect(scripts.filter((tag) => !tag.includes(' src=')).every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(
        true,
      );
      expect(html).not.toMatch(/\son[a-z]+="/);
      // A new nonce every time.
      const again = (await fetch(`${server.url}/demo`)).headers.get('content-security-policy');
      expect(again).not.toBe(policy);
    }
  });
});
