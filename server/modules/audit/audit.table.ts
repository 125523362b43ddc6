import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditActions, auditedTypes } from '../../../common/domain/enums.ts';

/** One row per write, inserted in the same transaction as the write itself. No foreign key on
 * user_id or record_id: the trail must outlive the records and accounts it describes. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    userEmail: text('user_email'),
    action: text('action', { enum: auditActions }).notNull(),
    recordType: text('record_type', { enum: auditedTypes }).notNull(),
    recordId: text('record_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (table) => [
    index('audit_record_idx').on(table.recordType, table.recordId),
    index('audit_at_idx').on(table.at),
  ],
);
