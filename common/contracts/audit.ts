import { z } from 'zod';
import { auditActions, auditedTypes } from '../domain/enums.ts';
import { listQueryBase, recordId } from './common.ts';

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
});
export type AuditListQuery = z.infer<typeof auditListQuery>;
