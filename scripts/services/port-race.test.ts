import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mongoOnPort, startMongo } from './mongo.js';
import { freePort } from './ports.js';
import { parentPid } from './process-tree.js';
import { redisOnPort, startRedis } from './redis.js';
import type * as Ports from './ports.js';
import type { SupervisedProcess } from './supervised-process.js';

// The race of two checkouts launched at once, made deterministic: the free-port
// check says the preferred port is free (as it did for both launches), yet
// another checkout's service holds it by the time ours starts.
vi.mock('./ports.js', async (importOriginal) => {
  const real = await importOriginal<typeof Ports>();
  return { ...real, freePort: async (preferred?: number) => preferred ?? real.freePort() };
});

describe('a port taken between the free-port check and the start', () => {
  const dirs: string[] = [];
  const running: SupervisedProcess[] = [];
  const dir = () => {
    const created = mkdtempSync(path.join(os.tmpdir(), 'port-race-'));
    dirs.push(created);
    return created;
  };
  afterAll(async () => {
    await Promise.all(running.map((child) => child.stop()));
    for (const each of dirs) rmSync(each, { recursive: true, force: true });
  });

  it('Redis: ours starts on another port, and the one reported is ours, not the other checkout’s', async () => {
    const other = await startRedis({ dataDir: dir(), appendOnly: false, preferredPort: await freePort() });
    running.push(other.process);
    const ours = await startRedis({ dataDir: dir(), appendOnly: false, preferredPort: other.port });
    running.push(ours.process);
    expect(ours.port).not.toBe(other.port);
    const answer = await redisOnPort(ours.port);
    expect(answer.answered && answer.pid !== null && parentPid(answer.pid)).toBe(ours.process.pid);
  });

  it('the database: ours starts on another port, and the one reported is ours, not the other checkout’s', async () => {
    const other = await startMongo({ dataDir: dir(), preferredPort: await freePort() });
    running.push(other.process);
    const ours = await startMongo({ dataDir: dir(), preferredPort: other.port });
    running.push(ours.process);
    expect(ours.port).not.toBe(other.port);
    const answer = await mongoOnPort(ours.uri);
    expect(answer.answered && answer.pid !== null && parentPid(answer.pid)).toBe(ours.process.pid);
  }, 120_000);
});
