import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AttachmentPrepared, AttachmentView, MessageSent } from '@switchboard/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectSent, expectUploaded, put, tinyPdf, upload } from './upload-helpers.js';

const KB = 1024;
const HOUR = 3_600_000;

/**
 * Bytes nobody will send: an upload cut off half-way, one prepared and then
 * cancelled, one prepared and never begun, a file uploaded and never put in a
 * message. Each gives its room in the conversation (and its stored bytes)
 * back without waiting for the conversation's byte count to expire.
 */
describe('abandoned uploads give their bytes back', () => {
  let server: TestServer;
  const open: TestCustomer[] = [];
  const Attachment = () => server.app.services.attachments.model;

  async function chat() {
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
    /** The file is gone for good: its link answers 404, no message can carry it, and its room is free again. */
    const expectGone = async (file: Pick<AttachmentView, 'id' | 'url'>, size: number) => {
      expect((await fetch(`${server.url}${file.url}`)).status).toBe(404);
      const late = await customer.request<MessageSent>('message.send', {
        conversationId: conversation.id,
        clientMessageId: randomUUID(),
        body: '',
        attachmentId: file.id,
      });
      expect(late).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await prepare(size)).toMatchObject({ ok: true });
    };
    return { customer, conversationId: conversation.id, prepare, expectGone };
  }

  /** A PDF padded to `size` bytes. */
  const pdfOf = (size: number) => Buffer.concat([tinyPdf(), Buffer.alloc(size - tinyPdf().length, 0x20)]);

  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: {
        ATTACHMENT_CONVERSATION_BYTES: '300KB',
        CUSTOMER_UPLOAD_RATE: '1000',
        CUSTOMER_MESSAGE_RATE: '1000',
        ATTACHMENT_UNSENT_AGE: '6h',
      },
    });
  });
  afterEach(() => {
    for (const customer of open.splice(0)) customer.disconnect();
  });
  afterAll(() => server.stop());

  it('takes no bytes for a chat that ended after its upload link was given', async () => {
    const { customer, conversationId, prepare } = await chat();
    const prepared = await prepare(10 * KB);
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect((await customer.request('conversation.close', { conversationId })).ok).toBe(true);
    // The link is still within its time, but nothing can be sent in this chat any more: a file
    // taken now would only wait for the retention job, and an erasure (allowed once the chat
    // ended) would not find it.
    const late = await put(server.url, prepared.data.uploadUrl, pdfOf(10 * KB));
    expect(late).toMatchObject({ ok: false, status: 409, error: { code: 'CONVERSATION_CLOSED' } });
    expect(await Attachment().countDocuments({ conversationId })).toBe(0);
  });

  it('an upload cut off half-way leaves no record and gives its room back at once', async () => {
    const { conversationId, prepare } = await chat();
    const prepared = await prepare(200 * KB);
    if (!prepared.ok) throw new Error(prepared.error.message);

    // Half the bytes, then the connection goes (a closed tab, a cancelled upload).
    const target = new URL(prepared.data.uploadUrl, server.url);
    const request = http.request(target, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(200 * KB) },
    });
    request.on('error', () => undefined);
    request.write(pdfOf(100 * KB));
    await expect
      .poll(() => Attachment().countDocuments({ conversationId, status: 'receiving' }), { timeout: 15_000 })
      .toBe(1);
    request.destroy();

    await expect.poll(() => Attachment().countDocuments({ conversationId }), { timeout: 15_000 }).toBe(0);
    expect(await prepare(200 * KB)).toMatchObject({ ok: true });
  });

  it('a prepared upload cancelled gives its room back at once and its link stores nothing; a stranger cancels nothing', async () => {
    const { customer, conversationId } = await chat();
    const uploadId = randomUUID();
    const prepared = await customer.request<AttachmentPrepared>('attachment.prepare', {
      conversationId,
      uploadId,
      name: 'r.pdf',
      size: 200 * KB,
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const another = async () =>
      customer.request<AttachmentPrepared>('attachment.prepare', {
        conversationId,
        uploadId: randomUUID(),
        name: 'other.pdf',
        size: 200 * KB,
      });
    expect(await another()).toMatchObject({ ok: false, error: { details: { reason: 'conversation-full' } } });

    // Someone else naming the chat and the upload: like any other conversation, and nothing changes.
    const stranger = new TestCustomer(server.url);
    open.push(stranger);
    await stranger.connect();
    await stranger.start();
    expect(await stranger.request('attachment.cancel', { conversationId, uploadId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await another()).toMatchObject({ ok: false, error: { details: { reason: 'conversation-full' } } });

    expect(await customer.request('attachment.cancel', { conversationId, uploadId })).toEqual({ ok: true, data: null });
    expect(await another()).toMatchObject({ ok: true });
    // The link is still within its time, but the upload was given up: nothing is kept.
    const late = await put(server.url, prepared.data.uploadUrl, pdfOf(200 * KB));
    expect(late).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND' } });
    expect(await Attachment().countDocuments({ conversationId })).toBe(0);
  });

  it('cancelling a file uploaded and not yet sent deletes it and gives its room back; a sent one stays', async () => {
    const { customer, conversationId, prepare, expectGone } = await chat();
    const uploadPdf = async (name: string, uploadId: string) =>
      expectUploaded(
        await upload(server.url, customer, conversationId, { name, bytes: pdfOf(120 * KB) }, { uploadId }),
      );
    const unsentId = randomUUID();
    const unsent = await uploadPdf('unsent.pdf', unsentId);
    const sentId = randomUUID();
    const sentView = await uploadPdf('sent.pdf', sentId);
    expectSent(
      await customer.request<MessageSent>('message.send', {
        conversationId,
        clientMessageId: randomUUID(),
        body: 'here',
        attachmentId: sentView.id,
      }),
    );
    expect(await prepare(120 * KB)).toMatchObject({ ok: false, error: { details: { reason: 'conversation-full' } } });

    expect(await customer.request('attachment.cancel', { conversationId, uploadId: unsentId })).toEqual({
      ok: true,
      data: null,
    });
    await expectGone(unsent, 120 * KB);

    // A file already in a message is not an upload any more: refused, and it stays.
    expect(await customer.request('attachment.cancel', { conversationId, uploadId: sentId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await fetch(`${server.url}${sentView.url}`)).status).toBe(200);
  });

  it('a prepared upload that never begins holds its room only until its upload link has expired', async () => {
    const quota = server.app.services.attachmentQuota;
    const conversation = randomUUID();
    const now = Date.now();
    expect(await quota.reserve(conversation, 'a', 200 * KB, { limit: 300 * KB, now, until: now + HOUR })).toBe(true);
    expect(await quota.reserve(conversation, 'b', 200 * KB, { limit: 300 * KB, now, until: now + HOUR })).toBe(false);
    // A stored file keeps its room; a reservation past its time does not.
    await quota.settle(conversation, 'c', 50 * KB);
    const later = now + HOUR + 1;
    expect(await quota.reserve(conversation, 'b', 200 * KB, { limit: 300 * KB, now: later, until: later + HOUR })).toBe(
      true,
    );
    expect(await quota.reserve(conversation, 'd', 60 * KB, { limit: 300 * KB, now: later, until: later + HOUR })).toBe(
      false,
    );
  });

  it('the retention job removes files uploaded and never sent once they are old enough, and only those', async () => {
    const { customer, conversationId, prepare, expectGone } = await chat();
    const unsent = expectUploaded(
      await upload(server.url, customer, conversationId, { name: 'unsent.pdf', bytes: pdfOf(120 * KB) }),
    );
    const sentView = expectUploaded(
      await upload(server.url, customer, conversationId, { name: 'sent.pdf', bytes: pdfOf(120 * KB) }),
    );
    expectSent(
      await customer.request<MessageSent>('message.send', {
        conversationId,
        clientMessageId: randomUUID(),
        body: 'here',
        attachmentId: sentView.id,
      }),
    );
    const chunks = (id: string) =>
      server.app.mongo.db!.collection('attachments.files').countDocuments({ _id: { $regex: `^${id}\\.` } } as never);
    expect(await prepare(120 * KB)).toMatchObject({ ok: false, error: { details: { reason: 'conversation-full' } } });

    // Younger than the age set: kept (it may still be on its way into a message).
    await server.app.services.attachmentRetention.run(new Date(Date.now() + HOUR));
    expect(await chunks(unsent.id)).toBe(1);

    await server.app.services.attachmentRetention.run(new Date(Date.now() + 7 * HOUR));
    expect(await chunks(unsent.id)).toBe(0);
    await expectGone(unsent, 120 * KB);

    // The file in a message is untouched.
    expect(await chunks(sentView.id)).toBe(1);
    expect((await fetch(`${server.url}${sentView.url}`)).status).toBe(200);
  });
});
