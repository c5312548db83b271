import { MongoClient, type Collection, type Db, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueNamespace } from '../support/test-server.js';

/**
 * The server relies on the database applying each write to one document
 * atomically, as MongoDB does: a conditional claim has one winner, `$inc`
 * loses nothing, an upsert of a missing document creates it once. Unpatched
 * FerretDB v1 does not (docs/consistency.md); the build the suite runs on
 * (scripts/services/ferretdb-atomic-writes.patch) must. Each probe fires its
 * operations at once through a pool wide enough that they are really
 * concurrent on the server, and is repeated, since a race may not show in one
 * round.
 */
const ROUNDS = 3;

interface Probe {
  _id: string;
  n?: number;
  status?: string;
  agent?: number;
}
/** `f0` … `f9`, each set by its own update. */
type Fields = { _id: string } & Partial<Record<`f${number}`, number>>;

describe('single-document atomicity of the local MongoDB-wire server', () => {
  let client: MongoClient;
  let db: Db;
  let round = 0;
  /** A fresh collection for each probe round, so rounds cannot mask each other. */
  const fresh = <T extends Document = Probe>(): Collection<T> => db.collection<T>(`probe_${(round += 1)}`);
  const all = <T>(count: number, operation: (index: number) => Promise<T>) =>
    Promise.all(Array.from({ length: count }, (_, index) => operation(index)));

  beforeAll(async () => {
    client = await MongoClient.connect(inject('mongoUri'), { maxPoolSize: 100, minPoolSize: 50 });
    db = client.db(uniqueNamespace(import.meta.filename));
    // Open the pool's connections first: operations queued behind a connection
    // being opened would be serialised by the driver, not by the database.
    await all(50, () => db.command({ ping: 1 }));
  });
  afterAll(() => client.close());

  it('is the patched build when it is FerretDB', async () => {
    const info = await db.admin().command({ buildInfo: 1 });
    if ('ferretdbVersion' in info) expect(info.switchboardAtomicWrites).toBe(true);
  });

  it('loses no $inc: 100 at once leave n = 100', async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const probes = fresh();
      await probes.insertOne({ _id: 'counter', n: 0 });
      await all(100, () => probes.updateOne({ _id: 'counter' }, { $inc: { n: 1 } }));
      expect((await probes.findOne({ _id: 'counter' }))?.n).toBe(100);
    }
  });

  it('gives a conditional claim one winner among 20', async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const probes = fresh();
      await probes.insertOne({ _id: 'chat', status: 'queued' });
      const claims = await all(20, (agent) =>
        probes.findOneAndUpdate({ _id: 'chat', status: 'queued' }, { $set: { status: 'active', agent } }),
      );
      const winners = claims.filter((claim) => claim !== null);
      expect(winners).toHaveLength(1);
      // The winner's write is the one stored.
      const index = claims.findIndex((claim) => claim !== null);
      expect(await probes.findOne({ _id: 'chat' })).toEqual({ _id: 'chat', status: 'active', agent: index });
    }
  });

  it('returns 50 distinct values from 50 findOneAndUpdate $inc', async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const probes = fresh();
      await probes.insertOne({ _id: 'seq', n: 0 });
      const after = await all(50, () =>
        probes.findOneAndUpdate({ _id: 'seq' }, { $inc: { n: 1 } }, { returnDocument: 'after' }),
      );
      const values = after.map((document) => document?.n).sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(values).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    }
  });

  it('keeps all of 10 concurrent $set of different fields', async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const probes = fresh<Fields>();
      await probes.insertOne({ _id: 'fields' });
      await all(10, (index) => probes.updateOne({ _id: 'fields' }, { $set: { [`f${index}`]: index } }));
      const stored = await probes.findOne({ _id: 'fields' });
      expect(stored).toEqual({
        _id: 'fields',
        ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i])),
      });
    }
  });

  it('gives findOneAndDelete one winner among 20', async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const probes = fresh();
      await probes.insertOne({ _id: 'job', n: 1 });
      const taken = await all(20, () => probes.findOneAndDelete({ _id: 'job' }));
      expect(taken.filter((document) => document !== null)).toHaveLength(1);
      expect(await probes.countDocuments({})).toBe(0);
    }
  });

  it('creates one document from 20 concurrent upserts of one _id, and counts every $inc', async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const probes = fresh();
      const results = await all(20, () => probes.updateOne({ _id: 'daily' }, { $inc: { n: 1 } }, { upsert: true }));
      expect(results.filter((result) => result.upsertedCount === 1)).toHaveLength(1);
      expect(await probes.find({}).toArray()).toEqual([{ _id: 'daily', n: 20 }]);
    }
  });

  it('lets an insert racing upserts of its _id either win first or fail, never fail an upsert', async () => {
    // On MongoDB an upsert that meets a concurrent insert of its _id is retried
    // as an update; it must not fail with a duplicate key. The insert is
    // placed at each position among the upserts, to land inside one's
    // read-then-insert.
    for (let at = 0; at < 20; at += 2) {
      const probes = fresh();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, index) =>
          index === at
            ? probes.insertOne({ _id: 'mixed', n: 1 })
            : probes.updateOne({ _id: 'mixed' }, { $inc: { n: 1 } }, { upsert: true }),
        ),
      );
      const upserts = outcomes.filter((_, index) => index !== at);
      expect(upserts.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      const inserted = outcomes[at]?.status === 'fulfilled';
      expect((await probes.findOne({ _id: 'mixed' }))?.n).toBe(19 + (inserted ? 1 : 0));
    }
  });

  it('applies an unordered bulk of 250 updates, more than its pool has connections, and goes on writing', async () => {
    // FerretDB kept every statement's query open until the whole command
    // returned, each holding one of the database's 100 pooled connections:
    // the 100th statement then waited forever for a connection to write with,
    // holding the write lock every other write of the database waits for
    // (scripts/services/ferretdb-update-statements.patch).
    const probes = fresh();
    await probes.insertMany(Array.from({ length: 250 }, (_, index) => ({ _id: `doc${index}`, n: 0 })));
    const bulk = await probes.bulkWrite(
      Array.from({ length: 250 }, (_, index) => ({
        updateOne: { filter: { _id: `doc${index}` }, update: { $inc: { n: 1 } } },
      })),
      { ordered: false },
    );
    expect(bulk.modifiedCount).toBe(250);
    await probes.updateOne({ _id: 'doc0' }, { $inc: { n: 1 } });
    expect((await probes.findOne({ _id: 'doc0' }))?.n).toBe(2);
  }, 20_000);
});
