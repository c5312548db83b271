import type { RunningS3 } from '../../scripts/services/s3.js';

/**
 * The server's settings for the S3 store on a gofakes3 started by
 * scripts/services. gofakes3 takes any credentials; they are given so the
 * AWS SDK does not go looking for its own.
 */
export function s3StoreEnv(s3: RunningS3): Record<string, string> {
  return {
    ATTACHMENT_STORE: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'switchboard-tests',
    S3_SECRET_ACCESS_KEY: 'switchboard-tests-secret',
  };
}
