import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProbeReply, ProbeRequest } from './probe-protocol.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
export const LOG_DIR = path.join(RESULTS_DIR, 'logs');
/** Node flags that let it run the repo's .ts files directly. */
export const TSX_IMPORT = ['--import', 'tsx'];
/** Preloads tsx (for .ts scripts and the probe) and the probe itself. */
export const PROBE_IMPORTS = [...TSX_IMPORT, '--import', path.join(ROOT, 'bench', 'lib', 'probe.ts')];

const live = new Set<ChildProcess>();
/** Whatever happens to the harness, the processes it started go with it. */
function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
}
process.on('exit', killAll);

export interface Started {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Asks the probe (bench/lib/probe.ts) inside the process; needs the IPC channel. */
  probe(request: ProbeRequest): Promise<ProbeReply>;
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` as a separate process with an IPC channel (for the
 * probe) and resolves once a line of its output matches `ready`. Output goes
 * to bench/results/logs/<name>.log so a failing run can be read afterwards.
 */
export async function startNode(
  name: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number; cwd?: string },
): Promise<Started> {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      reject(new Error(`${name} not ready in time; see ${path.join(LOG_DIR, `${name}.log`)}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (options.ready.test(seen)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${String(code)}) before ready; see ${LOG_DIR}/${name}.log\n${seen}`));
    });
  });

  let nextId = 1;
  return {
    name,
    child,
    pid: child.pid ?? 0,
    probe(request) {
      const id = nextId++;
      return new Promise<ProbeReply>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name}: probe ${request.probe} timed out`)), 30_000);
        const onMessage = (message: unknown) => {
          const reply = message as ProbeReply & { id?: number };
          if (reply.id !== id) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(reply);
        };
        child.on('message', onMessage);
        child.send({ ...request, id });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux; /proc/<pid>/stat counts in these.

/** User + system CPU seconds a process has used so far, from /proc (no help from the process). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces; fields after ") " are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident set size in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : NaN;
}

/** Direct children of a process (the supervised services run under a bash guard). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The process of a supervised service: the guard's first child whose command line matches. */
export function findServicePid(guardPid: number, pattern: RegExp): number | null {
  for (const pid of childPids(guardPid)) {
    try {
      if (pattern.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) return pid;
    } catch {
      // Gone already.
    }
  }
  return null;
}

/** Runs a command to completion, inheriting output; rejects on a non-zero exit. */
export function run(command: string, args: string[], cwd = ROOT): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${String(code)}`));
    });
  });
}

/** Runs a command and returns its stdout. */
export function capture(command: string, args: string[], cwd = ROOT, env = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${String(code)}`));
    });
  });
}

/** Runs a TypeScript script of the repo with this Node and tsx preloaded (no npx start-up each time). */
export function captureScript(script: string, env = process.env): Promise<string> {
  return capture(process.execPath, [...TSX_IMPORT, script], ROOT, env);
}
