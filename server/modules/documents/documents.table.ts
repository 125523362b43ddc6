import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type DocumentMediaType,
  documentKinds,
  documentRecordTypes,
} from '../../../common/domain/documents.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** A file attached to an agreement, event or commitment (not to be confused with server/documents,
 * which writes DOCX/PDF). The bytes live in the configured store, under `storageKey`. */
export const attachedDocuments = pgTable(
  'attached_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordType: text('record_type', { enum: documentRecordTypes }).notNull(),
    recordId: uuid('record_id').notNull(),
    kind: text('kind', { enum: documentKinds }).notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').$type<DocumentMediaType>().notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    checksum: text('checksum').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    /** Where the bytes are: `db:<id>` in document_contents, or `fs:<relative path>`. */
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByEmail: text('uploaded_by_email'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('attached_documents_record_idx').on(table.recordType, table.recordId)],
);

/** The database store's bytes, apart from the description so that lists never read them. */
export const documentContents = pgTable('document_contents', {
  key: text('key').primaryKey(),
  bytes: bytea('bytes').notNull(),
});
