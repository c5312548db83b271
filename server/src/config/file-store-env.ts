import { z } from 'zod';

/** `true`/`false` (and `1`/`0`, `yes`/`no`), as the other switches are read. */
const switchFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * Where attachment bytes live: GridFS in the application's MongoDB (one
 * database to run and back up), or an S3-compatible object store for
 * deployments whose files outgrow it. The S3 settings are read only for `s3`.
 */
export const fileStoreEnv = z.object({
  ATTACHMENT_STORE: z.enum(['gridfs', 's3']).default('gridfs'),
  /** An S3-compatible server's base URL (`https://minio.internal:9000`); unset: AWS S3 in S3_REGION. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,32}$/, 'a region name such as us-east-1')
    .default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
    )
    .optional(),
  /** Both or neither: without them the AWS SDK's own chain is used (AWS_* variables, an instance or pod role). */
  S3_ACCESS_KEY_ID: z.string().min(1).max(256).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).max(256).optional(),
  /**
   * Bucket in the path (`endpoint/bucket/key`) rather than in the host name
   * (`bucket.endpoint/key`). Default: on with S3_ENDPOINT (MinIO, SeaweedFS
   * and most S3-compatible servers answer only that way), off for AWS.
   */
  S3_FORCE_PATH_STYLE: switchFromEnv.optional(),
});

type FileStoreEnv = z.infer<typeof fileStoreEnv>;

/** What the schema alone cannot say: which S3 settings go together. One line per problem. */
export function fileStoreProblems(values: FileStoreEnv): string[] {
  const problems: string[] = [];
  const s3Names = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  if (values.ATTACHMENT_STORE !== 's3') {
    // Set for S3 but not chosen: files would silently go to GridFS instead.
    for (const name of s3Names) {
      if (values[name] !== undefined) problems.push(`${name}: set, but ATTACHMENT_STORE is not s3`);
    }
    return problems;
  }
  if (!values.S3_BUCKET) problems.push('S3_BUCKET: required when ATTACHMENT_STORE is s3');
  if ((values.S3_ACCESS_KEY_ID === undefined) !== (values.S3_SECRET_ACCESS_KEY === undefined)) {
    const missing = values.S3_ACCESS_KEY_ID === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY';
    problems.push(`${missing}: required with the other S3 key (set both, or neither to use the AWS SDK's own)`);
  }
  return problems;
}
