import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const MANIFESTS = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'];
const PACKAGES = ['shared', 'server', 'web-widget', 'agent-app', 'tests', 'bench'];

describe('a fresh install', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fresh-install-'));
  // A whole workspace's node_modules (Lighthouse in the bench's among them): removing it takes
  // seconds, more than the default hook timeout on a busy two-core machine.
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('prints no "Ignored build scripts" box: every install script is allowed or declined on purpose', () => {
    for (const file of MANIFESTS) cpSync(path.join(ROOT, file), path.join(dir, file));
    for (const name of PACKAGES) {
      mkdirSync(path.join(dir, name));
      cpSync(path.join(ROOT, name, 'package.json'), path.join(dir, name, 'package.json'));
    }
    // From the store the workspace's own install filled: no network needed.
    const install = spawnSync('pnpm', ['install', '--offline', '--frozen-lockfile'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(install.status, install.stderr).toBe(0);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/Ignored build scripts|approve-builds/);
  }, 150_000);
});
