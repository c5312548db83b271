import type { AckResult } from '../ack.js';
import type { AttachmentCancel, AttachmentPrepare, AttachmentPrepared, AttachmentView } from '../attachments.js';
import type { ErrorPayload } from '../errors.js';

export type UploadState = 'uploading' | 'ready' | 'failed';

/** A file someone picked, pasted or dropped, on its way to being sent. */
export interface StagedUpload {
  uploadId: string;
  name: string;
  size: number;
  /** An object URL of the file for the preview (images only). */
  previewUrl: string | null;
  state: UploadState;
  /** 0 to 1 while uploading. */
  progress: number;
  /** The stored file, once uploaded. */
  stored?: AttachmentView;
  /** Why it failed: a refusal (its details say why) or a network error (retry). */
  error?: ErrorPayload;
}

/** Sends the bytes with upload progress; resolves with the server's answer. */
export type PutFile = (
  url: string,
  file: Blob,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) => Promise<{ status: number; body: unknown }>;

const NETWORK_ERROR: ErrorPayload = { code: 'UNAVAILABLE', message: 'The upload did not go through.', retryable: true };

/** XMLHttpRequest, for its upload progress events (fetch has none for request bodies). */
export const xhrPut: PutFile = (url, file, onProgress, signal) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) as unknown });
      } catch {
        reject(new Error('unreadable answer'));
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });

/**
 * A composer's file before it is sent (the widget's and the desk's): uploaded as soon as it
 * is staged (the preview shows progress and can cancel it). A retry reuses
 * the upload's id, so the server keeps one copy however often it is tried.
 * Only one file is staged at a time: a new one replaces it. A file dropped
 * before it is sent (cancel, remove, replaced, the chat gone) is given up on
 * the server too, so its room in the chat comes back at once.
 */
export class AttachmentUploads {
  private staged: StagedUpload | null = null;
  private file: File | null = null;
  private abort: AbortController | null = null;
  private internal = false;
  /** The staged file's chat, and its prepare while unanswered (set once a prepare was asked). */
  private conversationId: string | null = null;
  private preparing: Promise<unknown> | null = null;

  constructor(
    private readonly deps: {
      prepare: (payload: AttachmentPrepare) => Promise<AckResult<AttachmentPrepared>>;
      /** Gives up a prepared upload on the server (`attachment.cancel`); its answer changes nothing here. */
      cancel: (payload: AttachmentCancel) => Promise<unknown>;
      put: PutFile;
      newId: () => string;
      onChange: (staged: StagedUpload | null) => void;
    },
  ) {}

  get current(): StagedUpload | null {
    return this.staged;
  }

  /** Stages a file for the conversation and starts uploading it. */
  add(conversationId: string, file: File, options: { internal?: boolean } = {}): void {
    this.clear();
    this.conversationId = conversationId;
    this.file = file;
    this.internal = options.internal ?? false;
    const previewUrl = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
    this.set({
      uploadId: this.deps.newId(),
      name: file.name || 'file',
      size: file.size,
      previewUrl,
      state: 'uploading',
      progress: 0,
    });
    void this.upload(conversationId);
  }

  /** Shows a file as refused without sending it (the rules are known to refuse it): the error says why. */
  refuse(file: File, error: ErrorPayload): void {
    this.clear();
    this.set({
      uploadId: this.deps.newId(),
      name: file.name || 'file',
      size: file.size,
      previewUrl: null,
      state: 'failed',
      progress: 0,
      error,
    });
  }

  /** Uploads a failed file again under the same id. */
  retry(conversationId: string): void {
    if (this.staged?.state !== 'failed' || !this.file) return;
    this.update({ state: 'uploading', progress: 0, error: undefined });
    void this.upload(conversationId);
  }

  /** Cancels an upload in progress, or removes a staged file, here and on the server. */
  clear(): void {
    const staged = this.staged;
    const conversationId = this.conversationId;
    if (staged && conversationId) {
      const cancel = () => void this.deps.cancel({ conversationId, uploadId: staged.uploadId }).catch(() => undefined);
      // Now (before a closing chat's socket goes), or once its prepare is answered: a cancel that
      // overtook the prepare would be undone by the reservation the prepare makes.
      if (this.preparing) void this.preparing.then(cancel, cancel);
      else cancel();
    }
    this.drop();
  }

  /** The uploaded file to send now (then it is no longer staged); null while none is ready. */
  take(): AttachmentView | null {
    const stored = this.staged?.state === 'ready' ? this.staged.stored : undefined;
    if (!stored) return null;
    this.drop();
    return stored;
  }

  /** Forgets the staged file (aborting its upload) without telling the server. */
  private drop(): void {
    this.abort?.abort();
    this.abort = null;
    if (this.staged?.previewUrl) URL.revokeObjectURL(this.staged.previewUrl);
    this.file = null;
    this.conversationId = null;
    this.preparing = null;
    this.set(null);
  }

  private async upload(conversationId: string): Promise<void> {
    const staged = this.staged;
    const file = this.file;
    if (!staged || !file) return;
    const stillCurrent = () => this.staged?.uploadId === staged.uploadId;
    const preparing = this.deps.prepare({
      conversationId,
      uploadId: staged.uploadId,
      name: staged.name,
      size: file.size,
      ...(this.internal ? { internal: true } : {}),
    });
    this.preparing = preparing;
    const prepared = await preparing;
    if (!stillCurrent()) return;
    this.preparing = null;
    if (!prepared.ok) {
      this.update({ state: 'failed', error: prepared.error });
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    try {
      const answer = await this.deps.put(
        prepared.data.uploadUrl,
        file,
        (progress) => {
          if (stillCurrent()) this.update({ progress });
        },
        abort.signal,
      );
      if (!stillCurrent()) return;
      const body = answer.body as AttachmentView | { error?: ErrorPayload };
      if (answer.status >= 200 && answer.status < 300 && 'id' in body) {
        this.update({ state: 'ready', progress: 1, stored: body });
      } else {
        this.update({ state: 'failed', error: ('error' in body ? body.error : undefined) ?? NETWORK_ERROR });
      }
    } catch {
      if (stillCurrent() && !abort.signal.aborted) this.update({ state: 'failed', error: NETWORK_ERROR });
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  private update(changes: Partial<StagedUpload>): void {
    if (!this.staged) return;
    const next = { ...this.staged, ...changes };
    if (changes.error === undefined && 'error' in changes) delete next.error;
    this.set(next);
  }

  private set(staged: StagedUpload | null): void {
    this.staged = staged;
    this.deps.onChange(staged);
  }
}
