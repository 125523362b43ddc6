import { z } from 'zod';
import {
  agreementKinds,
  commitmentStatuses,
  draftCommitmentStatuses,
  eventKinds,
  eventModes,
  participantRoles,
  reportedAgreementStatuses,
} from '../domain/enums.ts';
import { areaIdList, countryCode, isoDate, partialDate, recordId, version } from './common.ts';
import { progressKinds } from './draft.ts';

// What the officer sends after reviewing a draft: the items kept (edited as needed), each with
// the spans of the source that support it. The server writes them all in one transaction.

const span = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((value) => value.end >= value.start, 'a span must not end before it starts');
const spans = z.array(span).max(100).default([]);

const partnerCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9-]{1,15}$/, 'must be an ISO alpha-2 code or an acronym');

export const reviewedParticipant = z.strictObject({
  name: z.string().trim().min(1).max(300),
  title: z.string().trim().max(500).nullable().optional(),
  org: z.string().trim().max(500).nullable().optional(),
  countryCode: countryCode.nullable().optional(),
  role: z.enum(participantRoles).default('attendee'),
  /** The existing person the officer confirmed; null or absent creates a new person. */
  personId: recordId.nullable().optional(),
  spans,
});

export const reviewedEvent = z.strictObject({
  kind: z.enum(eventKinds),
  title: z.string().trim().max(1000).optional(),
  /** YYYY-MM-DD, or YYYY-MM when the source gives only the month (kept in the summary). */
  startOn: partialDate.nullable().optional(),
  endOn: partialDate.nullable().optional(),
  mode: z.enum(eventModes).nullable().optional(),
  location: z.string().trim().max(300).nullable().optional(),
  spans,
});

export const reviewedAgreement = z.strictObject({
  kind: z.enum(agreementKinds),
  /** As the source reports it: signed at the event, mentioned (signed earlier), or proposed. */
  status: z.enum(reportedAgreementStatuses),
  title: z.string().trim().max(1000).nullable().optional(),
  date: partialDate.nullable().optional(),
  partyCodes: z.array(partnerCode).max(20).default([]),
  /** An existing agreement this mention refers to; absent creates a new record. */
  agreementId: recordId.nullable().optional(),
  spans,
});

export const reviewedCommitment = z.strictObject({
  text: z.string().trim().min(1).max(5000),
  /** As the article words it: a wish or proposal, or a firm promise. */
  status: z.enum(draftCommitmentStatuses).default('agreed'),
  areaIds: areaIdList.optional(),
  dueOn: isoDate.nullable().optional(),
  horizonYear: z.number().int().min(1945).max(2200).nullable().optional(),
  spans,
});

export const progressTargets = ['commitment', 'agreement'] as const;

/** Progress an article reports on a registered record, as review proposes it: what, when, and
 * why it matched (partners, the agreement, the words the statement and the record share). */
export const progressProposal = z.object({
  target: z.enum(progressTargets),
  recordId: z.string(),
  /** The record's text or title, to show and to link. */
  recordLabel: z.string(),
  kind: z.enum(progressKinds),
  on: isoDate,
  /** The statement, kept as the progress note. */
  note: z.string(),
  /** The commitment's new status: done for a completion, else none. */
  status: z.enum(commitmentStatuses).nullable(),
  reasons: z.object({
    partnerCodes: z.array(z.string()),
    agreementTitle: z.string().nullable(),
    sharedWords: z.array(z.string()),
  }),
  spans: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
});
export type ProgressProposal = z.infer<typeof progressProposal>;

/** A proposal the officer accepted: a commitment gains a dated progress update citing the
 * article; an agreement gains the article as a source. */
export const reviewedProgress = z.strictObject({
  target: z.enum(progressTargets),
  recordId,
  on: isoDate,
  note: z.string().trim().min(1).max(5000),
  status: z.enum(commitmentStatuses).nullable().optional(),
  spans,
});

export const acceptDraft = z.strictObject({
  /** The source version the review started from. */
  version,
  publish: z.boolean().default(false),
  title: z.string().trim().min(1).max(1000).optional(),
  partners: z
    .array(z.strictObject({ code: partnerCode, spans }))
    .max(50)
    .default([]),
  participants: z.array(reviewedParticipant).max(200).default([]),
  events: z.array(reviewedEvent).max(20).default([]),
  agreements: z.array(reviewedAgreement).max(50).default([]),
  areaIds: areaIdList.default([]),
  commitments: z.array(reviewedCommitment).max(200).default([]),
  /** Policies the article cites, by number ("72-NQ/TW"): the records created here cite them. */
  policyNumbers: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  progress: z.array(reviewedProgress).max(50).default([]),
});
export type AcceptDraft = z.infer<typeof acceptDraft>;
export type AcceptDraftInput = z.input<typeof acceptDraft>;

export const acceptResult = z.object({
  sourceId: z.string(),
  partnerIds: z.array(z.string()),
  personIds: z.array(z.string()),
  organisationIds: z.array(z.string()),
  eventIds: z.array(z.string()),
  agreementIds: z.array(z.string()),
  commitmentIds: z.array(z.string()),
  /** The commitments and agreements that gained progress from this article. */
  progressRecordIds: z.array(z.string()),
});
export type AcceptResult = z.infer<typeof acceptResult>;
