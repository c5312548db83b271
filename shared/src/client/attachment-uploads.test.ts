import { describe, expect, it } from 'vitest';
import type { AckResult } from '../ack.js';
import type { AttachmentCancel, AttachmentPrepare, AttachmentPrepared, AttachmentView } from '../attachments.js';
import { AttachmentUploads, type PutFile, type StagedUpload } from './attachment-uploads.js';

const CONVERSATION = 'a'.repeat(24);
const stored: AttachmentView = {
  id: 'f'.repeat(24),
  name: 'receipt.pdf',
  size: 5,
  contentType: 'application/pdf',
  kind: 'file',
  url: '/api/files/x/original?e=1&s=x',
};
const file = () => new File([new Uint8Array([37, 80, 68, 70, 45])], 'receipt.pdf', { type: 'application/pdf' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const PREPARED: AckResult<AttachmentPrepared> = { ok: true, data: { uploadUrl: '/api/uploads/t', expiresAt: '' } };

function setup(put: PutFile, answer: () => Promise<AckResult<AttachmentPrepared>> = () => Promise.resolve(PREPARED)) {
  const prepared: AttachmentPrepare[] = [];
  const cancelled: AttachmentCancel[] = [];
  /** What the server was asked, in order. */
  const asked: string[] = [];
  const changes: (StagedUpload | null)[] = [];
  let counter = 0;
  const uploads = new AttachmentUploads({
    prepare: async (payload) => {
      prepared.push(payload);
      const answered = await answer();
      asked.push(`prepared ${payload.uploadId}`);
      return answered;
    },
    cancel: (payload) => {
      cancelled.push(payload);
      asked.push(`cancel ${payload.uploadId}`);
      return Promise.resolve({ ok: true, data: null });
    },
    put,
    newId: () => `upload-${(counter += 1)}`,
    onChange: (staged) => changes.push(staged),
  });
  return { uploads, prepared, cancelled, asked, changes };
}

describe('AttachmentUploads', () => {
  it('uploads a staged file with progress and hands it over once', async () => {
    const { uploads, changes } = setup((_url, _file, onProgress) => {
      onProgress(0.5);
      return Promise.resolve({ status: 201, body: stored });
    });
    uploads.add(CONVERSATION, file());
    await settle();
    expect(changes.map((change) => change?.progress)).toContain(0.5);
    expect(uploads.current).toMatchObject({ state: 'ready', stored: { id: stored.id } });
    expect(uploads.take()).toEqual(stored);
    expect(uploads.current).toBeNull();
    expect(uploads.take()).toBeNull();
  });

  it('retries a failed upload under the same upload id (the server keeps one copy)', async () => {
    let attempts = 0;
    const { uploads, prepared } = setup(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('network')) : Promise.resolve({ status: 201, body: stored });
    });
    uploads.add(CONVERSATION, file());
    await settle();
    expect(uploads.current).toMatchObject({ state: 'failed', error: { retryable: true } });
    uploads.retry(CONVERSATION);
    await settle();
    expect(uploads.current?.state).toBe('ready');
    expect(prepared.map((payload) => payload.uploadId)).toEqual(['upload-1', 'upload-1']);
  });

  it('keeps a refusal with its details for the message in the reader’s language', async () => {
    const refusal = {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'no',
      retryable: false,
      details: { reason: 'type', maxBytes: 10, types: ['PDF'] },
    };
    const { uploads } = setup(() => Promise.resolve({ status: 415, body: { error: refusal } }));
    uploads.add(CONVERSATION, file());
    await settle();
    expect(uploads.current).toMatchObject({ state: 'failed', error: refusal });
  });

  it('cancels an upload in flight: the request is aborted and nothing is staged', async () => {
    let aborted = false;
    const { uploads, cancelled } = setup(
      (_url, _file, _progress, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        }),
    );
    uploads.add(CONVERSATION, file());
    await settle();
    uploads.clear();
    await settle();
    expect(aborted).toBe(true);
    expect(uploads.current).toBeNull();
    // Its room in the chat is given back now, not when its upload link expires.
    expect(cancelled).toEqual([{ conversationId: CONVERSATION, uploadId: 'upload-1' }]);
  });

  it('gives a file removed or replaced before it was sent up on the server; a sent one is not', async () => {
    const { uploads, cancelled } = setup(() => Promise.resolve({ status: 201, body: stored }));
    uploads.add(CONVERSATION, file());
    await settle();
    expect(uploads.current?.state).toBe('ready');
    uploads.add(CONVERSATION, file()); // replaced
    await settle();
    uploads.clear(); // removed
    await settle();
    expect(cancelled).toEqual([
      { conversationId: CONVERSATION, uploadId: 'upload-1' },
      { conversationId: CONVERSATION, uploadId: 'upload-2' },
    ]);

    uploads.add(CONVERSATION, file());
    await settle();
    expect(uploads.take()).toEqual(stored);
    await settle();
    expect(cancelled).toHaveLength(2);
  });

  it('sends a cancel made while the prepare is unanswered only after its answer (else the reservation would win)', async () => {
    let answer: (value: AckResult<AttachmentPrepared>) => void = () => undefined;
    const { uploads, asked } = setup(
      () => Promise.resolve({ status: 201, body: stored }),
      () => new Promise((resolve) => (answer = resolve)),
    );
    uploads.add(CONVERSATION, file());
    uploads.clear();
    await settle();
    expect(asked).toEqual([]);
    answer(PREPARED);
    await settle();
    expect(asked).toEqual(['prepared upload-1', 'cancel upload-1']);
    expect(uploads.current).toBeNull();
  });

  it('shows a refused file without asking the server, and it cannot be retried', async () => {
    let puts = 0;
    const { uploads, prepared, cancelled } = setup(() => {
      puts += 1;
      return Promise.resolve({ status: 201, body: stored });
    });
    const error = { code: 'FORBIDDEN' as const, message: 'off', retryable: false };
    uploads.refuse(file(), error);
    expect(uploads.current).toMatchObject({ name: 'receipt.pdf', state: 'failed', error });
    uploads.retry(CONVERSATION);
    await settle();
    expect([prepared.length, puts]).toEqual([0, 0]);
    expect(uploads.take()).toBeNull();
    uploads.clear();
    await settle();
    expect(cancelled).toEqual([]);
  });
});
