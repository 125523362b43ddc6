import type { ReminderRunSummary } from '../../../common/contracts/notifications.ts';

const hourMs = 60 * 60 * 1000;
const vietNamOffsetMs = 7 * hourMs;

/** Milliseconds from `now` to the next `hour`:00 in Viet Nam (UTC+7, no daylight saving). */
export function msUntilNextRun(hour: number, now: Date = new Date()): number {
  const vietNamNow = now.getTime() + vietNamOffsetMs;
  const dayStart = vietNamNow - (vietNamNow % (24 * hourMs));
  let next = dayStart + hour * hourMs;
  if (next <= vietNamNow) next += 24 * hourMs;
  return next - vietNamNow;
}

type Log = { info(object: object, message: string): void; error(object: object, message: string): void };

/**
 * Runs the reminder job shortly after start-up (catching up on a day the server was down at the
 * hour) and then every day at `hour` Viet Nam time. The timers do not keep the process alive.
 */
export function startReminderSchedule(
  run: () => Promise<ReminderRunSummary>,
  { hour, log, startDelayMs = 10_000 }: { hour: number; log: Log; startDelayMs?: number },
): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;
  const runOnce = async () => {
    try {
      log.info({ reminders: await run() }, 'reminder job done');
    } catch (error) {
      log.error({ err: error }, 'reminder job failed; it runs again at the next hour set');
    }
  };
  const scheduleNext = (delay: number) => {
    if (isStopped) return;
    timer = setTimeout(async () => {
      await runOnce();
      scheduleNext(msUntilNextRun(hour));
    }, delay);
    timer.unref();
  };
  scheduleNext(startDelayMs);
  return {
    stop() {
      isStopped = true;
      clearTimeout(timer);
    },
  };
}
