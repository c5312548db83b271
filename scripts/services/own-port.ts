import { ServiceUnavailableError, say } from './commands.js';
import { freePort } from './ports.js';
import { parentPid } from './process-tree.js';
import type { SupervisedProcess } from './supervised-process.js';

/** What answers on a port: nothing (yet), or a service reporting its process id (null: it would not say). */
export type PortAnswer = { answered: false } | { answered: true; pid: number | null };

export interface OwnPortOptions {
  /** For messages: `Redis`, `FerretDB (SQLite)`. */
  what: string;
  preferredPort?: number | undefined;
  /** Spawns the service on `port` (under the guard of supervised-process.ts). */
  start: (port: number) => SupervisedProcess;
  /** Asks whatever listens on `port` for its process id. */
  whoAnswers: (port: number) => Promise<PortAnswer>;
  timeoutMs: number;
  /** Where the service writes its log, named when it fails. */
  logFile: string;
}

/** Tries with the preferred port, then twice with a port the system gave out as free. */
const ATTEMPTS = 3;

/** The guard runs the service as its direct child (supervised-process.ts). */
const startedBy = (guard: SupervisedProcess, pid: number | null) => pid !== null && parentPid(pid) === guard.pid;

type Outcome = { ready: true } | { ready: false; reason: string };

async function waitForOwnService(options: OwnPortOptions, port: number, child: SupervisedProcess): Promise<Outcome> {
  let exitCode: number | null | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) return { ready: false, reason: `it exited (code ${exitCode}) before answering` };
    const answer = await options.whoAnswers(port).catch((): PortAnswer => ({ answered: false }));
    if (answer.answered) {
      if (startedBy(child, answer.pid)) return { ready: true };
      // Still starting, or it will fail "address already in use": another process holds the port.
      const other = answer.pid === null ? 'another process' : `another process (pid ${answer.pid})`;
      return { ready: false, reason: `port ${port} is answered by ${other}, not the one started here` };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new ServiceUnavailableError(
    `${options.what} did not answer on port ${port} within ${options.timeoutMs} ms; see ${options.logFile}`,
  );
}

/**
 * Starts a service on a port of its own and returns once the process
 * answering there is the one started here. Choosing a free port and starting
 * on it are two steps: another checkout launched at the same moment may take
 * the port in between, and its service, not ours, would then answer — and
 * this checkout would silently use another one's database. So the answer's
 * process id must be our service's, else we move to another port.
 */
export async function startOnOwnPort(options: OwnPortOptions): Promise<{ port: number; process: SupervisedProcess }> {
  const failures: string[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = await freePort(attempt === 0 ? options.preferredPort : undefined);
    const child = options.start(port);
    let outcome: Outcome;
    try {
      outcome = await waitForOwnService(options, port, child);
    } catch (error) {
      await child.stop();
      throw error;
    }
    if (outcome.ready) return { port, process: child };
    await child.stop();
    failures.push(`port ${port}: ${outcome.reason}`);
    say(`${options.what} could not start on port ${port} (${outcome.reason}); trying another port`);
  }
  throw new ServiceUnavailableError(
    `${options.what} could not start on a port of its own (${failures.join('; ')}); see ${options.logFile}`,
  );
}
