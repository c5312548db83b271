import { readFileSync } from 'node:fs';
import type { Feature } from '../infra/feature.js';
import { openApiRoutes } from './openapi.routes.js';

/** The server package's version (from src/ and dist/ alike, two folders up), shown as the document's version. */
function serverVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? '0.0.0';
}

export function createOpenApiFeature(): Feature {
  return { name: 'openapi', routes: openApiRoutes(serverVersion()) };
}
