import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { say, ServiceUnavailableError, which } from './commands.js';

const MODULE = 'github.com/FerretDB/FerretDB';
/** The release ARCHITECTURE.md names first; v1.24.0 is the same minor line, used when the proxy refuses v1.24.1. */
const VERSIONS = ['v1.24.1', 'v1.24.0'] as const;
/**
 * Makes the SQLite backend's equality look-ups (by _id, and by a field that
 * leads an index) use the index instead of reading every document (the patch
 * file says why and what it measured). Bumping {@link BUILD} with the patch
 * makes every machine build afresh.
 */
const PATCH = fileURLToPath(new URL('./ferretdb-sqlite-index-pushdown.patch', import.meta.url));
const BUILD = 'ferretdb-v1.24-index-pushdown';

function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(base, 'switchboard', BUILD);
}

function runs(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

function goEnv(name: string): string {
  return execFileSync('go', ['env', name], { encoding: 'utf8' }).trim();
}

/** `go install` as the FerretDB docs say; returns the installed binary if it runs. */
function tryGoInstall(version: string, binDir: string): string | null {
  const result = spawnSync('go', ['install', `${MODULE}/cmd/ferretdb@${version}`], {
    env: { ...process.env, GOBIN: binDir, GOFLAGS: '-buildvcs=false' },
    encoding: 'utf8',
  });
  const binary = path.join(binDir, 'ferretdb');
  if (result.status === 0 && runs(binary)) return binary;
  say(
    `go install ${MODULE}/cmd/ferretdb@${version} did not give a working binary: ${result.stderr.trim().split('\n').pop() ?? ''}`,
  );
  return null;
}

/**
 * Builds from the module source with our patch. The module zip lacks
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
    const patched = spawnSync('git', ['apply', PATCH], { cwd: work, encoding: 'utf8' });
    if (patched.status !== 0) {
      say(`the index pushdown patch does not apply to FerretDB ${version}: ${patched.stderr.trim()}`);
      return null;
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
 * Path of a working FerretDB v1.24 binary, built with Go on first use. Ours,
 * patched, comes first; an unpatched one (installed by hand, or `go install`
 * when the patched build fails) works the same, only with every look-up
 * scanning its collection.
 */
export function ensureFerretDB(): string {
  const ours = path.join(cacheDir(), 'ferretdb');
  if (existsSync(ours) && runs(ours)) return ours;
  const installed = [which('ferretdb'), which('go') ? path.join(goEnv('GOPATH'), 'bin', 'ferretdb') : null];
  if (!which('go')) {
    const usable = installed.find((candidate) => candidate && existsSync(candidate) && runs(candidate));
    if (usable) return usable;
    throw new ServiceUnavailableError(
      'A MongoDB-compatible server is needed: no `mongod` on PATH and no FerretDB, and Go is not installed to build FerretDB. ' +
        'Install Go 1.22+ (`sudo apt-get install golang` or https://go.dev/dl), or install MongoDB 6+ so `mongod` is on PATH, ' +
        'or set MONGODB_URI to a running MongoDB.',
    );
  }
  const binDir = cacheDir();
  mkdirSync(binDir, { recursive: true });
  say('building FerretDB v1.24 with Go (first run only, takes a minute or two)');
  for (const version of VERSIONS) {
    const binary = tryBuildFromModule(version, binDir);
    if (binary) {
      say(`FerretDB ${version} (with the index pushdown patch) installed at ${binary}`);
      return binary;
    }
  }
  say('falling back to an unpatched FerretDB: every look-up will scan its collection');
  const usable = installed.find((candidate) => candidate && existsSync(candidate) && runs(candidate));
  if (usable) return usable;
  const fallbackDir = path.join(binDir, 'unpatched');
  mkdirSync(fallbackDir, { recursive: true });
  for (const version of VERSIONS) {
    const binary = tryGoInstall(version, fallbackDir);
    if (binary) return binary;
  }
  throw new ServiceUnavailableError(
    `Could not install FerretDB ${VERSIONS.join(' or ')} with Go (see the messages above). ` +
      'Install MongoDB 6+ so `mongod` is on PATH, or set MONGODB_URI to a running MongoDB.',
  );
}
