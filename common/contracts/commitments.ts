import { z } from 'zod';
import { commitmentGroupings, commitmentStatuses } from '../domain/enums.ts';
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
  /** The article that reported it, when it was accepted in review. */
  sourceId: z.string().nullable(),
});

export const commitmentRecord = z.object({
  ...recordMeta,
  text: z.string(),
  agreementId: z.string().nullable(),
  eventId: z.string().nullable(),
  sourceId: z.string().nullable(),
  areaIds: z.array(z.string()),
  policyIds: z.array(z.string()),
  vnOwnerIds: z.array(z.string()),
  partnerOwnerIds: z.array(z.string()),
  dueOn: z.string().nullable(),
  horizonYear: z.number().int().nullable(),
  status: z.enum(commitmentStatuses),
  isOverdue: z.boolean(),
  /** The latest day anything showed it alive: its creation, a progress update, a source
   * mentioning it. */
  lastSignOfLifeOn: z.string(),
  progress: z.array(progressRecord),
});
export type CommitmentRecord = z.infer<typeof commitmentRecord>;

const commitmentFields = {
  text: z.string().trim().min(1, 'must not be empty').max(5000),
  agreementId: recordId.nullable().optional(),
  eventId: recordId.nullable().optional(),
  sourceId: recordId.nullable().optional(),
  areaIds: areaIdList.optional(),
  policyIds: idList.optional(),
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
  /** Only the records citing this policy. */
  policyId: recordId.optional(),
  status: z.enum(commitmentStatuses).optional(),
  ownerId: recordId.optional(),
  agreementId: recordId.optional(),
  eventId: recordId.optional(),
  dueFrom: isoDate.optional(),
  dueBefore: isoDate.optional(),
  isOverdue: booleanQuery.optional(),
  /** Open, with no sign of life for `silentMonths` months (default 6). */
  isSilent: booleanQuery.optional(),
  silentMonths: z.coerce.number().int().min(1).max(120).optional(),
  sort: z.enum(['dueOn', 'status', 'updatedAt', 'text']).default('dueOn'),
});
export type CommitmentListQuery = z.infer<typeof commitmentListQuery>;

/** The board takes the list's filters, without paging: it shows every matching commitment. */
export const commitmentBoardQuery = commitmentListQuery
  .omit({ page: true, pageSize: true, ids: true })
  .extend({ groupBy: z.enum(commitmentGroupings).default('owner') });
export type CommitmentBoardQuery = z.infer<typeof commitmentBoardQuery>;

export const commitmentBoard = z.object({
  groups: z.array(
    z.object({
      /** The owner, partner or area id, the status, the due month (YYYY-MM), or `none` for commitments
       * without one. */
      key: z.string(),
      label: z.string(),
      labelEn: z.string(),
      count: z.number().int(),
      items: z.array(commitmentRecord),
    }),
  ),
  total: z.number().int(),
  /** More commitments matched than the board shows; narrow the filters. */
  isTruncated: z.boolean(),
});
export type CommitmentBoard = z.infer<typeof commitmentBoard>;
