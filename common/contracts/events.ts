import { z } from 'zod';
import { eventKinds, eventModes, participantRoles } from '../domain/enums.ts';
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

export const participantRecord = z.object({
  personId: z.string(),
  personName: z.string(),
  role: z.enum(participantRoles),
  title: z.string().nullable(),
  organisationId: z.string().nullable(),
});

export const eventRecord = z.object({
  ...recordMeta,
  kind: z.enum(eventKinds),
  title: z.string(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  mode: z.enum(eventModes),
  location: z.string().nullable(),
  connectionPoints: z.array(z.string()),
  summary: z.string().nullable(),
  partnerIds: z.array(z.string()),
  areaIds: z.array(z.string()),
  policyIds: z.array(z.string()),
  agreementIds: z.array(z.string()),
  sourceIds: z.array(z.string()),
  participants: z.array(participantRecord),
  isPublished: z.boolean(),
});
export type EventRecord = z.infer<typeof eventRecord>;

export const participantInput = z.strictObject({
  personId: recordId,
  role: z.enum(participantRoles).default('attendee'),
  title: z.string().trim().max(300).nullable().optional(),
  organisationId: recordId.nullable().optional(),
});

const eventFields = {
  kind: z.enum(eventKinds),
  title: shortText.max(1000),
  startOn: isoDate.nullable().optional(),
  endOn: isoDate.nullable().optional(),
  mode: z.enum(eventModes).optional(),
  location: z.string().trim().max(300).nullable().optional(),
  connectionPoints: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
  summary: z.string().max(20_000).nullable().optional(),
  partnerIds: idList.optional(),
  areaIds: areaIdList.optional(),
  policyIds: idList.optional(),
  agreementIds: idList.optional(),
  sourceIds: idList.optional(),
  /** When given, replaces the participants. */
  participants: z.array(participantInput).max(200).optional(),
  isPublished: z.boolean().optional(),
};

const checkDates = checkDateOrder('startOn', 'endOn');

export const createEvent = z.strictObject(eventFields).superRefine(checkDates);
export type CreateEvent = z.infer<typeof createEvent>;

export const updateEvent = z
  .strictObject({ version, ...z.object(eventFields).partial().shape })
  .superRefine(checkDates);
export type UpdateEvent = z.infer<typeof updateEvent>;

export const eventListQuery = z.strictObject({
  ...listQueryBase,
  partnerId: recordId.optional(),
  personId: recordId.optional(),
  agreementId: recordId.optional(),
  areaId: z.string().max(64).optional(),
  /** Only the records citing this policy. */
  policyId: recordId.optional(),
  kind: z.enum(eventKinds).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  isPublished: booleanQuery.optional(),
  sort: z.enum(['startOn', 'title', 'kind', 'updatedAt']).default('startOn'),
});
export type EventListQuery = z.infer<typeof eventListQuery>;
