import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/**
 * A service process that cannot outlive us. It runs under a tiny bash guard
 * whose stdin is a pipe from this process: when we exit for any reason, even
 * SIGKILL, the pipe closes and the guard terminates the service. That is what
 * keeps test runs and `pnpm start` from leaving Redis or FerretDB orphans.
 */
// Background jobs of a non-interactive bash get /dev/null as stdin, so the
// parent's pipe is kept on fd 3 for the watcher.
const GUARD = `
exec 3<&0
"$@" </dev/null 3<&- &
child=$!
{ while read -r _ <&3; do :; done; kill -TERM "$child" 2>/dev/null; } &
watcher=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM INT
wait "$child"; status=$?
while kill -0 "$child" 2>/dev/null; do wait "$child"; status=$?; done
kill "$watcher" 2>/dev/null
exit $status
`;

export interface SupervisedProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves once the service has exited; rejects never. */
  readonly exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
}

export interface SupervisedOptions {
  /** Append output here; without it the process shares our stdout/stderr. */
  logFile?: string;
  env?: NodeJS.ProcessEnv;
}

export function startSupervised(
  name: string,
  command: string,
  args: string[],
  options: SupervisedOptions = {},
): SupervisedProcess {
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : null;
  const child: ChildProcess = spawn('bash', ['-c', GUARD, `${name}-guard`, command, ...args], {
    stdio: ['pipe', log ? 'pipe' : 'inherit', log ? 'pipe' : 'inherit'],
    env: options.env ?? process.env,
  });
  if (log) {
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
  });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  const pid = child.pid;

  return {
    name,
    pid,
    exited,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
      child.stdin?.destroy();
      log?.end();
    },
  };
}
