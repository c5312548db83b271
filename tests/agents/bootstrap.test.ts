import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/agent-client.js';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';

const cli = createRequire(import.meta.url)
  .resolve('@switchboard/server')
  .replace(/index\.js$/, 'cli/create-agent.js');

describe('first admin, demo agents, the create-agent CLI and metrics', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers.reverse()) await server.stop();
  });

  it('creates the first admin from ADMIN_EMAIL once, even when two processes boot together', async () => {
    const namespace = uniqueNamespace(import.meta.filename);
    const env = { ADMIN_EMAIL: 'Boss@Example.com', ADMIN_PASSWORD: 'first admin password' };
    const both = await Promise.all([
      startTestServer({ testFile: import.meta.filename, namespace, env }),
      startTestServer({ testFile: import.meta.filename, namespace, env }),
    ]);
    servers.push(...both);
    const agents = await both[0].app.services.agents.list();
    expect(agents.filter((agent) => agent.role === 'admin')).toEqual([
      expect.objectContaining({ email: 'boss@example.com', active: true }),
    ]);
    await expect(signIn(both[1].url, 'boss@example.com', 'first admin password')).resolves.toMatchObject({
      agent: { role: 'admin' },
    });
  });

  it('seeds demo agents in development only while there are none', async () => {
    const server = await startTestServer({ testFile: import.meta.filename, env: { NODE_ENV: 'development' } });
    servers.push(server);
    const emails = (await server.app.services.agents.list()).map((agent) => agent.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@example.com', 'supervisor@example.com', 'lei@example.com']));
    await expect(signIn(server.url, 'lei@example.com', 'switchboard-demo')).resolves.toMatchObject({
      agent: { displayName: 'Lei', role: 'agent' },
    });
  });

  describe('with a running server', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ testFile: import.meta.filename });
      servers.push(server);
    });

    const runCli = (args: string[]) =>
      spawnSync(process.execPath, [cli, '--', ...args], {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          MONGODB_URI: server.app.config.MONGODB_URI,
          MONGODB_DB: server.app.config.MONGODB_DB,
        },
        encoding: 'utf8',
        timeout: 30_000,
      });

    it('creates an agent from the command line who can then sign in; a taken email fails clearly', () => {
      const args = [
        '--email',
        'cli@example.com',
        '--password',
        'cli password 123',
        '--name',
        'Cli Admin',
        '--role',
        'admin',
      ];
      const created = runCli(args);
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      expect(JSON.parse(created.stdout)).toMatchObject({
        email: 'cli@example.com',
        role: 'admin',
        displayName: 'Cli Admin',
      });
      const again = runCli(args);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('CONFLICT');
      const usage = runCli(['--email', 'x@example.com']);
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('Usage: create-agent');
    });

    it('signs in the CLI-created agent', async () => {
      await expect(signIn(server.url, 'cli@example.com', 'cli password 123')).resolves.toMatchObject({
        agent: { role: 'admin' },
      });
    });

    it('exposes agents by status as a gauge', async () => {
      const body = await (await fetch(`${server.url}/metrics`)).text();
      expect(body).toMatch(/^switchboard_agents\{status="offline",app="switchboard"\} \d+$/m);
      expect(body).toMatch(/^switchboard_agents\{status="online",app="switchboard"\} 0$/m);
    });
  });
});
