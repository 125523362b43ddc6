import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  type AgreementStatus,
  agreementKinds,
  agreementStatuses,
  legalBases,
} from '../../../common/domain/enums.ts';

export type StatusChange = { status: AgreementStatus; on: string | null; note: string | null };

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: agreementKinds }).notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull().default(''),
    status: text('status', { enum: agreementStatuses }).notNull(),
    statusHistory: jsonb('status_history').$type<StatusChange[]>().notNull().default([]),
    signedOn: date('signed_on', { mode: 'string' }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    renewalNote: text('renewal_note'),
    legalBasis: text('legal_basis', { enum: legalBases }),
    decisionNumber: text('decision_number'),
    summary: text('summary'),
    // Tag sets are arrays, checked against their tables by the service on every write.
    partyIds: uuid('party_ids').array().notNull().default(sql`'{}'::uuid[]`),
    areaIds: text('area_ids').array().notNull().default(sql`'{}'::text[]`),
    sourceIds: uuid('source_ids').array().notNull().default(sql`'{}'::uuid[]`),
    isPublished: boolean('is_published').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('agreements_signed_idx').on(table.signedOn),
    index('agreements_status_idx').on(table.status),
  ],
);
