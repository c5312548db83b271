import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCacheDir, say, ServiceUnavailableError, which } from './commands.js';

const MODULE = 'github.com/FerretDB/FerretDB';
/** The release the project is tested on; v1.24.0 is the same minor line, used when the proxy refuses v1.24.1. */
const VERSIONS = ['v1.24.1', 'v1.24.0'] as const;
/**
 * Applied in this order (each file says why and what it measured):
 * equality look-ups use the SQLite indexes instead of reading every
 * document; the writing commands of one database run one at a time, so
 * single-document writes are atomic as on MongoDB, which the server relies
 * on (it refuses a FerretDB built without it); an update command of many
 * statements closes each one's query before the next, so it cannot take
 * every pooled connection and wait forever. The cache directory is named
 * after the patches' contents ({@link BUILD}), so any change to a patch
 * makes every machine build afresh instead of running an older build.
 */
const PATCHES = [
  { name: 'the index pushdown patch', file: 'ferretdb-sqlite-index-pushdown.patch' },
  { name: 'the atomic writes patch', file: 'ferretdb-atomic-writes.patch' },
  { name: 'the update statements patch', file: 'ferretdb-update-statements.patch' },
].map((patch) => ({ ...patch, path: fileURLToPath(new URL(`./${patch.file}`, import.meta.url)) }));
const BUILD = `ferretdb-v1.24-${createHash('sha256')
  .update(PATCHES.map((patch) => readFileSync(patch.path)).join('\0'))
  .digest('hex')
  .slice(0, 12)}`;

/** The other ways to a database Switchboard accepts (the server names the same ones when it refuses FerretDB). */
const OTHERWISE =
  'or install MongoDB 6+ so `mongod` is on PATH, or set MONGODB_URI to a running MongoDB 6+. ' +
  'An unpatched FerretDB will not do: it does not apply concurrent writes to one document atomically.';

const cacheDir = () => buildCacheDir(BUILD);

function runs(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Builds from the module source with our patches. The module zip lacks
 * build/version/version.txt, which FerretDB's own build generates (`bin/task
 * gen-version`) and which its binary refuses to start without, so we write it
 * the same way.
 */
function tryBuildFromModule(version: string, binDir: string): string | null {
  const download = spawnSync('go', ['mod', 'download', '-json', `${MODULE}@${version}`], { encoding: 'utf8' });
  if (download.status !== 0) {
    say(`go mod download ${MODULE}@${version} failed: ${download.stdout.trim().split('\n').slice(-3).join(' ')}`);
    return null;
  }
  const moduleDir = (JSON.parse(download.stdout) as { Dir: string }).Dir;
  const work = mkdtempSync(path.join(os.tmpdir(), 'ferretdb-src-'));
  try {
    cpSync(moduleDir, work, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', work]);
    for (const patch of PATCHES) {
      const patched = spawnSync('git', ['apply', patch.path], { cwd: work, encoding: 'utf8' });
      if (patched.status !== 0) {
        say(`${patch.name} does not apply to FerretDB ${version}: ${patched.stderr.trim()}`);
        return null;
      }
    }
    writeFileSync(path.join(work, 'build', 'version', 'version.txt'), `${version}\n`);
    const staged = path.join(binDir, `ferretdb.${process.pid}.tmp`);
    const build = spawnSync('go', ['build', '-o', staged, './cmd/ferretdb'], {
      cwd: work,
      env: { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false', GOTOOLCHAIN: 'local' },
      encoding: 'utf8',
    });
    if (build.status !== 0 || !runs(staged)) {
      say(`go build of FerretDB ${version} failed: ${build.stderr.trim().split('\n').slice(-3).join(' ')}`);
      rmSync(staged, { force: true });
      return null;
    }
    const binary = path.join(binDir, 'ferretdb');
    renameSync(staged, binary); // atomic, so a concurrent run never sees half a binary
    chmodSync(binary, 0o755);
    return binary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Path of our patched FerretDB v1.24 binary, built with Go on first use. A
 * `ferretdb` found elsewhere (on PATH, from `go install`) is never used: it
 * lacks the patches, and the server would refuse it.
 */
export function ensureFerretDB(): string {
  const ours = path.join(cacheDir(), 'ferretdb');
  if (existsSync(ours) && runs(ours)) return ours;
  if (!which('go')) {
    throw new ServiceUnavailableError(
      'A MongoDB-compatible server is needed: no `mongod` on PATH, and Go is not installed to build FerretDB. ' +
        'Install Go 1.22+ (`sudo apt-get install golang` or https://go.dev/dl) so that scripts/services builds the patched FerretDB, ' +
        OTHERWISE,
    );
  }
  const binDir = cacheDir();
  mkdirSync(binDir, { recursive: true });
  say('building FerretDB v1.24 with Go (first run only, takes a minute or two)');
  for (const version of VERSIONS) {
    const binary = tryBuildFromModule(version, binDir);
    if (binary) {
      say(`FerretDB ${version} (with ${PATCHES.map((patch) => patch.name).join(' and ')}) installed at ${binary}`);
      return binary;
    }
  }
  throw new ServiceUnavailableError(
    `Could not build FerretDB ${VERSIONS.join(' or ')} with our patches (see the messages above). Fix that, ` +
      OTHERWISE,
  );
}
