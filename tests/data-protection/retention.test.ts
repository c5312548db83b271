import type { RetentionReport } from '@switchboard/shared';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUploaded, tinyPdf, upload } from '../attachments/upload-helpers.js';
import { openChat } from '../jobs/chat.js';
import { agentFetch, signInRoles, type SignedInRoles } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** A chat with a customer message and a file, closed; `daysAgo` moves its close back in time. */
async function closedChat(server: TestServer, text: string, daysAgo: number): Promise<string> {
  const chat = await openChat(server);
  await chat.customer.send(chat.conversationId, text);
  expectUploaded(
    await upload(server.url, chat.customer, chat.conversationId, { name: `${text}.pdf`, bytes: tinyPdf() }),
  );
  await chat.desk.request('conversation.close', { conversationId: chat.conversationId, disposition: 'resolved' });
  chat.close();
  if (daysAgo > 0) {
    await server.app.mongo
      .db!.collection('conversations')
      .updateOne(
        { _id: new Types.ObjectId(chat.conversationId) },
        { $set: { closedAt: new Date(Date.now() - daysAgo * 86_400_000) } },
      );
  }
  return chat.conversationId;
}

const messagesOf = (server: TestServer, id: string) =>
  server.app.mongo.db!.collection('messages').countDocuments({ conversationId: new Types.ObjectId(id) });

/** A conversation's files: their records, and the GridFS entries of their bytes. */
async function filesOf(server: TestServer, id: string): Promise<{ records: number; stored: number }> {
  const db = server.app.mongo.db!;
  const records = await db
    .collection<{ _id: Types.ObjectId }>('attachments')
    .find({ conversationId: new Types.ObjectId(id) })
    .toArray();
  const keys = records.map((record) => new RegExp(`^${record._id.toHexString()}\\.`));
  const stored = (await db.collection<{ _id: string }>('attachments.files').find({}).toArray()).filter((file) =>
    keys.some((key) => key.test(file._id)),
  ).length;
  return { records: records.length, stored };
}

describe('the retention policy (30 days, redact)', () => {
  let server: TestServer;
  let roles: SignedInRoles;
  const api = (route: string, init: { method?: string; body?: unknown } = {}) =>
    agentFetch(server.url, roles.admin, route, init);

  beforeAll(async () => {
    // The job's own period is long here: this file drives the policy through the API.
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { RETENTION_DAYS: '30', RETENTION_INTERVAL: '1h', TRANSCRIPTS_ENABLED: 'false' },
    });
    roles = await signInRoles(server);
  });
  afterAll(() => server.stop());

  it('counts in a dry run, then redacts old closed chats and leaves newer ones untouched', async () => {
    const old = await closedChat(server, 'an old question', 40);
    const recent = await closedChat(server, 'a recent question', 10);
    const live = await openChat(server);
    await live.customer.send(live.conversationId, 'still chatting');

    const dry = (await (await api('/api/data-protection/retention')).json()) as { retention: RetentionReport };
    expect(dry.retention).toMatchObject({ days: 30, action: 'redact', matched: 1, changed: 0, dryRun: true });
    const dryPost = await api('/api/data-protection/retention/run', { method: 'POST', body: { dryRun: true } });
    expect(await dryPost.json()).toMatchObject({ retention: { matched: 1, changed: 0 } });
    expect(await messagesOf(server, old)).toBeGreaterThan(0);

    const run = await api('/api/data-protection/retention/run', { method: 'POST', body: {} });
    expect(await run.json()).toMatchObject({ retention: { matched: 1, changed: 1, dryRun: false } });
    expect(await messagesOf(server, old)).toBe(0);
    expect(await filesOf(server, old)).toEqual({ records: 0, stored: 0 });
    const shell = await server.app.mongo.db!.collection('conversations').findOne({ _id: new Types.ObjectId(old) });
    expect(shell).toMatchObject({ status: 'closed', erasedAt: expect.any(Date) });
    expect(shell?.prechat).toBeUndefined();
    // Newer and live chats: untouched.
    expect(await messagesOf(server, recent)).toBeGreaterThan(0);
    expect(await filesOf(server, recent)).toEqual({ records: 1, stored: 1 });
    const kept = await server.app.mongo.db!.collection('conversations').findOne({ _id: new Types.ObjectId(recent) });
    expect(kept?.prechat).toBeDefined();
    expect(await messagesOf(server, live.conversationId)).toBeGreaterThan(0);
    expect((await live.customer.send(live.conversationId, 'and more')).ok).toBe(true);
    live.close();
    // Done once: the next run finds nothing.
    expect(await (await api('/api/data-protection/retention')).json()).toMatchObject({ retention: { matched: 0 } });
    const audit = (await (await api('/api/audit?action=retention.run')).json()) as { entries: unknown[] };
    expect(audit.entries).toHaveLength(1);
  });

  it('is admin only', async () => {
    for (const who of [roles.supervisor, roles.agent]) {
      expect((await agentFetch(server.url, who, '/api/data-protection/retention')).status).toBe(403);
      const run = await agentFetch(server.url, who, '/api/data-protection/retention/run', { method: 'POST', body: {} });
      expect(run.status).toBe(403);
    }
    const bad = await api('/api/data-protection/retention/run', { method: 'POST', body: { dryRun: 'yes' } });
    expect(bad.status).toBe(400);
  });
});

describe('the retention job (every 500 ms, delete)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: {
        RETENTION_DAYS: '7',
        RETENTION_ACTION: 'delete',
        RETENTION_INTERVAL: '500ms',
        TRANSCRIPTS_ENABLED: 'false',
      },
    });
  });
  afterAll(() => server.stop());

  it('deletes closed chats past the policy by itself, and only those', async () => {
    const recent = await closedChat(server, 'keep me', 1);
    const old = await closedChat(server, 'delete me', 8);
    const conversations = server.app.mongo.db!.collection('conversations');
    await expect.poll(() => conversations.countDocuments({ _id: new Types.ObjectId(old) })).toBe(0);
    expect(await messagesOf(server, old)).toBe(0);
    expect(await filesOf(server, old)).toEqual({ records: 0, stored: 0 });
    expect(await conversations.countDocuments({ _id: new Types.ObjectId(recent) })).toBe(1);
    expect(await filesOf(server, recent)).toEqual({ records: 1, stored: 1 });
    expect(await messagesOf(server, recent)).toBeGreaterThan(0);
  });
});
