import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

// PGlite has no lock of its own and two writers silently corrupt its directory, so every process
// that opens it (server or CLI) first takes this exclusive lock file.

export class DataDirLockedError extends Error {
  readonly code = 'database.locked';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data directory ${dataDir} is in use by process ${holder.pid} (${holder.command}, started ${holder.startedAt} on ${holder.host}). ` +
        'Stop that process first, or point HOPTAC_DATA_DIR at another directory.',
    );
  }
}

type LockHolder = { pid: number; command: string; startedAt: string; host: string };

export type DataDirLock = { release(): void };

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError naming the live holder; a lock left by a dead
 * process (kill -9, power loss) on this host is taken over. */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'hoptac.lock');
  const me: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString(), host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let isReleased = false;
      const release = () => {
        if (isReleased) return;
        isReleased = true;
        if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      const isStale = holder !== null && holder.host === me.host && !isProcessAlive(holder.pid);
      if (holder && !isStale) throw new DataDirLockedError(dir, holder);
      // Stale or unreadable (a crash mid-write): remove and try once more; if another process
      // wins that race, the second attempt reports it as the holder.
      rmSync(lockPath, { force: true });
    }
  }
  const holder = readHolder(lockPath) ?? {
    pid: -1,
    command: 'unknown',
    startedAt: 'unknown',
    host: 'unknown',
  };
  throw new DataDirLockedError(dir, holder);
}
