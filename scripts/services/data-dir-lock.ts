import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ServiceUnavailableError } from './commands.js';
import { isAlive } from './process-tree.js';

const LOCK_FILE = 'services.lock';

/** `pid token`: the pid tells a live holder from one that was killed; the token tells launches of one process apart. */
function readHolder(file: string): { pid: number; token: string } | null {
  try {
    const [pid, token = ''] = readFileSync(file, 'utf8').trim().split(' ');
    const holder = Number(pid);
    return Number.isInteger(holder) && holder > 0 ? { pid: holder, token } : null;
  } catch {
    return null;
  }
}

/**
 * Claims a persistent data directory for this launch. Two launches of one
 * checkout would otherwise each start a Redis and a database on the same
 * files, on different ports, and corrupt them. A lock left by a launch that
 * was killed (its process is gone) is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const token = randomBytes(8).toString('hex');
  // Written whole beside it, then linked into place: the link either creates the
  // lock with its content or fails, so nobody ever reads a half-written lock.
  const staged = `${file}.${token}`;
  writeFileSync(staged, `${process.pid} ${token}\n`);
  try {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        linkSync(staged, file);
        return () => {
          if (readHolder(file)?.token === token) rmSync(file, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder && isAlive(holder.pid)) {
        throw new ServiceUnavailableError(
          `${dataDir} is in use by another launch of this checkout (pid ${holder.pid}). Stop that one first, ` +
            `or give this one its own data directory (--data DIR); if no such launch runs, delete ${file}.`,
        );
      }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(staged, { force: true });
  }
  throw new ServiceUnavailableError(`could not lock ${dataDir}: another launch is starting at the same moment`);
}
