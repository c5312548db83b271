/**
 * The database's own rates, with the bare MongoDB driver and no Switchboard
 * code: what bounds every figure that stores something (1, 3, 5, 8). Each
 * command the message path needs is timed alone (one in flight) and under
 * load (50 in flight), on a collection of `documents` chat-sized documents,
 * against the same MongoDB-wire server the run's Switchboard uses.
 */
import { randomBytes } from 'node:crypto';
import { MongoClient, ObjectId, type Collection } from 'mongodb';

export interface CommandRate {
  command: string;
  inFlight: number;
  perSecond: number;
  meanMs: number;
}

interface Doc {
  _id: ObjectId;
  status: string;
  lastSeq: number;
  pad: string;
}

async function rate(
  command: string,
  inFlight: number,
  durationMs: number,
  run: () => Promise<unknown>,
): Promise<CommandRate> {
  let done = 0;
  let busyMs = 0;
  const started = performance.now();
  const until = started + durationMs;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await run();
        busyMs += performance.now() - t0;
        done += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { command, inFlight, perSecond: done / seconds, meanMs: busyMs / Math.max(1, done) };
}

export async function measureBareDatabase(
  mongoUri: string,
  options: { documents: number; durationMs: number },
): Promise<CommandRate[]> {
  const client = await MongoClient.connect(mongoUri, { maxPoolSize: 60 });
  const db = client.db(`bench_bare_${randomBytes(4).toString('hex')}`);
  try {
    const chats: Collection<Doc> = db.collection('chats');
    const messages = db.collection('messages');
    await messages.createIndex({ conversationId: 1, clientMessageId: 1 }, { unique: true }, undefined);
    const ids = Array.from({ length: options.documents }, () => new ObjectId());
    // About a conversation's size: pre-chat fields, page, user agent.
    await chats.insertMany(ids.map((_id) => ({ _id, status: 'active', lastSeq: 0, pad: 'x'.repeat(900) })));
    const anyId = () => ids[Math.floor(Math.random() * ids.length)] ?? ids[0];
    let sent = 0;
    const results: CommandRate[] = [];
    for (const inFlight of [1, 50]) {
      results.push(await rate('find by _id', inFlight, options.durationMs, () => chats.findOne({ _id: anyId() })));
      results.push(
        await rate('conditional update by _id', inFlight, options.durationMs, () =>
          chats.updateOne({ _id: anyId(), status: 'active' }, { $inc: { lastSeq: 1 } }),
        ),
      );
      results.push(
        await rate('insert (unique index)', inFlight, options.durationMs, () =>
          messages.insertOne({ conversationId: anyId(), clientMessageId: `m${sent++}`, body: 'y'.repeat(200) }),
        ),
      );
    }
    return results;
  } finally {
    // Not dropped: FerretDB (SQLite) has died dropping a database under load; the run's data dir goes anyway.
    await client.close();
  }
}
