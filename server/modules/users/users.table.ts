import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roles } from '../../../common/domain/enums.ts';
import { searchIndex, searchWordsVector } from '../../db/search-index.ts';
import { organisations } from '../organisations/organisations.table.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    /** For the unit role: the organisation whose commitments the user reports on. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    isActive: boolean('is_active').notNull().default(true),
    /** Set whenever a password is set after the first, so the audit trail shows the change
     * without the hash. */
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('users_email_unique').on(table.email), searchIndex('users', table.searchVector)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token, so a leaked table does not leak live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Written at most once a minute per session (see sessionTouchMs), for the idle timeout. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Failed sign-ins, counted per account (`account:<e-mail>`) and per client address
 * (`address:<ip>`). Kept in the database so the limits hold across server processes. */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  /** When the current count started; the count starts over after the kind's window. */
  countedSince: timestamp('counted_since', { withTimezone: true }).notNull(),
  /** Attempts before this moment are refused without checking the password. */
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});
