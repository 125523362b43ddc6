import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  digestFrequencies,
  remindedRecordTypes,
  reminderKinds,
} from '../../../common/contracts/notifications.ts';
import { users } from '../users/users.table.ts';

/**
 * A reminder for one user. `obligationKey` names the obligation and the day it is about (the due
 * day, the term's end, the last sign of life), so the unique index makes each reminder exist once
 * per obligation × recipient × day, however many processes run the job: they insert with
 * `on conflict do nothing`. The e-mail columns are the digest's claim-then-sent markers.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reminderKinds }).notNull(),
    recordType: text('record_type', { enum: remindedRecordTypes }).notNull(),
    recordId: text('record_id').notNull(),
    ruleId: text('rule_id'),
    obligationKey: text('obligation_key').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull().default(''),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set when a process took the reminder into a digest; never cleared after a send began, so a
     * crash between claim and send loses one e-mail rather than sending it twice. */
    emailClaimedAt: timestamp('email_claimed_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('notifications_user_obligation_unique').on(table.userId, table.obligationKey),
    index('notifications_user_created_idx').on(table.userId, table.createdAt),
  ],
);

/** A record a user asked not to be reminded of. */
export const notificationMutes = pgTable(
  'notification_mutes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recordType: text('record_type', { enum: remindedRecordTypes }).notNull(),
    recordId: text('record_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.recordType, table.recordId] })],
);

/** How often a user gets the e-mail digest; a user without a row gets it daily. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  digestFrequency: text('digest_frequency', { enum: digestFrequencies }).notNull().default('daily'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
