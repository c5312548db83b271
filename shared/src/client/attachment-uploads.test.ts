import { describe, expect, it } from 'vitest';
import type { AttachmentPrepare, AttachmentView } from '../attachments.js';
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

function setup(put: PutFile) {
  const prepared: AttachmentPrepare[] = [];
  const changes: (StagedUpload | null)[] = [];
  let counter = 0;
  const uploads = new AttachmentUploads({
    prepare: (payload) => {
      prepared.push(payload);
      return Promise.resolve({ ok: true, data: { uploadUrl: '/api/uploads/t', expiresAt: '' } });
    },
    put,
    newId: () => `upload-${(counter += 1)}`,
    onChange: (staged) => changes.push(staged),
  });
  return { uploads, prepared, changes };
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
    const { uploads } = setup(
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
  });

  it('shows a refused file without asking the server, and it cannot be retried', async () => {
    let puts = 0;
    const { uploads, prepared } = setup(() => {
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
  });
});
