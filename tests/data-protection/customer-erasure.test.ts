import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type {
  ApiTokenCreated,
  AuditEntryView,
  CustomerErased,
  CustomerMatch,
  ExportedFile,
  MessageSent,
} from '@switchboard/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSent, expectUploaded, tinyPdf, upload } from '../attachments/upload-helpers.js';
import { openChat, type Chat } from '../jobs/chat.js';
import { agentFetch, signInRoles, type SignedInRoles } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const EMAIL = 'zelda.quux@example.com';
const NAME = 'Zelda Quux';
const PHRASE = 'xyzzy-battery-secret';
const COMMENT = 'plugh-was-helpful';
// The customer named their file after themselves: erasure must find the name in the file's record too.
const FILE_NAME = `${NAME} receipt.pdf`;
const TRACES = [EMAIL, NAME, PHRASE, COMMENT];

/** Every document of every collection of the server's database, as one string. */
async function everyCollection(server: TestServer): Promise<Record<string, string>> {
  const db = server.app.mongo.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((each) => each.name);
  const dump: Record<string, string> = {};
  for (const name of names) dump[name] = JSON.stringify(await db.collection(name).find({}).toArray());
  return dump;
}

/** Every value under the server's Redis prefix (strings, hashes, lists, sets, sorted sets, streams). */
async function everyRedisValue(redisUrl: string, prefix: string): Promise<string> {
  const redis = new Redis(redisUrl);
  try {
    const parts: string[] = [];
    for (const key of await redis.keys(`${prefix}:*`)) {
      const type = await redis.type(key);
      if (type === 'string') parts.push((await redis.get(key)) ?? '');
      else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
      else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
    return parts.join('\n');
  } finally {
    redis.disconnect();
  }
}

const tracesIn = (text: string) => TRACES.filter((trace) => text.includes(trace));

describe('export and erasure of one customer', () => {
  let server: TestServer;
  let roles: SignedInRoles;
  let receiver: WebhookReceiver;
  let outbox: string;
  let chat: Chat;
  let customerId = '';
  let file: { id: string; messageId: string; bytes: Buffer; link: string } | undefined;

  const api = (route: string, init: { method?: string; body?: unknown } = {}) =>
    agentFetch(server.url, roles.admin, route, init);

  beforeAll(async () => {
    outbox = mkdtempSync(path.join(tmpdir(), 'sb-erasure-outbox-'));
    receiver = new WebhookReceiver();
    await receiver.start();
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { MAIL_OUTBOX_DIR: outbox, TRANSCRIPT_BACKOFF: '100ms', WEBHOOK_REFRESH: '200ms' },
    });
    roles = await signInRoles(server);
    // A webhook endpoint, so deliveries (log and jobs) hold the customer's words too.
    const hook = await api('/api/webhooks', {
      method: 'POST',
      body: { url: `${receiver.url}/crm`, events: ['message.created', 'conversation.closed', 'conversation.rated'] },
    });
    expect(hook.status).toBe(201);

    chat = await openChat(server, { prechat: { name: NAME, email: EMAIL, language: 'en' } });
    await chat.customer.send(chat.conversationId, `My code is ${PHRASE}, the battery drains`);
    // The customer sends a file, as the widget does: upload over HTTP, then a message naming it.
    const bytes = tinyPdf();
    const view = expectUploaded(
      await upload(server.url, chat.customer, chat.conversationId, { name: FILE_NAME, bytes }),
    );
    const sent = expectSent(
      await chat.customer.request<MessageSent>('message.send', {
        conversationId: chat.conversationId,
        clientMessageId: randomUUID(),
        body: 'Here is the receipt',
        attachmentId: view.id,
      }),
    );
    file = { id: view.id, messageId: sent.message.id, bytes, link: '' };
    await chat.desk.send(chat.conversationId, `Thanks ${NAME}, let us fix that.`);
  });
  afterAll(async () => {
    chat.close();
    await receiver.stop();
    await server.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('finds the customer by email and refuses to erase them while they are chatting', async () => {
    const found = (await (
      await api(`/api/data-protection/customers?email=${encodeURIComponent(EMAIL.toUpperCase())}`)
    ).json()) as {
      customers: CustomerMatch[];
    };
    expect(found.customers).toHaveLength(1);
    customerId = found.customers[0]!.id;
    expect(found.customers[0]).toMatchObject({ email: EMAIL, conversations: 1 });
    const before = await everyCollection(server);
    const refused = await api(`/api/data-protection/customers/${customerId}/erase`, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    const after = await everyCollection(server);
    expect(after.messages).toBe(before.messages);
    expect(after.customers).toBe(before.customers);
  });

  it('exports everything stored about the customer as JSON', async () => {
    await chat.desk.request('conversation.close', { conversationId: chat.conversationId, disposition: 'resolved' });
    const rated = await chat.customer.request('conversation.rate', {
      conversationId: chat.conversationId,
      rating: 5,
      comment: COMMENT,
    });
    expect(rated.ok).toBe(true);
    await expect
      .poll(async () =>
        (await server.app.mongo.db!.collection<{ status: string }>('transcript_deliveries').find({}).toArray()).map(
          (delivery) => delivery.status,
        ),
      )
      .toEqual(['sent']);
    await receiver.waitFor(() => receiver.received.some((delivery) => delivery.body.includes(COMMENT)));
    expect(readdirSync(outbox).some((file) => readFileSync(path.join(outbox, file), 'utf8').includes(EMAIL))).toBe(
      true,
    );

    const response = await api(`/api/data-protection/customers/${customerId}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`customer-${customerId}.json`);
    const exported = (await response.json()) as {
      customer: { email: string; name: string };
      conversations: {
        caseNumber: string;
        prechat: { email: string };
        satisfaction: { rating: number; comment: string };
        messages: { body: string }[];
        transcriptDeliveries: { to: string; status: string }[];
      }[];
    };
    expect(exported.customer).toMatchObject({ email: EMAIL, name: NAME });
    expect(exported.conversations).toHaveLength(1);
    const [conversation] = exported.conversations;
    expect(conversation!.caseNumber).toBe(chat.caseNumber);
    expect(conversation!.satisfaction).toMatchObject({ rating: 5, comment: COMMENT });
    expect(conversation!.messages.map((message) => message.body)).toEqual(
      expect.arrayContaining([`My code is ${PHRASE}, the battery drains`, `Thanks ${NAME}, let us fix that.`]),
    );
    expect(conversation!.transcriptDeliveries).toEqual([expect.objectContaining({ to: EMAIL, status: 'sent' })]);

    // The customer's file: what it is, where it was sent, and a signed link that downloads its bytes.
    const { files } = exported as unknown as { files: ExportedFile[] };
    expect(files).toEqual([
      expect.objectContaining({
        id: file!.id,
        name: FILE_NAME,
        contentType: 'application/pdf',
        size: file!.bytes.length,
        conversationId: chat.conversationId,
        caseNumber: chat.caseNumber,
        messageId: file!.messageId,
        sentBy: 'customer',
        internal: false,
        status: 'ready',
      }),
    ]);
    const [listed] = files;
    expect(Date.parse(listed!.createdAt)).not.toBeNaN();
    // An absolute link (the export leaves the console), working for the export link lifetime (30 days by default).
    expect(listed!.download?.url).toMatch(new RegExp(`^${server.url}/api/files/${file!.id}/original\\?e=\\d+&s=`));
    const days = (Date.parse(listed!.download!.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    const download = await fetch(listed!.download!.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(file!.bytes);
    file!.link = listed!.download!.url;
    const [entry] = ((await (await api('/api/audit?action=customer.export')).json()) as { entries: AuditEntryView[] })
      .entries;
    expect(entry).toMatchObject({ target: { kind: 'customer', id: customerId } });
  });

  it('refuses non-admins and tokens without the erase scope, changing nothing', async () => {
    for (const who of [roles.supervisor, roles.agent]) {
      const response = await agentFetch(server.url, who, `/api/data-protection/customers/${customerId}/erase`, {
        method: 'POST',
      });
      expect(response.status).toBe(403);
    }
    const token = (await (
      await api('/api/api-tokens', { method: 'POST', body: { name: 'DPO export', scopes: ['customers:export'] } })
    ).json()) as ApiTokenCreated;
    const bearer = { authorization: `Bearer ${token.secret}` };
    expect(
      (await fetch(`${server.url}/api/data-protection/customers/${customerId}/export`, { headers: bearer })).status,
    ).toBe(200);
    const refused = await fetch(`${server.url}/api/data-protection/customers/${customerId}/erase`, {
      method: 'POST',
      headers: bearer,
    });
    expect(refused.status).toBe(403);
    expect(tracesIn(JSON.stringify(await everyCollection(server)))).toEqual(TRACES);
    for (const bad of ['not-an-id', '0123456789abcdef01234567']) {
      expect((await api(`/api/data-protection/customers/${bad}/erase`, { method: 'POST' })).status).toBe(
        bad === 'not-an-id' ? 400 : 404,
      );
    }
  });

  it('erases the customer: no collection, no stored email and no Redis value holds their data afterwards', async () => {
    const response = await api(`/api/data-protection/customers/${customerId}/erase`, { method: 'POST' });
    expect(response.status).toBe(200);
    const { erased } = (await response.json()) as { erased: CustomerErased };
    expect(erased).toMatchObject({ conversations: 1, transcripts: 1, files: 1 });
    expect(erased.messages).toBeGreaterThanOrEqual(3);

    const dump = await everyCollection(server);
    const left = Object.entries(dump)
      .map(([collection, text]) => [collection, tracesIn(text)] as const)
      .filter(([, traces]) => traces.length > 0);
    expect(left).toEqual([]);
    expect(await server.app.mongo.db!.collection('messages').countDocuments({})).toBe(0);
    expect(await server.app.mongo.db!.collection('customers').countDocuments({ email: EMAIL })).toBe(0);
    // The file is gone: its record, its bytes (GridFS), and the link the export handed out.
    for (const collection of ['attachments', 'attachments.files', 'attachments.chunks']) {
      expect({ collection, left: await server.app.mongo.db!.collection(collection).countDocuments({}) }).toEqual({
        collection,
        left: 0,
      });
    }
    expect((await fetch(file!.link)).status).toBe(404);
    // The transcript's stored copy is gone too.
    expect(readdirSync(outbox).filter((file) => readFileSync(path.join(outbox, file), 'utf8').includes(EMAIL))).toEqual(
      [],
    );
    expect(tracesIn(await everyRedisValue(server.app.config.REDIS_URL, server.namespace))).toEqual([]);
    // The audit log keeps that it happened, with counts, never the data.
    const [entry] = ((await (await api('/api/audit?action=customer.erase')).json()) as { entries: AuditEntryView[] })
      .entries;
    expect(entry).toMatchObject({ target: { kind: 'customer', id: customerId }, details: { conversations: 1 } });
    // The conversation stays as a redacted shell, so reports still count it.
    const shell = await server.app.mongo.db!.collection('conversations').findOne({ caseNumber: chat.caseNumber });
    expect(shell).toMatchObject({ status: 'closed', disposition: 'resolved', satisfaction: { rating: 5 } });
    expect(shell?.prechat).toBeUndefined();
    // Erasing again: NOT_FOUND, nothing else happens.
    expect((await api(`/api/data-protection/customers/${customerId}/erase`, { method: 'POST' })).status).toBe(404);
  });
});
