// Child process for data-dir-lock.test.ts: on each "take" line it tries the lock and answers
// "held" or "refused"; on "release" it lets go and answers "released".
import { createInterface } from 'node:readline';
import { type DataDirLock, DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

let lock: DataDirLock | null = null;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'take') {
    try {
      lock = lockDataDir(process.argv[2]!, 'lock contender');
      process.stdout.write('held\n');
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      process.stdout.write('refused\n');
    }
  } else if (line === 'release') {
    lock?.release();
    lock = null;
    process.stdout.write('released\n');
  }
}
