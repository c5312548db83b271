import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The web-widget package's build output (index.html, assets/, loader.js),
 * found through the package's own exports so it works from src/ (tsx), from
 * dist/ and from any install layout pnpm produces.
 */
export function resolveWidgetDist(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@switchboard/web-widget/package.json')), 'dist');
}

/** True once `pnpm build` has produced both the iframe app and the loader. */
export function isWidgetBuilt(dist: string): boolean {
  return existsSync(path.join(dist, 'index.html')) && existsSync(path.join(dist, 'loader.js'));
}
