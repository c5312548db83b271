import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NAMESPACES, SERVER_EVENT_NAMES, type NamespaceName } from '@switchboard/shared';
import { clientEventSchemas } from '@switchboard/shared/schemas';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/protocol.md'), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * Every event of the shared event maps: client events are the keys of their
 * schema maps, server events the run-time list the compiler ties to the maps.
 */
function eventNames(): string[] {
  const names = (Object.keys(NAMESPACES) as NamespaceName[]).flatMap((namespace) => [
    ...Object.keys(clientEventSchemas[namespace]),
    ...SERVER_EVENT_NAMES[namespace],
  ]);
  return [...new Set(names)];
}

/** Paths of `router.get('/…'` style routes (and `router.get(['/a', '/b'], …)` lists). */
function routes(): { method: string; path: string }[] {
  return filesUnder(path.join(root, 'server/src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/router\.(get|post|put|patch|delete)\(\s*(\[[^\]]*\]|'[^']+')/g)].map(
      (match) => ({ method: match[1]!.toUpperCase(), path: /'([^']+)'/.exec(match[2]!)![1]! }),
    ),
  );
}

describe('docs/protocol.md stays true', () => {
  it('documents every event of the shared event maps', () => {
    const names = eventNames();
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });

  it('documents every REST route of the server', () => {
    const found = routes();
    expect(found.length).toBeGreaterThan(5);
    const missing = found.filter(({ method, path: route }) => !doc.includes(`\`${method} ${route}`));
    expect(missing).toEqual([]);
  });
});
