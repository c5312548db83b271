import net from 'node:net';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { aptInstall, say, ServiceUnavailableError, which } from './commands.js';
import { startOnOwnPort, type PortAnswer } from './own-port.js';
import { startSupervised, type SupervisedProcess } from './supervised-process.js';

export interface RedisOptions {
  dataDir: string;
  preferredPort?: number;
  /** Append-only file on: what production and the dev data dir want; tests keep it off for speed. */
  appendOnly: boolean;
}

function ensureRedisServer(): string {
  const existing = which('redis-server');
  if (existing) return existing;
  if (aptInstall(['redis-server'])) {
    const installed = which('redis-server');
    if (installed) return installed;
  }
  throw new ServiceUnavailableError(
    'Redis is needed and redis-server is not installed. Install it with `sudo apt-get install redis-server` ' +
      '(or your platform’s Redis 7 package), or point REDIS_URL at a running Redis.',
  );
}

/** The process id of the Redis on `port` (`INFO server`), to tell ours from another checkout's. */
export function redisOnPort(port: number, host = '127.0.0.1'): Promise<PortAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let answer = '';
    const done = (result: PortAnswer) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1000, () => done({ answered: false }));
    socket.on('connect', () => socket.write('INFO server\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      const pid = /^process_id:(\d+)\r$/m.exec(answer);
      if (pid) done({ answered: true, pid: Number(pid[1]) });
      // An error (a password, a Redis still loading its data) or a reply without the field: it answers, but says no pid.
      else if (answer.startsWith('-') || answer.endsWith('\r\n\r\n')) done({ answered: true, pid: null });
    });
    socket.on('error', () => done({ answered: false }));
    socket.on('close', () => done({ answered: false }));
  });
}

export async function startRedis(
  options: RedisOptions,
): Promise<{ url: string; port: number; process: SupervisedProcess }> {
  const binary = ensureRedisServer();
  const dir = path.join(options.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const logFile = path.join(options.dataDir, 'redis.log');
  const args = (port: number) => [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    options.appendOnly ? 'yes' : 'no',
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
  ];
  const { port, process: child } = await startOnOwnPort({
    what: 'Redis',
    preferredPort: options.preferredPort,
    start: (candidate) => startSupervised('redis', binary, args(candidate), { logFile }),
    whoAnswers: (candidate) => redisOnPort(candidate),
    timeoutMs: 15_000,
    logFile,
  });
  say(`Redis ready at redis://127.0.0.1:${port} (data: ${dir})`);
  return { url: `redis://127.0.0.1:${port}`, port, process: child };
}
