import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = path.join(import.meta.dirname, 'build-if-changed.ts');
const TSX = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');

/** A workspace of two packages, `app` depending on `lib`, whose builds count themselves in builds.log. */
function workspace(): { root: string; build: (pkg: string, command?: string) => string; builds: () => string[] } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'build-if-changed-'));
  writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: [lib, app]\n');
  writeFileSync(path.join(root, 'tsconfig.base.json'), '{}');
  writeFileSync(path.join(root, 'pnpm-lock.yaml'), 'lockfileVersion: 9.0\n');
  for (const [name, dependencies] of [
    ['lib', {}],
    ['app', { lib: 'workspace:*' }],
  ] as const) {
    mkdirSync(path.join(root, name, 'src'), { recursive: true });
    writeFileSync(path.join(root, name, 'package.json'), JSON.stringify({ name, dependencies }));
    writeFileSync(path.join(root, name, 'src', 'index.ts'), `export const name = '${name}';\n`);
  }
  mkdirSync(path.join(root, 'app', 'node_modules'));
  symlinkSync(path.join(root, 'lib'), path.join(root, 'app', 'node_modules', 'lib'));
  const log = path.join(root, 'builds.log');
  const counting = (pkg: string) =>
    `mkdir -p dist && echo built > dist/out.txt && echo ${pkg} >> ${JSON.stringify(log)}`;
  return {
    root,
    build(pkg, command = counting(pkg)) {
      const run = spawnSync(TSX, [SCRIPT, command], { cwd: path.join(root, pkg), encoding: 'utf8' });
      return `${run.status}\n${run.stdout}${run.stderr}`;
    },
    builds: () => {
      try {
        return readFileSync(log, 'utf8').trim().split('\n');
      } catch {
        return [];
      }
    },
  };
}

describe('builds skipped when their inputs did not change', { timeout: 90_000 }, () => {
  const roots: string[] = [];
  const fresh = () => {
    const created = workspace();
    roots.push(created.root);
    return created;
  };
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('builds once, then skips until a source file, the lockfile or a dependency’s build changes', () => {
    const ws = fresh();
    expect(ws.build('lib')).toMatch(/^0\n/);
    expect(ws.build('app')).toMatch(/^0\n/);
    expect(ws.builds()).toEqual(['lib', 'app']);

    expect(ws.build('lib')).toContain('lib: unchanged since its last build, skipped');
    expect(ws.build('app')).toContain('skipped');
    expect(ws.builds()).toEqual(['lib', 'app']);

    writeFileSync(path.join(ws.root, 'app', 'src', 'index.ts'), "export const name = 'app 2';\n");
    ws.build('app');
    expect(ws.builds()).toEqual(['lib', 'app', 'app']);

    // A change in lib rebuilds lib, and then app, which is built from lib's output.
    writeFileSync(path.join(ws.root, 'lib', 'src', 'index.ts'), "export const name = 'lib 2';\n");
    ws.build('lib');
    ws.build('app');
    expect(ws.builds()).toEqual(['lib', 'app', 'app', 'lib', 'app']);

    writeFileSync(path.join(ws.root, 'pnpm-lock.yaml'), 'lockfileVersion: 9.0\n# upgraded\n');
    ws.build('lib');
    expect(ws.builds().at(-1)).toBe('lib');
    expect(ws.builds()).toHaveLength(6);
  });

  it('redoes a build that failed, and one whose output was deleted', () => {
    const ws = fresh();
    expect(ws.build('lib', 'exit 3')).toMatch(/^3\n/);
    ws.build('lib');
    expect(ws.builds()).toEqual(['lib']);
    rmSync(path.join(ws.root, 'lib', 'dist'), { recursive: true });
    ws.build('lib');
    expect(ws.builds()).toEqual(['lib', 'lib']);
  });

  it('ignores what the build itself writes (dist) and installed packages', () => {
    const ws = fresh();
    ws.build('app');
    writeFileSync(path.join(ws.root, 'app', 'dist', 'extra.js'), '');
    writeFileSync(path.join(ws.root, 'app', 'node_modules', 'junk.txt'), '');
    expect(ws.build('app')).toContain('skipped');
  });
});
