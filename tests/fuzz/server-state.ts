import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { TestServer } from '../support/test-server.js';

/** Document count of every collection in the server's database. */
export async function countDocuments(server: TestServer): Promise<Record<string, number>> {
  const db = server.app.mongo.db;
  if (!db) throw new Error('database not connected');
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  const counts: Record<string, number> = {};
  for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
    counts[name] = await db.collection(name).countDocuments();
  }
  return counts;
}

let collect: (() => void) | undefined;

/**
 * Heap in use after a full collection. `--expose-gc` is switched on at run
 * time so the test needs no special node flags; the measurement then reflects
 * what is retained, not what happens to be awaiting collection.
 */
export function retainedHeapBytes(): number {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
