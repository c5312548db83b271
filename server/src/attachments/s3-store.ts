import { PassThrough, pipeline as pipe, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { ConfigError } from '../config/config.js';
import type { FileStore } from './file-store.js';

export interface S3StoreOptions {
  /** An S3-compatible server's base URL; undefined: AWS S3 in `region`. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Undefined: the AWS SDK's own chain (AWS_* variables, an instance or pod role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
}

/**
 * The smallest part S3 accepts in a multipart upload (all but the last). A
 * file of unknown length is sent in parts of this size, one at a time, so it
 * holds about two parts in memory, never the whole file.
 */
const PART_BYTES = 5 * 1024 * 1024;

const statusOf = (error: unknown) => (error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined);

/** A key (or bucket) that is not there: S3 says 404, its `name` varies with the call. */
const isMissing = (error: unknown) =>
  statusOf(error) === 404 ||
  (error instanceof S3ServiceException && ['NoSuchKey', 'NotFound', 'NoSuchBucket'].includes(error.name));

export type S3Store = FileStore & {
  /**
   * Asks for the bucket once. A bucket that is missing, in another region or
   * closed to these credentials is a {@link ConfigError} (nothing will work
   * until the settings change); one that cannot be reached is a plain Error.
   */
  checkBucket(): Promise<void>;
};

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, SeaweedFS, Ceph…), for
 * deployments whose files outgrow the database. Bytes are streamed both
 * ways: a file whose length is known (everything but re-encoded images) goes
 * in one PUT straight from its stream; one whose length is not is sent in
 * parts (lib-storage's multipart upload); downloads stream the object, or
 * only the asked range of it, from S3.
 */
export function s3Store(options: S3StoreOptions): S3Store {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    forcePathStyle: options.forcePathStyle,
    // The SDK's default checksums send a streamed body as `aws-chunked` with a trailing CRC, which
    // many S3-compatible servers refuse; checksums only where S3 requires them keep every server working.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  const where = `bucket "${Bucket}" at ${options.endpoint ?? `AWS S3 (${options.region})`}`;

  return {
    async write(key, source, { contentType, size }) {
      if (size !== undefined) {
        await client.send(
          new PutObjectCommand({ Bucket, Key: key, Body: source, ContentLength: size, ContentType: contentType }),
        );
        return size;
      }
      let bytes = 0;
      const counted = pipe(
        source,
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            bytes += chunk.length;
            done(null, chunk);
          },
        }),
        () => undefined, // an error reaches the upload through the destroyed stream
      );
      await new Upload({
        client,
        params: { Bucket, Key: key, Body: counted, ContentType: contentType },
        partSize: PART_BYTES,
        queueSize: 1,
      }).done();
      return bytes;
    },

    async read(key) {
      let size: number;
      try {
        size = (await client.send(new HeadObjectCommand({ Bucket, Key: key }))).ContentLength ?? 0;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      return {
        size,
        stream(range) {
          const out = new PassThrough();
          const abort = new AbortController();
          // The reader went away (a closed download) before S3 answered: stop asking.
          out.once('close', () => {
            if (!out.readableEnded) abort.abort();
          });
          const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
          client
            .send(new GetObjectCommand({ Bucket, Key: key, Range }), { abortSignal: abort.signal })
            .then(({ Body }) => pipeline(Body as Readable, out))
            .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
          return out;
        },
      };
    },

    async remove(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (error) {
        // S3 itself answers 204 for a key already gone; some compatible servers say 404.
        if (!isMissing(error)) throw error;
      }
    },

    async checkBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) throw new ConfigError([`S3_BUCKET: the ${where} does not exist (create it first)`]);
        if (status === 403) {
          throw new ConfigError([
            `S3_ACCESS_KEY_ID: the ${where} refused these credentials (check them and S3_SECRET_ACCESS_KEY)`,
          ]);
        }
        if (status === 301) throw new ConfigError([`S3_REGION: the ${where} is in another region`]);
        throw new Error(`the ${where} could not be reached: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
