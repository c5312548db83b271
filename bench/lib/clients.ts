import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ClientCommand, ClientReply } from '../load/protocol.js';
import { LOG_DIR, ROOT, TSX_IMPORT } from './procs.js';

export type ResultReply = Extract<ClientReply, { reply: 'result' }>;

/** A load client process (bench/load/client.ts) and a typed way to command it. */
export interface LoadClient {
  send(command: ClientCommand): Promise<ClientReply>;
  result(command: ClientCommand): Promise<ResultReply>;
  exit(): Promise<void>;
}

const clients = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of clients) child.kill('SIGKILL');
});

export async function forkClient(name: string): Promise<LoadClient> {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`), { flags: 'a' });
  const child = fork(path.join(ROOT, 'bench', 'load', 'client.ts'), [], {
    execArgv: TSX_IMPORT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  clients.add(child);
  child.once('exit', () => clients.delete(child));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pending = new Map<number, (reply: ClientReply) => void>();
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (ready = resolve));
  child.on('message', (message: ClientReply & { seq: number }) => {
    if (message.seq === 0) ready();
    pending.get(message.seq)?.(message);
    pending.delete(message.seq);
  });
  child.once('exit', (code) => {
    for (const resolve of pending.values()) resolve({ reply: 'error', message: `${name} exited (${String(code)})` });
    pending.clear();
  });
  await started;
  let seq = 1;
  const send = (command: ClientCommand) =>
    new Promise<ClientReply>((resolve) => {
      const id = seq++;
      pending.set(id, resolve);
      child.send({ ...command, seq: id });
    });
  return {
    send,
    async result(command) {
      const reply = await send(command);
      if (reply.reply === 'error') throw new Error(`${name}: ${reply.message}`);
      if (reply.reply !== 'result') throw new Error(`${name}: expected a result for ${command.cmd}`);
      return reply;
    },
    async exit() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await send({ cmd: 'exit' });
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Sends a command to every client at once; throws the first error. */
export async function all(targets: LoadClient[], command: ClientCommand): Promise<ClientReply[]> {
  const replies = await Promise.all(targets.map((client) => client.send(command)));
  const failed = replies.find((reply) => reply.reply === 'error');
  if (failed?.reply === 'error') throw new Error(`${command.cmd}: ${failed.message}`);
  return replies;
}
