import { MongoClient, ObjectId, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueNamespace } from '../support/test-server.js';

/**
 * Nearly every write Switchboard makes is a conditional single-document
 * update by _id (`{_id, status: 'queued'}`, `{_id, lastSeq}`), and nearly
 * every read an equality on an indexed field (a conversation's messages, a
 * customer's chats, a visitor token): on the MongoDB-wire server the tests
 * and `pnpm start` bring up, those must be index look-ups, not scans of the
 * collection (scripts/services/ferretdb-sqlite-index-pushdown.patch).
 * Checked through the server's own explain, and by the results.
 */
describe('equality look-ups on the local MongoDB-wire server', () => {
  let client: MongoClient;
  let db: Db;
  let ferret: boolean;

  beforeAll(async () => {
    client = await MongoClient.connect(inject('mongoUri'));
    db = client.db(uniqueNamespace(import.meta.filename));
    ferret = 'ferretdbVersion' in (await db.admin().command({ buildInfo: 1 }));
    await db
      .collection('chats')
      .insertMany(
        Array.from({ length: 50 }, (_, index) => ({ _id: new ObjectId(), status: index % 2 ? 'queued' : 'active' })),
      );
  });
  afterAll(() => client.close());

  const plan = async (filter: Record<string, unknown>) =>
    JSON.stringify(await db.command({ explain: { find: 'chats', filter } }));

  it('uses the _id index for an _id alone and for an _id with other conditions', async () => {
    const chat = await db.collection('chats').findOne({ status: 'queued' });
    const id = chat!._id;
    for (const filter of [{ _id: id }, { _id: id, status: 'queued' }]) {
      const explained = await plan(filter);
      if (ferret) expect(explained).toMatch(/USING INDEX \S+__id_/);
      else expect(explained).toMatch(/IDHACK|EXPRESS_IDHACK|IXSCAN/);
    }
    // And the other conditions still apply.
    expect(await db.collection('chats').countDocuments({ _id: id, status: 'active' })).toBe(0);
    const updated = await db
      .collection('chats')
      .updateOne({ _id: id, status: 'queued' }, { $set: { status: 'active' } });
    expect(updated.modifiedCount).toBe(1);
    expect((await db.collection('chats').findOne({ _id: id }))?.status).toBe('active');
  });

  it('uses the index a field leads for an equality on it, and still finds every match', async () => {
    const messages = db.collection('messages');
    await messages.createIndex({ conversationId: 1, seq: 1 }, {}, undefined);
    const owner = new ObjectId();
    await messages.insertMany([
      ...Array.from({ length: 40 }, (_, seq) => ({ conversationId: `c${seq % 4}`, seq, owner })),
      { conversationId: ['c1', 'c2'], seq: 100 }, // an array holding the value matches too
      { conversationId: 'c1"quoted', seq: 101 },
    ]);
    const explained = JSON.stringify(
      await db.command({ explain: { find: 'messages', filter: { conversationId: 'c1', seq: { $gt: 20 } } } }),
    );
    if (ferret) expect(explained).toMatch(/USING INDEX \S+_conversationId_1_seq_1/);

    const seqs = async (filter: Record<string, unknown>) =>
      (await messages.find(filter).sort({ seq: 1 }).toArray()).map((message) => message.seq as number);
    expect(await seqs({ conversationId: 'c1', seq: { $gt: 20 } })).toEqual([21, 25, 29, 33, 37, 100]);
    expect(await seqs({ conversationId: 'c1"quoted' })).toEqual([101]);
    expect(await seqs({ conversationId: 'c9' })).toEqual([]);
    // A field that leads no index is filtered as before.
    expect((await seqs({ owner })).length).toBe(40);
    // An ObjectId value (customerId, agentId) uses its index the same way.
    await messages.createIndex({ owner: 1 }, {}, undefined);
    const byOwner = JSON.stringify(await db.command({ explain: { find: 'messages', filter: { owner } } }));
    if (ferret) expect(byOwner).toMatch(/USING INDEX \S+_owner_1/);
    expect((await seqs({ owner })).length).toBe(40);
    expect(await seqs({ owner: new ObjectId() })).toEqual([]);
    const updated = await messages.updateMany({ conversationId: 'c2', seq: { $lt: 10 } }, { $set: { seen: true } });
    expect(updated.modifiedCount).toBe(2); // seqs 2 and 6
    expect(await messages.countDocuments({ conversationId: 'c2', seen: true })).toBe(2);
  });
});
