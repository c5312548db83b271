import type { Connection } from 'mongoose';
import type { Config } from '../config/config.js';
import { gridFsStore, type FileStore } from './file-store.js';
import { s3Store } from './s3-store.js';

export interface ConfiguredStore {
  store: FileStore;
  /** Once at start: throws a ConfigError when the store can never work as set (a missing bucket). */
  check(): Promise<void>;
  /** For logs: which store, never a secret. */
  describe: string;
}

/** The file store ATTACHMENT_STORE names (the settings were checked together by loadConfig). */
export function storeFromConfig(config: Config, mongo: Connection): ConfiguredStore {
  if (config.ATTACHMENT_STORE !== 's3' || !config.S3_BUCKET) {
    return { store: gridFsStore(mongo), check: () => Promise.resolve(), describe: 'GridFS' };
  }
  const store = s3Store({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    bucket: config.S3_BUCKET,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: config.S3_FORCE_PATH_STYLE ?? config.S3_ENDPOINT !== undefined,
  });
  return {
    store,
    check: () => store.checkBucket(),
    describe: `S3 bucket ${config.S3_BUCKET} at ${config.S3_ENDPOINT ?? `AWS (${config.S3_REGION})`}`,
  };
}
