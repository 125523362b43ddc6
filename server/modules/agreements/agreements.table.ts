import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AgreementDocumentSlot } from '../../../common/domain/agreement-lifecycle.ts';
import {
  type AgreementStatus,
  agreementKinds,
  agreementStatuses,
  legalBases,
} from '../../../common/domain/enums.ts';
import { arrayIndex, searchIndex, searchWordsVector } from '../../db/search-index.ts';
import { organisations } from '../organisations/organisations.table.ts';

/** One step of the lifecycle; `userId` is absent on steps recorded before it was kept. */
export type StatusChange = {
  status: AgreementStatus;
  on: string | null;
  note: string | null;
  userId?: string | null;
};

/** A document of a lifecycle step (slot), known at least by its number and date. */
export type AgreementDocument = {
  slot: AgreementDocumentSlot;
  number: string;
  issuedOn: string;
  note: string | null;
};

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
    /** Tacit renewal: the term renews by this many months unless a party gives notice; null = none. */
    renewalPeriodMonths: integer('renewal_period_months'),
    /** Written notice a party must give before termination (or before a tacit renewal). */
    terminationNoticeDays: integer('termination_notice_days'),
    documents: jsonb('documents').$type<AgreementDocument[]>().notNull().default([]),
    legalBasis: text('legal_basis', { enum: legalBases }),
    decisionNumber: text('decision_number'),
    /** The Vietnamese unit that signed: it owes the agreement's legal clocks and reports. */
    signingUnitId: uuid('signing_unit_id').references(() => organisations.id, { onDelete: 'restrict' }),
    summary: text('summary'),
    // Tag sets are arrays, checked against their tables by the service on every write.
    partyIds: uuid('party_ids').array().notNull().default(sql`'{}'::uuid[]`),
    areaIds: text('area_ids').array().notNull().default(sql`'{}'::text[]`),
    sourceIds: uuid('source_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** The Vietnamese policies (resolutions) this implements. */
    policyIds: uuid('policy_ids').array().notNull().default(sql`'{}'::uuid[]`),
    isPublished: boolean('is_published').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('agreements_signed_idx').on(table.signedOn),
    // Search reads the newest matches of a common word in this order (search.service.ts).
    index('agreements_updated_idx').on(table.updatedAt),
    index('agreements_signed_id_idx').on(table.signedOn, table.id),
    searchIndex('agreements', table.searchVector),
    arrayIndex('agreements_party_ids_idx', table.partyIds),
    arrayIndex('agreements_area_ids_idx', table.areaIds),
    arrayIndex('agreements_source_ids_idx', table.sourceIds),
    arrayIndex('agreements_policy_ids_idx', table.policyIds),
    index('agreements_status_idx').on(table.status),
    index('agreements_valid_to_idx').on(table.validTo),
  ],
);
