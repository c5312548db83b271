import { randomUUID } from 'node:crypto';
import type { AttachmentPrepared, MessageSent } from '@switchboard/shared';
import { Types } from 'mongoose';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  expectSent,
  expectUploaded,
  phonePhoto,
  pixelBomb,
  put,
  renamedExecutable,
  tinyPdf,
  upload,
} from './upload-helpers.js';

/** GPS IFD pointer tag (0x8825), in either byte order. */
const hasGpsTag = (exif: Buffer | undefined) =>
  exif !== undefined && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

describe('attachments: upload, checks, serving and the message that carries a file', () => {
  let server: TestServer;
  const open: { disconnect(): void }[] = [];
  const track = <T extends { disconnect(): void }>(participant: T) => {
    open.push(participant);
    return participant;
  };
  const storedChunks = async (attachmentId: string) =>
    server.app.mongo
      .db!.collection('attachments.files')
      .countDocuments({ _id: { $regex: `^${attachmentId}\\.` } } as never);

  async function chat() {
    const customer = track(new TestCustomer(server.url));
    await customer.connect();
    const { conversation } = await customer.start();
    const desk = track(await TestAgentDesk.open(server, { displayName: 'Lei' }));
    await server.app.services.conversations.assign(conversation.id, desk.principal);
    desk.log(conversation.id);
    return { customer, desk, conversationId: conversation.id };
  }

  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { CUSTOMER_MESSAGE_RATE: '1000', AGENT_MESSAGE_RATE: '1000', CUSTOMER_UPLOAD_RATE: '1000' },
    });
  });
  afterEach(() => {
    for (const participant of open.splice(0)) participant.disconnect();
  });
  afterAll(() => server.stop());

  it('re-encodes a photo: GPS and other EXIF gone, orientation applied, thumbnail made, served inline and sandboxed', async () => {
    const { customer, conversationId } = await chat();
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    expect(hasGpsTag(before.exif)).toBe(true);

    const view = expectUploaded(
      await upload(server.url, customer, conversationId, { name: 'IMG_0042.jpg', bytes: photo }),
    );
    expect(view).toMatchObject({
      kind: 'image',
      contentType: 'image/jpeg',
      name: 'IMG_0042.jpg',
      width: 80,
      height: 120,
    });

    const response = await fetch(`${server.url}${view.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="IMG_0042.jpg"/);
    const served = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(served.exif).toBeUndefined();
    expect(served.orientation ?? 1).toBe(1);
    expect([served.width, served.height]).toEqual([80, 120]);

    const thumbnail = await fetch(`${server.url}${view.thumbnailUrl}`);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).height).toBeLessThanOrEqual(320);
  });

  it('sends the file through the message path: stored with a seq, idempotent by clientMessageId, shown to the agent', async () => {
    const { customer, desk, conversationId } = await chat();
    const view = expectUploaded(
      await upload(server.url, customer, conversationId, { name: 'receipt.pdf', bytes: tinyPdf() }),
    );
    expect(view).toMatchObject({ kind: 'file', contentType: 'application/pdf' });
    const clientMessageId = randomUUID();
    const send = () =>
      customer.request<MessageSent>('message.send', {
        conversationId,
        clientMessageId,
        body: '',
        attachmentId: view.id,
      });
    const first = expectSent(await send());
    const again = expectSent(await send());
    expect(again.duplicate).toBe(true);
    expect(again.message.seq).toBe(first.message.seq);
    expect(first.message.attachment).toMatchObject({ id: view.id, name: 'receipt.pdf', kind: 'file' });

    await desk.waitFor(() =>
      desk
        .log(conversationId)
        .list()
        .some((m) => m.attachment?.id === view.id),
    );
    const seen = desk
      .log(conversationId)
      .list()
      .find((m) => m.attachment);
    const file = await fetch(`${server.url}${seen?.attachment?.url}`);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="receipt.pdf"/);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // A file goes with one message only.
    const other = await customer.request<MessageSent>('message.send', {
      conversationId,
      clientMessageId: randomUUID(),
      body: 'again',
      attachmentId: view.id,
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('stores one copy however often an upload is retried', async () => {
    const { customer, conversationId } = await chat();
    const uploadId = randomUUID();
    const bytes = await phonePhoto();
    const first = expectUploaded(
      await upload(server.url, customer, conversationId, { name: 'a.jpg', bytes }, { uploadId }),
    );
    const second = expectUploaded(
      await upload(server.url, customer, conversationId, { name: 'a.jpg', bytes }, { uploadId }),
    );
    expect(second.id).toBe(first.id);
    expect(await storedChunks(first.id)).toBe(2); // the image and its thumbnail, once
  });

  it("refuses a stranger's upload, send and download like any other conversation: NOT_FOUND", async () => {
    const { customer, conversationId } = await chat();
    const view = expectUploaded(
      await upload(server.url, customer, conversationId, { name: 'r.pdf', bytes: tinyPdf() }),
    );
    const stranger = track(new TestCustomer(server.url));
    await stranger.connect();
    const own = await stranger.start();

    const refused = await upload(server.url, stranger, conversationId, { name: 'x.pdf', bytes: tinyPdf() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Naming someone else's file in their own chat does not take it either.
    const taken = await stranger.request<MessageSent>('message.send', {
      conversationId: own.conversation.id,
      clientMessageId: randomUUID(),
      body: '',
      attachmentId: view.id,
    });
    expect(taken).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Links are signed: a guessed or altered one reads nothing.
    const forged = (view.url ?? '').replace(/s=[^&]+/, 's=AAAA');
    expect((await fetch(`${server.url}${forged}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/files/${view.id}/original`)).status).toBe(404);
    const expired = (view.url ?? '').replace(/e=\d+/, 'e=1000');
    expect((await fetch(`${server.url}${expired}`)).status).toBe(404);
    // A forged upload ticket stores nothing.
    expect((await put(server.url, '/api/uploads/eyJ9.AAAA', tinyPdf())).ok).toBe(false);
  });

  it('decides the type by the bytes: a renamed executable is refused and nothing is kept', async () => {
    const { customer, conversationId } = await chat();
    const uploadId = randomUUID();
    const refused = await upload(
      server.url,
      customer,
      conversationId,
      { name: 'photo.jpg', bytes: renamedExecutable() },
      { uploadId },
    );
    expect(refused).toMatchObject({
      ok: false,
      status: 415,
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        details: { reason: 'type', types: ['JPEG', 'PNG', 'WebP', 'GIF', 'PDF'] },
      },
    });
    const documents = await server.app.services.attachments.model.find({ conversationId }).lean();
    expect(documents.every((document) => document.status !== 'ready')).toBe(true);
    const files = await server.app.mongo.db!.collection('attachments.files').countDocuments({
      _id: { $regex: `^${documents[0]?._id.toHexString() ?? 'none'}` },
    } as never);
    expect(files).toBe(0);
  });

  it('refuses a 50-megapixel image before decoding it', async () => {
    const { customer, conversationId } = await chat();
    const refused = await upload(server.url, customer, conversationId, { name: 'bomb.png', bytes: pixelBomb() });
    expect(refused).toMatchObject({
      ok: false,
      status: 413,
      error: { code: 'PAYLOAD_TOO_LARGE', details: { reason: 'pixels' } },
    });
  });

  it('refuses a file over the size limit at prepare, and more bytes than announced at upload', async () => {
    const { customer, conversationId } = await chat();
    const big = await customer.request<AttachmentPrepared>('attachment.prepare', {
      conversationId,
      uploadId: randomUUID(),
      name: 'video.mp4',
      size: 11 * 1024 * 1024,
    });
    expect(big).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', details: { reason: 'too-large', maxBytes: 10 * 1024 * 1024 } },
    });
    const lying = await upload(server.url, customer, conversationId, { name: 'r.pdf', bytes: tinyPdf(), size: 10 });
    expect(lying).toMatchObject({ ok: false, status: 413, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it("keeps an internal note's file from the customer", async () => {
    const { customer, desk, conversationId } = await chat();
    const view = expectUploaded(
      await upload(server.url, desk, conversationId, { name: 'notes.pdf', bytes: tinyPdf() }, { internal: true }),
    );
    const publicSend = await desk.request<MessageSent>('message.send', {
      conversationId,
      clientMessageId: randomUUID(),
      body: 'for you',
      attachmentId: view.id,
    });
    expect(publicSend).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expectSent(
      await desk.request<MessageSent>('message.send', {
        conversationId,
        clientMessageId: randomUUID(),
        body: 'log attached',
        internal: true,
        attachmentId: view.id,
      }),
    );
    expectSent(await desk.send(conversationId, 'visible line'));
    await customer.waitFor(() => customer.bodies(conversationId).includes('visible line'));
    await customer.sync();
    expect(
      customer
        .log(conversationId)
        .list()
        .some((m) => m.attachment),
    ).toBe(false);
    const customerInternal = await customer.request('attachment.prepare', {
      conversationId,
      uploadId: randomUUID(),
      name: 'x.pdf',
      size: 100,
      internal: true,
    });
    expect(customerInternal).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps files readable after the chat closes, then retention removes them and leaves "removed"', async () => {
    const { customer, conversationId } = await chat();
    const view = expectUploaded(
      await upload(server.url, customer, conversationId, { name: 'p.jpg', bytes: await phonePhoto() }),
    );
    const sent = expectSent(
      await customer.request<MessageSent>('message.send', {
        conversationId,
        clientMessageId: randomUUID(),
        body: 'my screen',
        attachmentId: view.id,
      }),
    );
    await server.app.services.conversations.close(
      { _id: new Types.ObjectId(sent.message.conversationId) },
      { kind: 'customer' },
    );
    const reader = track(new TestCustomer(server.url));
    reader.visitorToken = customer.visitorToken;
    reader.log(conversationId);
    await reader.connect();
    const afterClose = reader
      .log(conversationId)
      .list()
      .find((m) => m.attachment)?.attachment;
    expect(afterClose?.url).toBeDefined();
    expect((await fetch(`${server.url}${afterClose?.url}`)).status).toBe(200);

    // Far in the future (default retention 90 days): the job removes it.
    const removed = await server.app.services.attachmentRetention.run(new Date(Date.now() + 91 * 86_400_000));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await storedChunks(view.id)).toBe(0);
    const gone = await fetch(`${server.url}${afterClose?.url}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { removed: true } } });
    const later = track(new TestCustomer(server.url));
    later.visitorToken = customer.visitorToken;
    later.log(conversationId);
    await later.connect();
    const shown = later
      .log(conversationId)
      .list()
      .find((m) => m.attachment)?.attachment;
    expect(shown).toMatchObject({ id: view.id, removed: true });
    expect(shown?.url).toBeUndefined();
  });
});

describe('attachment limits per visitor and per conversation', () => {
  let server: TestServer;
  const open: TestCustomer[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { CUSTOMER_UPLOAD_RATE: '3', ATTACHMENT_CONVERSATION_BYTES: '4KB' },
    });
  });
  afterAll(async () => {
    for (const customer of open) customer.disconnect();
    await server.stop();
  });

  it('refuses a conversation past its total bytes, and a visitor past their upload rate', async () => {
    const customer = new TestCustomer(server.url);
    open.push(customer);
    await customer.connect();
    const { conversation } = await customer.start();
    const prepare = (size: number) =>
      customer.request<AttachmentPrepared>('attachment.prepare', {
        conversationId: conversation.id,
        uploadId: randomUUID(),
        name: 'r.pdf',
        size,
      });
    expect(await prepare(3000)).toMatchObject({ ok: true });
    expect(await prepare(3000)).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', details: { reason: 'conversation-full' } },
    });
    expect(await prepare(500)).toMatchObject({ ok: true });
    expect(await prepare(10)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
