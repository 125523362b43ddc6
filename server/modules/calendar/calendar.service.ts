import { and, asc, gte, lte } from 'drizzle-orm';
import type { CalendarYear, ReplaceCalendarYear } from '../../../common/contracts/calendar.ts';
import { createWorkingCalendar, type WorkingCalendar } from '../../../common/domain/calendar.ts';
import { vietnamesePublicHolidays } from '../../../common/domain/holidays.ts';
import type { Database, Executor } from '../../db/client.ts';
import { type Actor, writeAudit } from '../../db/records.ts';
import { calendarErrors } from './calendar.errors.ts';
import { calendarAdjustments } from './calendar.table.ts';

function requireDaysOfYear(year: number, input: ReplaceCalendarYear) {
  const seen = new Set<string>();
  input.items.forEach((item, index) => {
    if (!item.on.startsWith(`${year}-`))
      throw calendarErrors.dayOutsideYear(`${item.on} is not in ${year}.`, [
        { path: `body.items.${index}.on`, message: `must be a day of ${year}` },
      ]);
    if (seen.has(item.on))
      throw calendarErrors.dayRepeated(`${item.on} is listed twice.`, [
        { path: `body.items.${index}.on`, message: 'is listed twice' },
      ]);
    seen.add(item.on);
  });
}

/** The working calendar: statutory holidays computed, announced adjustments stored per year. */
export function createCalendarService({ db }: { db: Database }) {
  async function readYear(executor: Executor, year: number): Promise<CalendarYear> {
    const items = await executor
      .select({ on: calendarAdjustments.on, kind: calendarAdjustments.kind, note: calendarAdjustments.note })
      .from(calendarAdjustments)
      .where(and(gte(calendarAdjustments.on, `${year}-01-01`), lte(calendarAdjustments.on, `${year}-12-31`)))
      .orderBy(asc(calendarAdjustments.on));
    return { year, statutoryDaysOff: [...vietnamesePublicHolidays(year)], items };
  }

  return {
    getYear: (year: number) => readYear(db, year),

    /** Replaces a year's announced adjustments as a whole: the government announces them as one
     * list, and a partial edit could leave a bridging day without its make-up Saturday. */
    async replaceYear(year: number, input: ReplaceCalendarYear, actor: Actor): Promise<CalendarYear> {
      requireDaysOfYear(year, input);
      return db.transaction(async (tx) => {
        const before = await readYear(tx, year);
        await tx
          .delete(calendarAdjustments)
          .where(
            and(gte(calendarAdjustments.on, `${year}-01-01`), lte(calendarAdjustments.on, `${year}-12-31`)),
          );
        if (input.items.length > 0) await tx.insert(calendarAdjustments).values(input.items);
        const after = await readYear(tx, year);
        await writeAudit(tx, {
          actor,
          action: 'update',
          recordType: 'calendar_year',
          recordId: String(year),
          before: { items: before.items },
          after: { items: after.items },
        });
        return after;
      });
    },

    /** The working calendar as it stands, for the clocks and the reminder job. The adjustments
     * are a few dozen rows a year, so all of them are read at once. */
    async loadWorkingCalendar(): Promise<WorkingCalendar> {
      const adjustments = await db.select().from(calendarAdjustments);
      return createWorkingCalendar({ publicHolidays: vietnamesePublicHolidays, adjustments });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
