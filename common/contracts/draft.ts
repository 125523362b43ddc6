import { z } from 'zod';
import {
  agreementKinds,
  draftCommitmentStatuses,
  eventKinds,
  eventModes,
  languages,
  participantRoles,
  type ReportedAgreementStatus,
  reportedAgreementStatuses,
} from '../domain/enums.ts';
import { partialDate } from './common.ts';

// The reader's draft of one article: the annotation format of the development set plus provenance.
// Every item points at the words that support it (spans into `text`) and says how sure the reader is.

export type EventKind = (typeof eventKinds)[number];
export type EventMode = (typeof eventModes)[number];
export type AgreementKind = (typeof agreementKinds)[number];
/** The draft's agreement status is how the article reports it (see reportedAgreementStatuses). */
export type AgreementStatus = ReportedAgreementStatus;
export type ParticipantRole = (typeof participantRoles)[number];

/** Half-open character range [start, end) into the draft's `text`. */
export const textSpan = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((span) => span.end >= span.start, { message: 'span ends before it starts' });
export type TextSpan = z.infer<typeof textSpan>;

const provenance = {
  spans: z.array(textSpan),
  confidence: z.number().min(0).max(1),
};

export const draftEvent = z.object({
  kind: z.enum(eventKinds),
  /** A short title of its own ('Lễ ký Bản ghi nhớ … với Hàn Quốc'); absent from older drafts. */
  title: z.string().max(200).nullable().default(null),
  start: partialDate.nullable(),
  end: partialDate.nullable(),
  mode: z.enum(eventModes).nullable(),
  location: z.string().nullable(),
  ...provenance,
});

export const draftPartner = z.object({
  /** ISO 3166-1 alpha-2 code, or an organisation acronym such as WHO, UNICEF, JICA. */
  code: z.string().min(2).max(12),
  kind: z.enum(['country', 'organisation']),
  ...provenance,
});

export const draftParticipant = z.object({
  name: z.string().min(1),
  title: z.string().nullable(),
  org: z.string().nullable(),
  country: z.string().nullable(),
  role: z.enum(participantRoles).optional(),
  ...provenance,
});

export const draftAgreement = z.object({
  kind: z.enum(agreementKinds),
  status: z.enum(reportedAgreementStatuses),
  parties: z.array(z.string()),
  date: partialDate.nullable(),
  title: z.string().nullable(),
  ...provenance,
});

export const draftArea = z.object({ id: z.string().min(1), ...provenance });

/** A wish or proposal ('mong muốn', 'suggested') is proposed; a promise ('nhất trí', 'will') is
 * agreed. Older drafts, read before the status was, count as agreed. */
export const draftCommitment = z.object({
  text: z.string().min(1),
  status: z.enum(draftCommitmentStatuses).default('agreed'),
  ...provenance,
});

/** A Vietnamese policy the article cites, by its number as the policies collection spells it
 * ("72-NQ/TW"); review turns it into the policy record. */
export const draftPolicy = z.object({ number: z.string().min(1).max(50), ...provenance });

/** A recogniser of the reader that failed on this article, and its error message. */
export const readerFailure = z.object({
  recogniser: z.string().min(1).max(40),
  message: z.string().max(500),
});

/** What an article reports of work already under way: completed, progressing, or reviewed. */
export const progressKinds = ['completed', 'progress', 'review'] as const;
export type ProgressKind = (typeof progressKinds)[number];

/** A statement of progress on something registered earlier ("hai bên đã hoàn thành…"); review
 * matches it against the registry's commitments and agreements. */
export const draftProgress = z.object({
  text: z.string().min(1),
  kind: z.enum(progressKinds),
  /** The day (or month) the sentence gives, else the article's date. */
  date: partialDate.nullable(),
  /** Partners named in the sentence itself. */
  partnerCodes: z.array(z.string()),
  /** The folded words naming an agreement or project in the sentence ("ban ghi nho ve …"), if any. */
  agreementHint: z.string().nullable(),
  ...provenance,
});

export const articleDraft = z.object({
  readerVersion: z.string(),
  lang: z.enum(languages),
  /** The cleaned text every span points into. */
  text: z.string(),
  title: z.string().nullable(),
  published: partialDate.nullable(),
  /** The clock time the article's date line prints ('21:29', '08:15+07:00'); absent when it prints none
   * (and from drafts written before times were read). */
  publishedTime: z
    .string()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d(?:[+-](?:0\d|1[0-4]):[0-5]\d|Z)?$/)
    .optional(),
  byline: z.string().nullable(),
  sourceLine: z.string().nullable(),
  url: z.string().nullable(),
  events: z.array(draftEvent),
  partners: z.array(draftPartner),
  participants: z.array(draftParticipant),
  agreements: z.array(draftAgreement),
  areas: z.array(draftArea),
  commitments: z.array(draftCommitment),
  /** Absent from drafts written before policies were read. */
  policies: z.array(draftPolicy).default([]),
  /** Recognisers that threw while reading this article (their items are missing); absent when none. */
  readerFailures: z.array(readerFailure).max(20).optional(),
  /** Absent from drafts written before progress was read. */
  progress: z.array(draftProgress).default([]),
});

export type DraftEvent = z.infer<typeof draftEvent>;
export type DraftPartner = z.infer<typeof draftPartner>;
export type DraftParticipant = z.infer<typeof draftParticipant>;
export type DraftAgreement = z.infer<typeof draftAgreement>;
export type DraftArea = z.infer<typeof draftArea>;
export type DraftCommitment = z.infer<typeof draftCommitment>;
export type DraftPolicy = z.infer<typeof draftPolicy>;
export type ReaderFailure = z.infer<typeof readerFailure>;
export type DraftProgress = z.infer<typeof draftProgress>;
export type ArticleDraft = z.infer<typeof articleDraft>;
