import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { readConfig } from '../../config.ts';
import { createTestDatabase } from '../../db/test-database.ts';
import { msUntilNextRun, startReminderSchedule } from './reminder-schedule.ts';

describe('the reminder schedule', () => {
  it('waits for the next hour set in Viet Nam time, whatever the server’s zone', () => {
    // 00:00 UTC is 07:00 in Viet Nam: the 7 o'clock run has just passed, the next is a day away.
    expect(msUntilNextRun(7, new Date('2026-03-02T00:00:00Z'))).toBe(24 * 3600_000);
    expect(msUntilNextRun(7, new Date('2026-03-01T23:30:00Z'))).toBe(30 * 60_000);
    expect(msUntilNextRun(0, new Date('2026-03-02T16:59:00Z'))).toBe(60_000);
  });

  it('runs the job once at start and logs what it did', async () => {
    const lines: string[] = [];
    let runs = 0;
    const schedule = startReminderSchedule(
      async () => {
        runs += 1;
        return {
          on: '2026-03-02',
          obligations: 1,
          created: 1,
          emailsSent: 0,
          remindersEmailed: 0,
          emailsFailed: 0,
        };
      },
      { hour: 7, startDelayMs: 0, log: { info: (_o, message) => lines.push(message), error: () => {} } },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    schedule.stop();
    expect(runs).toBe(1);
    expect(lines).toEqual(['reminder job done']);
  });

  it('says once at start-up that without SMTP reminders stay in the app', async () => {
    const logged: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logged.push(String(chunk));
        done();
      },
    });
    const database = await createTestDatabase();
    const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'info' }), database, logStream });
    await app.ready();
    await app.close();
    await database.close();
    expect(logged.filter((line) => line.includes('No SMTP server configured'))).toHaveLength(1);
  });
});
