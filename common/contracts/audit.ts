import { z } from 'zod';
import { auditActions, auditedTypes } from '../domain/enums.ts';
import { isoDate, listQueryBase, recordId } from './common.ts';

export const auditRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  action: z.enum(auditActions),
  recordType: z.enum(auditedTypes),
  recordId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditRecord = z.infer<typeof auditRecord>;

export const auditListQuery = z.strictObject({
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  recordType: z.enum(auditedTypes).optional(),
  recordId: z.string().max(100).optional(),
  userId: recordId.optional(),
  /** Written on or after this day, Viet Nam time. */
  from: isoDate.optional(),
  /** Written on or before this day, Viet Nam time. */
  to: isoDate.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

/** One field of a record that an audited write changed; values as the API showed the record. */
export const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof fieldChange>;

/** A record's history, newest first: each write with who made it and what it changed. `record`
 * is the record as that write left it (null after a delete), for "restore this version". */
export const recordHistory = z.object({
  items: z.array(
    z.object({
      /** The audit row's id. */
      id: z.number().int(),
      at: z.string(),
      user: z.string().nullable(),
      action: z.enum(auditActions),
      version: z.number().int().nullable(),
      changes: z.array(fieldChange),
      record: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
export type RecordHistory = z.infer<typeof recordHistory>;
export type RecordHistoryItem = RecordHistory['items'][number];
