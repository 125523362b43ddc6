import { z } from 'zod';
import { calendarAdjustmentKinds } from '../domain/calendar.ts';
import { isoDate } from './common.ts';

export const calendarAdjustment = z.strictObject({
  on: isoDate,
  kind: z.enum(calendarAdjustmentKinds),
  /** What the announcement says, e.g. "Làm bù cho ngày 02/5 (Thông báo 6150/TB-LĐTBXH)". */
  note: z.string().trim().max(300).default(''),
});

export const calendarYearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2200) });

export const replaceCalendarYear = z.strictObject({
  items: z.array(calendarAdjustment).max(60),
});
export type ReplaceCalendarYear = z.infer<typeof replaceCalendarYear>;

/** A year's calendar: the statutory days off (computed) and the admin's announced adjustments. */
export const calendarYear = z.object({
  year: z.number().int(),
  statutoryDaysOff: z.array(z.string()),
  items: z.array(z.object({ on: z.string(), kind: z.enum(calendarAdjustmentKinds), note: z.string() })),
});
export type CalendarYear = z.infer<typeof calendarYear>;
