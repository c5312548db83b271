import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The parent process id of `pid`, or null when there is no such process. */
export function parentPid(pid: number): number | null {
  try {
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(
      stat
        .slice(stat.lastIndexOf(')') + 1)
        .trim()
        .split(/\s+/)[1],
    );
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    // No /proc (macOS): ps says the same.
    const result = spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' });
    const ppid = Number(result.stdout.trim());
    return result.status === 0 && Number.isInteger(ppid) && ppid > 0 ? ppid : null;
  }
}

/** True while a process with this id exists (ours or another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
