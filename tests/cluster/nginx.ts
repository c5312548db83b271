import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { aptInstall, which } from '../../scripts/services/commands.js';
import { freePort } from '../../scripts/services/ports.js';
import { ManagedProcess, waitFor } from './managed-process.js';

const TEMPLATE = path.join(import.meta.dirname, 'nginx.conf.template');

/** A web process as nginx sees it: its INSTANCE_ID and loopback port. */
export interface Backend {
  instanceId: string;
  port: number;
}

/** Debian's nginx binary, installed with apt-get when we are root and it is missing (as scripts/bootstrap.sh does). */
export function ensureNginx(): string {
  const known = ['/usr/sbin/nginx', which('nginx')].find((candidate) => candidate && existsSync(candidate));
  if (known) return known;
  if (aptInstall(['nginx']) && existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  throw new Error('nginx is needed for the cluster tests: sudo apt-get install nginx (or run scripts/bootstrap.sh)');
}

/**
 * How nginx fills `X-Forwarded-For`: `overwrite` with the address it saw (the
 * documented edge configuration), or `append` to what the client sent, as a
 * proxy behind another balancer does; the server must count the real address
 * either way.
 */
export type ForwardedFor = 'overwrite' | 'append';

/** The load balancer configuration the tests run (and docs/deployment.md shows), for these backends. */
export function renderNginxConfig(options: {
  prefix: string;
  port: number;
  backends: Backend[];
  forwardedFor?: ForwardedFor;
}): string {
  const upstream = (backend: Backend) => `switchboard_${backend.instanceId}`;
  const server = (backend: Backend) => `server 127.0.0.1:${backend.port} max_fails=0;`;
  const slots: Record<string, string> = {
    USER: typeof process.getuid === 'function' && process.getuid() === 0 ? 'user root;' : '',
    PREFIX: options.prefix,
    PORT: String(options.port),
    FORWARDED_FOR: options.forwardedFor === 'append' ? '$proxy_add_x_forwarded_for' : '$remote_addr',
    SID_MAP: options.backends.map((b) => `        ~^${b.instanceId}- ${upstream(b)};`).join('\n'),
    POOL_SERVERS: options.backends.map((b) => `        ${server(b)}`).join('\n'),
    // One upstream per process: its session's requests go there or fail (then the client reconnects via the pool).
    INSTANCE_UPSTREAMS: options.backends
      .map((b) => `    upstream ${upstream(b)} {\n        server 127.0.0.1:${b.port};\n    }`)
      .join('\n'),
  };
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`nginx template: no value for {{${name}}}`);
    return value;
  });
}

/** nginx in the foreground under supervision, with its config, pid and logs in `dir`. */
export async function startNginx(
  dir: string,
  backends: Backend[],
  options: { forwardedFor?: ForwardedFor } = {},
): Promise<{ url: string; process: ManagedProcess }> {
  const binary = ensureNginx();
  const prefix = path.join(dir, 'nginx');
  mkdirSync(prefix, { recursive: true });
  const port = await freePort();
  const config = path.join(prefix, 'nginx.conf');
  writeFileSync(config, renderNginxConfig({ prefix, port, backends, ...options }));
  const child = ManagedProcess.start(
    'nginx',
    binary,
    ['-p', prefix, '-c', config, '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'],
    { logFile: path.join(prefix, 'stdout.log') },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`nginx on ${url}`, async () => (await fetch(`${url}/healthz`)).ok, 15_000).catch(
    async (error: unknown) => {
      await child.stop();
      throw new Error(`${String(error)}\n${readFileSync(path.join(prefix, 'error.log'), 'utf8')}`);
    },
  );
  return { url, process: child };
}
