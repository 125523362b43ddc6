import { z } from 'zod';
import { languages, recordTypes, sourceReviewStatuses } from '../domain/enums.ts';
import { limits } from '../domain/limits.ts';
import {
  areaIdList,
  booleanQuery,
  idList,
  isoTimestamp,
  listQueryBase,
  recordMeta,
  version,
} from './common.ts';

export const sourceRecord = z.object({
  ...recordMeta,
  title: z.string(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.enum(languages),
  lead: z.string().nullable(),
  text: z.string(),
  partnerIds: z.array(z.string()),
  areaIds: z.array(z.string()),
  reviewStatus: z.enum(sourceReviewStatuses),
  isPublished: z.boolean(),
});
export type SourceRecord = z.infer<typeof sourceRecord>;

/** A source in lists: everything but the text. */
export const sourceSummary = sourceRecord.omit({ text: true });
export type SourceSummary = z.infer<typeof sourceSummary>;

const url = z.url({ message: 'must be a web address (http or https)', protocol: /^https?$/ }).max(2000);

export const createSource = z.strictObject({
  text: z
    .string()
    .max(limits.sourceText, `must be at most ${limits.sourceText} characters`)
    .refine((value) => value.trim().length > 0, 'must not be empty'),
  /** How the text is written: plain text, or the HTML of a saved news page. */
  format: z.enum(['text', 'html']).default('text'),
  title: z.string().trim().max(1000).optional(),
  url: url.optional(),
  outlet: z.string().trim().max(300).optional(),
  publishedAt: isoTimestamp.optional(),
  language: z.enum(languages).optional(),
  /** Register the article even though one with the same address or text is stored (answered 409
   * sources.duplicate otherwise). */
  allowDuplicate: z.boolean().optional(),
});
export type CreateSource = z.infer<typeof createSource>;

export const updateSource = z.strictObject({
  version,
  title: z.string().trim().min(1).max(1000).optional(),
  url: url.nullable().optional(),
  outlet: z.string().trim().max(300).nullable().optional(),
  publishedAt: isoTimestamp.nullable().optional(),
  language: z.enum(languages).optional(),
  lead: z.string().max(2000).nullable().optional(),
  isPublished: z.boolean().optional(),
  partnerIds: idList.optional(),
  areaIds: areaIdList.optional(),
  /** Officers may mark a source reviewed without registering anything, or reopen it. */
  reviewStatus: z.enum(sourceReviewStatuses).optional(),
});
export type UpdateSource = z.infer<typeof updateSource>;

export const sourceListQuery = z.strictObject({
  ...listQueryBase,
  isPublished: booleanQuery.optional(),
  reviewStatus: z.enum(sourceReviewStatuses).optional(),
  sort: z.enum(['publishedAt', 'title', 'updatedAt', 'createdAt']).default('createdAt'),
});
export type SourceListQuery = z.infer<typeof sourceListQuery>;

export const provenanceQuery = z.strictObject({
  recordType: z.enum(recordTypes),
  recordId: z.string().min(1).max(100),
});

/** Where a record came from: the source and the words that support it. */
export const provenanceItem = z.object({
  sourceId: z.string(),
  sourceTitle: z.string(),
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
});
export type ProvenanceItem = z.infer<typeof provenanceItem>;
