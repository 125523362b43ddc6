import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

describe('data directory lock', () => {
  it('refuses a second holder and names the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-lock-'));
    const first = lockDataDir(dir, 'hoptac serve');
    try {
      expect(() => lockDataDir(dir, 'hoptac user add')).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir, 'hoptac user add')).toThrow(
        new RegExp(`process ${process.pid} \\(hoptac serve`),
      );
    } finally {
      first.release();
    }
    const again = lockDataDir(dir, 'hoptac serve');
    again.release();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-lock-'));
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    const holder = JSON.parse(
      JSON.stringify({ pid: deadPid, command: 'hoptac serve', startedAt: 'earlier', host: '' }),
    );
    holder.host = (await import('node:os')).hostname();
    writeFileSync(join(dir, 'hoptac.lock'), JSON.stringify(holder));
    const lock = lockDataDir(dir, 'hoptac serve');
    expect(JSON.parse(readFileSync(join(dir, 'hoptac.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('lets exactly one of eight processes that ask at the same moment take it (ten rounds)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-lock-'));
    const fixture = fileURLToPath(new URL('./data-dir-lock.fixture.ts', import.meta.url));
    const contenders = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const next = async () => String((await lines.next()).value);
      return { child, next, say: (line: string) => child.stdin.write(`${line}\n`) };
    });
    try {
      expect(await Promise.all(contenders.map((c) => c.next()))).toEqual(Array(8).fill('ready'));
      for (let round = 0; round < 10; round++) {
        for (const contender of contenders) contender.say('take');
        const answers = await Promise.all(contenders.map((c) => c.next()));
        expect(
          answers.filter((answer) => answer === 'held'),
          `round ${round}: ${answers}`,
        ).toHaveLength(1);
        for (const contender of contenders) contender.say('release');
        await Promise.all(contenders.map((c) => c.next()));
      }
    } finally {
      for (const { child } of contenders) child.kill();
    }
  }, 60_000);
});
