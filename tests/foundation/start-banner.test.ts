import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import { uniqueNamespace } from '../support/test-server.js';

const serverMain = createRequire(import.meta.url)
  .resolve('@switchboard/server')
  .replace(/index\.js$/, 'main.js');

/** Starts the real entry point and returns what it printed on stdout once the banner is complete. */
async function banner(env: Record<string, string>): Promise<string> {
  const namespace = uniqueNamespace(import.meta.filename);
  const child = spawn(process.execPath, [serverMain], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: namespace,
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: namespace,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner within 60 s; got: ${output}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // One write, ending with an empty line.
        if (output.includes('Readiness:') && output.endsWith('\n\n')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before its banner: ${output}`));
      });
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
  return output;
}

describe('the start banner', () => {
  it('in development, names every place to open and the demo sign-ins, in plain lines', async () => {
    const output = await banner({ NODE_ENV: 'development' });
    const url = /Switchboard is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url).toBeDefined();
    for (const [label, path] of [
      ['Demo page with the chat widget', '/demo'],
      ['Agent desk', '/agent/'],
      ['Supervisor console', '/agent/console'],
      ['Readiness', '/readyz'],
    ] as const) {
      expect(output).toMatch(new RegExp(`${label}.*: +${url}${path}\\n`));
    }
    expect(output).toContain('Demo sign-ins, all with the password "switchboard-demo":');
    for (const [email, role] of [
      ['admin@example.com', 'admin'],
      ['supervisor@example.com', 'supervisor'],
      ['lei@example.com', 'agent'],
      ['marie@example.com', 'agent'],
      ['olga@example.com', 'agent'],
    ] as const) {
      expect(output).toMatch(new RegExp(`^ +${email.replace('.', '\\.')} +${role}$`, 'm'));
    }
    // Plain text, not a log line.
    expect(output).not.toMatch(/^\{/m);
  }, 90_000);

  it('in production, the same places and no demo sign-ins', async () => {
    const output = await banner({ NODE_ENV: 'production', PUBLIC_URL: 'https://support.example.com' });
    expect(output).toMatch(/Agent desk: +http:\/\/127\.0\.0\.1:\d+\/agent\//);
    expect(output).not.toContain('Demo sign-ins');
  }, 90_000);
});
