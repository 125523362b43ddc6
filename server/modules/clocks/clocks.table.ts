import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { clockUnits } from '../../../common/contracts/clocks.ts';

/** An admin's change to a shipped clock rule (server/modules/clocks/clock-rules.json). */
export const clockRuleOverrides = pgTable('clock_rule_overrides', {
  ruleId: text('rule_id').primaryKey(),
  offsetAmount: integer('offset_amount').notNull(),
  offsetUnit: text('offset_unit', { enum: clockUnits }).notNull(),
  isActive: boolean('is_active').notNull(),
  note: text('note').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
