import Holidays from 'date-holidays';
import { addDays, isWeekend } from './calendar.ts';

// Viet Nam's statutory public holidays (Labour Code 2019, art. 112), lunar ones included, from
// the maintained `date-holidays` data, which computes the Vietnamese lunar calendar at UTC+7:
// 1 January; Tết, five days from the last day of the lunar year; Hùng Kings' day (10/3 lunar);
// 30 April; 1 May; 2 September. The second National Day holiday (the day before or after 2
// September) is chosen by the government each year, as are bridging days and make-up Saturdays:
// those come from the admin's list of announced adjustments, not from here.

const vietNam = new Holidays('VN');

/** The day a holiday starts, in Viet Nam: the library returns instants at local midnight. */
function localDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function statutoryDays(year: number): Set<string> {
  const days = new Set<string>();
  for (const holiday of vietNam.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    for (let day = localDate(holiday.start); day < localDate(holiday.end); day = addDays(day, 1))
      days.add(day);
  }
  return days;
}

/**
 * The statutory days off of a year: the holidays, plus a compensatory day on the next working
 * day for each holiday falling on a Saturday or Sunday (Labour Code 2019, art. 111(3)).
 */
export function vietnamesePublicHolidays(year: number): readonly string[] {
  let daysOff = daysOffByYear.get(year);
  if (!daysOff) {
    daysOff = computeDaysOff(year);
    daysOffByYear.set(year, daysOff);
  }
  return daysOff;
}

// The lunar calendar is astronomy (VSOP87 solstices): 50–200 ms a year on first use, on whatever
// thread asks. Kept for the process's life; startServer computes the years around today before
// it listens, so no request or reminder run pays for them.
const daysOffByYear = new Map<number, string[]>();

/** Computes the years around `today` now, so that later calls are lookups. */
export function prepareHolidaysAround(today: string, yearsEachSide = 2): void {
  const year = Number(today.slice(0, 4));
  for (let offset = -yearsEachSide; offset <= yearsEachSide; offset++)
    vietnamesePublicHolidays(year + offset);
}

function computeDaysOff(year: number): string[] {
  const holidays = statutoryDays(year);
  const daysOff = new Set(holidays);
  for (const holiday of [...holidays].sort()) {
    if (!isWeekend(holiday)) continue;
    let compensation = addDays(holiday, 1);
    while (isWeekend(compensation) || daysOff.has(compensation)) compensation = addDays(compensation, 1);
    daysOff.add(compensation);
  }
  return [...daysOff].sort();
}
