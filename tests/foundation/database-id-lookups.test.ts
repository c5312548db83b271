import { MongoClient, ObjectId, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueNamespace } from '../support/test-server.js';

/**
 * Nearly every write Switchboard makes is a conditional single-document
 * update by _id (`{_id, status: 'queued'}`, `{_id, lastSeq}`): on the
 * MongoDB-wire server the tests and `pnpm start` bring up, those must be one
 * index look-up, not a scan of the collection (scripts/services/
 * ferretdb-sqlite-id-index.patch). Checked through the server's own explain.
 */
describe('look-ups by _id on the local MongoDB-wire server', () => {
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
});
