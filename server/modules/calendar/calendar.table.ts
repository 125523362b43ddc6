import { date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { calendarAdjustmentKinds } from '../../../common/domain/calendar.ts';

/** The government's announced changes to the statutory calendar: days off it adds (bridging,
 * moved compensation) and the Saturdays worked in exchange. Edited per year by an admin. */
export const calendarAdjustments = pgTable('calendar_adjustments', {
  on: date('on', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: calendarAdjustmentKinds }).notNull(),
  note: text('note').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
