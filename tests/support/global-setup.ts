import type { TestProject } from 'vitest/node';
import { startServices, type RunningServices } from '../../scripts/services/index.js';
import { ensureS3Server } from '../../scripts/services/s3.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    mongoUri: string;
  }
}

let services: RunningServices | undefined;

export async function setup(project: TestProject): Promise<void> {
  // Built here, once, rather than by the first test files that start one (two at a time would build twice).
  ensureS3Server();
  services = await startServices();
  project.provide('redisUrl', services.redisUrl);
  project.provide('mongoUri', services.mongoUri);
}

export async function teardown(): Promise<void> {
  await services?.stop();
}
