import { z } from 'zod';
import { commitmentStatuses } from '../domain/enums.ts';
import {
  areaIdList,
  booleanQuery,
  idList,
  isoDate,
  listQueryBase,
  recordId,
  recordMeta,
  version,
} from './common.ts';

export const progressRecord = z.object({
  id: z.string(),
  on: z.string(),
  note: z.string(),
  status: z.enum(commitmentStatuses).nullable(),
  authorId: z.string().nullable(),
});

export const commitmentRecord = z.object({
  ...recordMeta,
  text: z.string(),
  agreementId: z.string().nullable(),
  eventId: z.string().nullable(),
  sourceId: z.string().nullable(),
  areaIds: z.array(z.string()),
  vnOwnerIds: z.array(z.string()),
  partnerOwnerIds: z.array(z.string()),
  dueOn: z.string().nullable(),
  horizonYear: z.number().int().nullable(),
  status: z.enum(commitmentStatuses),
  isOverdue: z.boolean(),
  progress: z.array(progressRecord),
});
export type CommitmentRecord = z.infer<typeof commitmentRecord>;

const commitmentFields = {
  text: z.string().trim().min(1, 'must not be empty').max(5000),
  agreementId: recordId.nullable().optional(),
  eventId: recordId.nullable().optional(),
  sourceId: recordId.nullable().optional(),
  areaIds: areaIdList.optional(),
  vnOwnerIds: idList.optional(),
  partnerOwnerIds: idList.optional(),
  dueOn: isoDate.nullable().optional(),
  horizonYear: z.number().int().min(1945).max(2200).nullable().optional(),
  status: z.enum(commitmentStatuses).optional(),
};

export const createCommitment = z.strictObject(commitmentFields);
export type CreateCommitment = z.infer<typeof createCommitment>;

export const updateCommitment = z.strictObject({ version, ...z.object(commitmentFields).partial().shape });
export type UpdateCommitment = z.infer<typeof updateCommitment>;

export const addProgress = z.strictObject({
  version,
  on: isoDate,
  note: z.string().trim().min(1, 'must not be empty').max(5000),
  status: z.enum(commitmentStatuses).optional(),
});
export type AddProgress = z.infer<typeof addProgress>;

export const commitmentListQuery = z.strictObject({
  ...listQueryBase,
  partnerId: recordId.optional(),
  areaId: z.string().max(64).optional(),
  status: z.enum(commitmentStatuses).optional(),
  ownerId: recordId.optional(),
  agreementId: recordId.optional(),
  eventId: recordId.optional(),
  dueBefore: isoDate.optional(),
  isOverdue: booleanQuery.optional(),
  sort: z.enum(['dueOn', 'status', 'updatedAt', 'text']).default('dueOn'),
});
export type CommitmentListQuery = z.infer<typeof commitmentListQuery>;
