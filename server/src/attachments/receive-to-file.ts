import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@switchboard/shared';

const UPLOAD_DIR = path.join(tmpdir(), 'switchboard-uploads');

export interface ReceivedFile {
  path: string;
  bytes: number;
  /** Deletes the file (never throws). */
  discard(): Promise<void>;
}

/**
 * Streams an upload's body to a temporary file, refusing it as soon as it
 * passes `limit` bytes. The bytes go through memory a chunk at a time; the
 * file lets the type be sniffed and an image be decoded by libvips from
 * disk, so twenty uploads at once cost twenty files, not twenty buffers.
 */
export async function receiveToFile(source: Readable, limit: number, refusal: () => AppError): Promise<ReceivedFile> {
  await mkdir(UPLOAD_DIR, { recursive: true });
  const file = path.join(UPLOAD_DIR, randomUUID());
  const discard = () => rm(file, { force: true }).catch(() => undefined);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limit) done(refusal());
      else done(null, chunk);
    },
  });
  try {
    await pipeline(source, counter, createWriteStream(file));
  } catch (error) {
    await discard();
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION_FAILED', 'The upload was interrupted; send it again.', undefined, { cause: error });
  }
  return { path: file, bytes, discard };
}
