import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices, type RunningServices } from '../../scripts/services/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('health, readiness and metrics with both services up', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
  });
  afterAll(() => server.stop());

  it('answers /healthz without touching dependencies', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 with MongoDB and Redis ok', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      accepting: true,
      checks: { mongodb: { ok: true }, redis: { ok: true } },
    });
  });

  it('exposes process and socket metrics in Prometheus format', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const body = await response.text();
    expect(body).toMatch(/^process_cpu_user_seconds_total\{app="switchboard"\} \d/m);
    expect(body).toContain('switchboard_connected_sockets{namespace="customer",app="switchboard"} 0');
  });

  it('answers unknown routes with a typed NOT_FOUND', async () => {
    const response = await fetch(`${server.url}/no/such/route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No such route.', retryable: false },
    });
  });
});

describe('/readyz when a service goes down', () => {
  // This file's own Redis and database, so stopping them harms no other test.
  let services: RunningServices;
  let server: TestServer;
  beforeAll(async () => {
    services = await startServices();
    server = await startTestServer({
      testFile: import.meta.filename,
      // Its services go down mid-test, so its stop must give up waiting on them quickly.
      env: { REDIS_URL: services.redisUrl, MONGODB_URI: services.mongoUri, SHUTDOWN_GRACE_MS: '1000' },
    });
  });
  afterAll(async () => {
    await server.app.stop();
    await services.stop();
  });

  it('says 503 and names Redis when Redis is down, while liveness stays 200', async () => {
    await services.redis?.stop();
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      checks: { mongodb: { ok: boolean }; redis: { ok: boolean; error?: string } };
    };
    expect(body.checks.mongodb).toEqual({ ok: true });
    expect(body.checks.redis.ok).toBe(false);
    expect(body.checks.redis.error).toEqual(expect.any(String));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('says 503 and names MongoDB when the database is down too', async () => {
    await services.mongo?.stop();
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: { mongodb: { ok: boolean; error?: string } } };
    expect(body.status).toBe('unavailable');
    expect(body.checks.mongodb.ok).toBe(false);
    expect(body.checks.mongodb.error).toEqual(expect.any(String));
  });
});
