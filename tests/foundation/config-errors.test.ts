import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const serverMain = createRequire(import.meta.url)
  .resolve('@switchboard/server')
  .replace(/index\.js$/, 'main.js');

describe('the server entry point with a bad environment', () => {
  it('exits 1 listing each bad variable by name, without a stack trace', () => {
    const result = spawnSync(process.execPath, [serverMain], {
      env: { PATH: process.env.PATH, PORT: 'eighty', REDIS_URL: 'http://nope', NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain('  - PORT:');
    expect(result.stderr).toContain('  - REDIS_URL: must start with redis:// or rediss://');
    expect(result.stderr).toContain('See .env.example');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to start in production without its public URL', () => {
    const result = spawnSync(process.execPath, [serverMain], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PUBLIC_URL: required in production');
  });
});
