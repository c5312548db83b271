import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
}

export function say(message: string): void {
  process.stderr.write(`[services] ${message}\n`);
}

/** Absolute path of `command` on PATH, or null. */
export function which(command: string): string | null {
  const result = spawnSync('bash', ['-c', `command -v "$1"`, 'which', command], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : null;
}

/** Where a service binary built here is kept between runs: ~/.cache/switchboard/<build> (XDG_CACHE_HOME wins). */
export function buildCacheDir(build: string): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(base, 'switchboard', build);
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Installs Debian packages when we are root on an apt system; returns false when we cannot. */
export function aptInstall(packages: string[]): boolean {
  if (!isRoot() || !which('apt-get')) return false;
  say(`installing Debian packages: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env });
    return true;
  } catch {
    return false;
  }
}
