import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSupervised, type SupervisedProcess } from '../../scripts/services/supervised-process.js';

/**
 * A cluster member started under scripts/services' supervision guard (so it
 * dies with the test run, even if the runner is SIGKILLed), with a way to
 * signal the service itself: the guard is a bash process, and `kill -9` of a
 * server must hit the server, not its guard.
 */
export class ManagedProcess {
  /** True once the service has exited, for whatever reason. */
  hasExited = false;

  private constructor(
    private readonly supervised: SupervisedProcess,
    readonly logFile: string,
  ) {
    void supervised.exited.then(() => (this.hasExited = true));
  }

  /** Adopts a service scripts/services started (Redis, the database). */
  static wrap(supervised: SupervisedProcess, logFile: string): ManagedProcess {
    return new ManagedProcess(supervised, logFile);
  }

  static start(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; logFile: string }) {
    return new ManagedProcess(startSupervised(name, command, args, options), options.logFile);
  }

  get name(): string {
    return this.supervised.name;
  }

  /** Resolves with the guard's exit status once the service has gone. */
  get exited(): Promise<number | null> {
    return this.supervised.exited;
  }

  /** The service's own pid: the guard's child that is not its bash watcher subshell. */
  servicePid(): number {
    const children = readFileSync(`/proc/${this.supervised.pid}/task/${this.supervised.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    const service = children.find((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'bash';
      } catch {
        return false;
      }
    });
    if (service === undefined)
      throw new Error(`${this.name}: service process not found under guard ${this.supervised.pid}`);
    return service;
  }

  /** Sends `signal` to the service and waits until it (and so its guard) has exited. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    process.kill(this.servicePid(), signal);
    await this.exited;
  }

  /** Graceful stop through the guard (SIGTERM, SIGKILL after `timeoutMs`). */
  stop(timeoutMs = 15_000): Promise<void> {
    return this.supervised.stop(timeoutMs);
  }

  /** The last lines of the process's output, for failure messages. */
  tail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

/** Thrown by a probe to stop waiting at once (e.g. the process being waited for exited). */
export class GiveUp extends Error {}

/** Polls `probe` until it is true (bounded); the error names `what`. */
export async function waitFor(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) return;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}
