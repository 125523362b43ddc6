import { z } from 'zod';
import { agreementDocumentSlots } from '../domain/agreement-lifecycle.ts';
import { agreementKinds, agreementStatuses, legalBases } from '../domain/enums.ts';
import {
  areaIdList,
  booleanQuery,
  checkDateOrder,
  idList,
  isoDate,
  listQueryBase,
  recordId,
  recordMeta,
  shortText,
  version,
} from './common.ts';

export const statusChange = z.object({
  status: z.enum(agreementStatuses),
  on: z.string().nullable(),
  note: z.string().nullable(),
  /** Who recorded the step; null for steps recorded before this was kept. */
  userId: z.string().nullable(),
});

export const agreementDocument = z.strictObject({
  slot: z.enum(agreementDocumentSlots),
  /** The document's number, e.g. 3557/QĐ-BYT. */
  number: z.string().trim().min(1, 'must not be empty').max(100),
  issuedOn: isoDate,
  note: z.string().trim().max(2000).nullable().default(null),
});

export const agreementRecord = z.object({
  ...recordMeta,
  kind: z.enum(agreementKinds),
  titleVi: z.string(),
  titleEn: z.string(),
  /** The status to read: a running agreement whose term ended without renewal reads as
   * expired though nobody recorded it (then `isExpiredByDate`). */
  status: z.enum(agreementStatuses),
  isExpiredByDate: z.boolean(),
  /** The statuses the agreement may move to next. */
  allowedTransitions: z.array(z.enum(agreementStatuses)),
  statusHistory: z.array(statusChange),
  signedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** `validTo` moved on by the tacit renewals already run; null when the term has no end. */
  currentTermEndsOn: z.string().nullable(),
  renewalNote: z.string().nullable(),
  renewalPeriodMonths: z.number().int().nullable(),
  terminationNoticeDays: z.number().int().nullable(),
  documents: z.array(agreementDocument),
  legalBasis: z.enum(legalBases).nullable(),
  decisionNumber: z.string().nullable(),
  signingUnitId: z.string().nullable(),
  summary: z.string().nullable(),
  partyIds: z.array(z.string()),
  areaIds: z.array(z.string()),
  policyIds: z.array(z.string()),
  sourceIds: z.array(z.string()),
  isPublished: z.boolean(),
});
export type AgreementRecord = z.infer<typeof agreementRecord>;

const agreementFields = {
  kind: z.enum(agreementKinds),
  titleVi: shortText.max(1000),
  titleEn: z.string().trim().max(1000).optional(),
  status: z.enum(agreementStatuses),
  /** The date of the status change being recorded (defaults to today's date on change). */
  statusChangedOn: isoDate.optional(),
  /** Why the status changed, kept with the step. */
  statusNote: z.string().trim().max(2000).optional(),
  signedOn: isoDate.nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  renewalNote: z.string().trim().max(2000).nullable().optional(),
  renewalPeriodMonths: z.number().int().min(1).max(600).nullable().optional(),
  terminationNoticeDays: z.number().int().min(0).max(3650).nullable().optional(),
  documents: z.array(agreementDocument).max(100).optional(),
  legalBasis: z.enum(legalBases).nullable().optional(),
  /** Number of the decision that permitted signing, e.g. 3557/QĐ-BYT. */
  decisionNumber: z.string().trim().max(100).nullable().optional(),
  /** The Vietnamese unit that signs; it owes the agreement's legal clocks. */
  signingUnitId: recordId.nullable().optional(),
  summary: z.string().max(20_000).nullable().optional(),
  partyIds: idList.optional(),
  areaIds: areaIdList.optional(),
  policyIds: idList.optional(),
  sourceIds: idList.optional(),
  isPublished: z.boolean().optional(),
};

const checkDates = checkDateOrder('validFrom', 'validTo');

export const createAgreement = z.strictObject(agreementFields).superRefine(checkDates);
export type CreateAgreement = z.infer<typeof createAgreement>;

export const updateAgreement = z
  .strictObject({ version, ...z.object(agreementFields).partial().shape })
  .superRefine(checkDates);
export type UpdateAgreement = z.infer<typeof updateAgreement>;

export const agreementListQuery = z.strictObject({
  ...listQueryBase,
  partnerId: recordId.optional(),
  areaId: z.string().max(64).optional(),
  /** Only the records citing this policy. */
  policyId: recordId.optional(),
  kind: z.enum(agreementKinds).optional(),
  status: z.enum(agreementStatuses).optional(),
  signingUnitId: recordId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  validToBefore: isoDate.optional(),
  /** In force, with the current term ending within this many days from today (Viet Nam time). */
  expiringWithinDays: z.coerce.number().int().min(0).max(36_500).optional(),
  isPublished: booleanQuery.optional(),
  sort: z.enum(['signedOn', 'validTo', 'titleVi', 'status', 'updatedAt']).default('signedOn'),
});
export type AgreementListQuery = z.infer<typeof agreementListQuery>;

/** A lifecycle step recorded from the agreement page. */
export const agreementTransition = z.strictObject({
  version,
  status: z.enum(agreementStatuses),
  on: isoDate,
  note: z.string().trim().max(2000).optional(),
});
export type AgreementTransition = z.infer<typeof agreementTransition>;
