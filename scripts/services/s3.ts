import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCacheDir, say, ServiceUnavailableError, which } from './commands.js';
import { startSupervised, type SupervisedProcess } from './supervised-process.js';

/**
 * gofakes3: an S3-compatible server in Go (path-style requests, ranges,
 * multipart uploads, a file-system backend), small enough to build from the
 * Go module proxy in seconds. What the S3 file store is tested and measured
 * against here; production points S3_ENDPOINT at a real one.
 */
const MODULE = 'github.com/johannesboyne/gofakes3';
const VERSION = 'v1.2.0';
const BUILD = `gofakes3-${VERSION}`;

/** The bucket every server started here holds from its start. */
export const S3_TEST_BUCKET = 'switchboard';

const cacheDir = () => buildCacheDir(BUILD);

/** Path of the gofakes3 binary, built with Go on first use and kept in ~/.cache/switchboard. */
export function ensureS3Server(): string {
  const binDir = cacheDir();
  const ours = path.join(binDir, 'gofakes3');
  if (existsSync(ours)) return ours;
  if (!which('go')) {
    throw new ServiceUnavailableError(
      'An S3-compatible server is needed for the S3 file store’s tests and bench, and Go is not installed to build ' +
        `gofakes3. Install Go 1.22+ (\`sudo apt-get install golang\` or https://go.dev/dl), or build ${MODULE}/cmd/gofakes3@${VERSION} ` +
        `into ${ours} yourself.`,
    );
  }
  mkdirSync(binDir, { recursive: true });
  say(`building gofakes3 ${VERSION} with Go (first run only)`);
  // Built into a directory of its own, then renamed into place: a concurrent run never sees half a binary.
  const staging = mkdtempSync(path.join(binDir, 'build-'));
  try {
    const build = spawnSync('go', ['install', `${MODULE}/cmd/gofakes3@${VERSION}`], {
      env: { ...process.env, GOBIN: staging, GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false' },
      encoding: 'utf8',
    });
    const built = path.join(staging, 'gofakes3');
    if (build.status !== 0 || !existsSync(built)) {
      throw new ServiceUnavailableError(
        `Could not build ${MODULE}/cmd/gofakes3@${VERSION}: ${build.stderr.trim().split('\n').slice(-3).join(' ')}`,
      );
    }
    renameSync(built, ours);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  say(`gofakes3 ${VERSION} installed at ${ours}`);
  return ours;
}

export interface RunningS3 {
  /** `http://127.0.0.1:<port>`: path-style, any credentials accepted. */
  endpoint: string;
  bucket: string;
  process: SupervisedProcess;
  stop(): Promise<void>;
}

/** The port the server printed ("using port: N") once it listens; null while it has not. */
function announcedPort(logFile: string): number | null {
  if (!existsSync(logFile)) return null;
  const match = /using port: (\d+)/.exec(readFileSync(logFile, 'utf8'));
  return match ? Number(match[1]) : null;
}

/**
 * Starts gofakes3 on loopback with its objects on disk under `dataDir` (a
 * temp dir, removed on stop, when none is given). It binds port 0 and says
 * which port it got, so no other process can take the port in between.
 */
export async function startS3(options: { dataDir?: string; timeoutMs?: number } = {}): Promise<RunningS3> {
  const binary = ensureS3Server();
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'switchboard-s3-'));
  const objects = path.join(dataDir, 's3');
  mkdirSync(objects, { recursive: true });
  const logFile = path.join(dataDir, 's3.log');
  rmSync(logFile, { force: true });
  const child = startSupervised(
    's3',
    binary,
    ['-backend', 'fs', '-fs.path', objects, '-fs.create', '-host', '127.0.0.1:0', '-initialbucket', S3_TEST_BUCKET],
    { logFile },
  );
  const stop = async () => {
    await child.stop();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  let exitCode: number | null | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let port = announcedPort(logFile);
  while (port === null) {
    if (exitCode !== undefined || Date.now() > deadline) {
      const why = exitCode !== undefined ? `exited (code ${exitCode})` : 'did not say which port it listens on';
      await stop();
      throw new ServiceUnavailableError(`gofakes3 ${why}; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    port = announcedPort(logFile);
  }
  const endpoint = `http://127.0.0.1:${port}`;
  say(`S3 (gofakes3) ready at ${endpoint}, bucket ${S3_TEST_BUCKET} (data: ${objects})`);
  return { endpoint, bucket: S3_TEST_BUCKET, process: child, stop };
}
