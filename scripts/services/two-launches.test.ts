import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from './commands.js';
import { startServices, type RunningServices } from './index.js';
import { freePort } from './ports.js';

/** Sets a marker through the first launch's services and reads it back through each launch's. */
async function markerSeen(writer: RunningServices, readers: RunningServices[]): Promise<boolean[]> {
  const marker = `launch-${writer.dataDir}`;
  const writerDb = new MongoClient(writer.mongoUri);
  await writerDb.db('two_launches').collection('markers').insertOne({ marker });
  await writerDb.close();
  return Promise.all(
    readers.map(async (reader) => {
      const client = new MongoClient(reader.mongoUri);
      const found = await client.db('two_launches').collection('markers').findOne({ marker });
      await client.close();
      return found !== null;
    }),
  );
}

describe('two launches at once (two checkouts starting together)', () => {
  const dirs: string[] = [];
  const launched: RunningServices[] = [];
  const checkout = () => {
    const created = mkdtempSync(path.join(os.tmpdir(), 'checkout-'));
    dirs.push(created);
    return path.join(created, '.data');
  };
  afterAll(async () => {
    await Promise.all(launched.map((services) => services.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('each gets its own Redis and its own database, even when both prefer the same ports', async () => {
    const preferredPorts = { redis: await freePort(), mongo: await freePort() };
    const env = {};
    const [first, second] = await Promise.all([
      startServices({ dataDir: checkout(), preferredPorts, env }),
      startServices({ dataDir: checkout(), preferredPorts, env }),
    ]);
    launched.push(first, second);
    expect(first.redisUrl).not.toBe(second.redisUrl);
    expect(first.mongoUri).not.toBe(second.mongoUri);
    expect(await markerSeen(first, [first, second])).toEqual([true, false]);
  }, 120_000);

  it('a second launch of the same checkout stops with a clear message instead of sharing its data', async () => {
    const dataDir = checkout();
    const options = { dataDir, env: {}, preferredPorts: { redis: await freePort(), mongo: await freePort() } };
    const first = await startServices(options);
    launched.push(first);
    const second = startServices(options);
    await expect(second).rejects.toThrow(ServiceUnavailableError);
    await expect(second).rejects.toThrow(/in use by another launch of this checkout/);
  }, 120_000);
});
