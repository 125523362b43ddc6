import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { importItemStatuses, importStatuses } from '../../../common/domain/enums.ts';
import { sources } from '../sources/sources.table.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** One batch import: the files it was started with (its key, so a rerun finds it) and its state. */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A hash of what was asked for (the resolved paths, or an upload's file names and sizes). */
    key: text('key').notNull(),
    status: text('status', { enum: importStatuses }).notNull().default('staging'),
    total: integer('total').notNull().default(0),
    /** Who started it, written into the audit rows of its sources. */
    createdBy: uuid('created_by'),
    createdByEmail: text('created_by_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  // At most one unfinished import per key: the second run of the same command resumes it.
  (table) => [uniqueIndex('imports_open_key_idx').on(table.key).where(sql`status <> 'done'`)],
);

/** One article of an import. Its bytes are staged in the database so that any worker, on any
 * machine, can read it; they are dropped once the item is settled. The status changes in the same
 * transaction that writes the source, which is what makes the import exactly once. */
export const importItems = pgTable(
  'import_items',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    path: text('path').notNull(),
    bytes: bytea('bytes'),
    status: text('status', { enum: importItemStatuses }).notNull().default('pending'),
    reason: text('reason'),
    sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'set null' }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.importId, table.seq] }),
    uniqueIndex('import_items_path_idx').on(table.importId, table.path),
    index('import_items_status_idx').on(table.importId, table.status),
  ],
);
