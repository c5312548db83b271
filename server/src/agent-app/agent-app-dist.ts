import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The agent-app package's build output, found through the package's own
 * exports so it works from src/ (tsx), from dist/ and from any pnpm layout.
 */
export function resolveAgentAppDist(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@switchboard/agent-app/package.json')), 'dist');
}

export function isAgentAppBuilt(dist: string): boolean {
  return existsSync(path.join(dist, 'index.html'));
}
