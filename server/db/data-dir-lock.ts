import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Creates the lock file with the holder already in it: the holder is written to a private file
 * first and then hard-linked to the lock's name, which fails if the name exists. An `open` with
 * 'wx' followed by a write would leave a moment in which another process reads an empty lock. */
function createLockFile(lockPath: string, holder: LockHolder): boolean {
  const draft = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, JSON.stringify(holder), { flag: 'wx' });
  try {
    linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Removes a lock judged stale, unless another process replaced it since it was read: the file is
 * renamed aside (only one process can), and put back if what was moved is not the stale one. */
function removeStaleLock(lockPath: string, stale: LockHolder | null): void {
  const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  const isSame =
    stale === null ? moved === null : moved?.pid === stale.pid && moved.startedAt === stale.startedAt;
  if (!isSame) {
    try {
      linkSync(aside, lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  rmSync(aside, { force: true });
}

/** Takes the lock or throws DataDirLockedError naming the live holder; a lock left by a dead
 * process (kill -9, power loss) on this host is taken over. */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'hoptac.lock');
  const me: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString(), host: hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createLockFile(lockPath, me)) {
      let isReleased = false;
      const release = () => {
        if (isReleased) return;
        isReleased = true;
        if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return { release };
    }
    const holder = readHolder(lockPath);
    const isStale = holder === null || (holder.host === me.host && !isProcessAlive(holder.pid));
    if (!isStale) throw new DataDirLockedError(dir, holder);
    // Left by a dead process, or unreadable (the disk lost it mid-write): a lock file is never
    // empty while being created, so an unreadable one has no live holder.
    removeStaleLock(lockPath, holder);
  }
  const holder = readHolder(lockPath) ?? {
    pid: -1,
    command: 'unknown',
    startedAt: 'unknown',
    host: 'unknown',
  };
  throw new DataDirLockedError(dir, holder);
}
