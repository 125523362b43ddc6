// The one home for time: "today" in Viet Nam, date arithmetic on `YYYY-MM-DD` strings, and
// Vietnamese working days. Dates are calendar dates, never instants, so all arithmetic is done
// at UTC midnight where no daylight saving or host time zone can shift a day.

/** Viet Nam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const vietNamOffsetMs = 7 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** Today's date in Viet Nam (Asia/Ho_Chi_Minh), whatever the server's or browser's zone. */
export function todayInVietNam(now: Date = new Date()): string {
  return new Date(now.getTime() + vietNamOffsetMs).toISOString().slice(0, 10);
}

function toUtcMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * dayMs);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / dayMs);
}

/** The same day N months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return fromUtcMs(firstOfTarget.getTime());
}

export function isWeekend(date: string): boolean {
  const weekday = new Date(toUtcMs(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export const calendarAdjustmentKinds = ['day_off', 'working_day'] as const;
export type CalendarAdjustmentKind = (typeof calendarAdjustmentKinds)[number];

/** A day the government announced differently from the statutory calendar for one year: an extra
 * day off (bridging or moved compensation) or a make-up working Saturday. */
export type CalendarAdjustment = { on: string; kind: CalendarAdjustmentKind; note: string };

export type WorkingCalendar = {
  isWorkingDay(date: string): boolean;
  /** The Nth working day after `date` (the day itself not counted); N may be negative. */
  addWorkingDays(date: string, count: number): string;
  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  countWorkingDays(from: string, to: string): number;
  /** `date` when it is a working day, else the next one: a period whose last day falls on a day
   * off ends on the next working day (Civil Code 2015, art. 148(5)). */
  nextWorkingDayFrom(date: string): string;
};

/**
 * A working calendar from the statutory holidays of each year (passed in, so this module stays
 * free of any holiday library) and the admin's list of announced adjustments, which win.
 */
export function createWorkingCalendar({
  publicHolidays,
  adjustments,
}: {
  publicHolidays: (year: number) => readonly string[];
  adjustments: readonly CalendarAdjustment[];
}): WorkingCalendar {
  const announced = new Map(adjustments.map((adjustment) => [adjustment.on, adjustment.kind]));
  const holidaysByYear = new Map<number, Set<string>>();

  function holidaysOf(year: number): Set<string> {
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Set(publicHolidays(year));
      holidaysByYear.set(year, holidays);
    }
    return holidays;
  }

  function isWorkingDay(date: string): boolean {
    const adjusted = announced.get(date);
    if (adjusted) return adjusted === 'working_day';
    return !isWeekend(date) && !holidaysOf(Number(date.slice(0, 4))).has(date);
  }

  function addWorkingDays(date: string, count: number): string {
    const step = count < 0 ? -1 : 1;
    let current = date;
    for (let remaining = Math.abs(count); remaining > 0; ) {
      current = addDays(current, step);
      if (isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  function countWorkingDays(from: string, to: string): number {
    if (to < from) return -countWorkingDays(to, from);
    let count = 0;
    for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
      if (isWorkingDay(current)) count += 1;
    }
    return count;
  }

  function nextWorkingDayFrom(date: string): string {
    return isWorkingDay(date) ? date : addWorkingDays(date, 1);
  }

  return { isWorkingDay, addWorkingDays, countWorkingDays, nextWorkingDayFrom };
}
