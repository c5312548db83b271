import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose, { type Connection } from 'mongoose';

/** Bytes `start` to `end` of a file, both included (as an HTTP Range says them). */
export interface ByteRange {
  start: number;
  end: number;
}

/** A stored file: its size, and its bytes (all, or a range) streamed when asked. */
export interface StoredFile {
  size: number;
  stream: (range?: ByteRange) => Readable;
}

/** Where file bytes live; keys are chosen by the caller and never reused. */
export interface FileStore {
  /**
   * Streams `source` into the store under `key`; resolves with the bytes written. `size`, when
   * the caller knows it, lets a store that must announce the length send the stream as it comes.
   */
  write(key: string, source: Readable, file: { contentType: string; size?: number }): Promise<number>;
  /** The file under `key`; null when there is no such file. */
  read(key: string): Promise<StoredFile | null>;
  /** Deletes `key`; a missing key is not an error (deletes are retried). */
  remove(key: string): Promise<void>;
}

/**
 * Files in MongoDB's GridFS (bucket `attachments`): the same database to run
 * and back up as the rest. Keys are strings rather than ObjectIds because
 * FerretDB v1 serves an equality on a string from its index but scans for
 * any other type, and every read of a file looks up its chunks by file id.
 * Chunks are written one at a time as the stream delivers them, so a file
 * is never held whole in memory.
 */
export function gridFsStore(connection: Connection): FileStore {
  const bucket = () => {
    const db = connection.db;
    if (!db) throw new Error('MongoDB is not connected');
    return new mongoose.mongo.GridFSBucket(db, { bucketName: 'attachments' });
  };
  return {
    async write(key, source, { contentType }) {
      const upload = bucket().openUploadStreamWithId(key as never, key, { metadata: { contentType } });
      await pipeline(source, upload);
      return upload.length;
    },
    async read(key) {
      const files = await bucket()
        .find({ _id: key as never })
        .limit(1)
        .toArray();
      const file = files[0];
      if (!file) return null;
      return {
        size: file.length,
        // GridFS reads only the chunks a range covers; its `end` is exclusive.
        stream: (range) =>
          bucket().openDownloadStream(key as never, range ? { start: range.start, end: range.end + 1 } : {}),
      };
    },
    async remove(key) {
      try {
        await bucket().delete(key as never);
      } catch (error) {
        // GridFS says "File not found" for a key already deleted: the goal is met.
        if (!/not found/i.test((error as Error).message)) throw error;
      }
    },
  };
}
