import type { TestProject } from 'vitest/node';
import { startServices, type RunningServices } from '../../scripts/services/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    mongoUri: string;
  }
}

let services: RunningServices | undefined;

export async function setup(project: TestProject): Promise<void> {
  services = await startServices();
  project.provide('redisUrl', services.redisUrl);
  project.provide('mongoUri', services.mongoUri);
}

export async function teardown(): Promise<void> {
  await services?.stop();
}
