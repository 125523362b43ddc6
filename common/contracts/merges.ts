import { z } from 'zod';
import { mergeCollections } from '../domain/enums.ts';
import { limits } from '../domain/limits.ts';
import { recordId } from './common.ts';

export const mergeInput = z
  .strictObject({
    survivorId: recordId,
    mergedIds: z.array(recordId).min(1).max(20),
  })
  .superRefine((value, context) => {
    if (value.mergedIds.includes(value.survivorId))
      context.addIssue({ code: 'custom', path: ['mergedIds'], message: 'must not name the survivor' });
    if (new Set(value.mergedIds).size !== value.mergedIds.length)
      context.addIssue({ code: 'custom', path: ['mergedIds'], message: 'must not name a record twice' });
  });
export type MergeInput = z.infer<typeof mergeInput>;

export const mergeRecord = z.object({
  id: z.string(),
  collection: z.enum(mergeCollections),
  survivorId: z.string(),
  survivorName: z.string(),
  mergedIds: z.array(z.string()),
  mergedNames: z.array(z.string()),
  /** How many links moved to the survivor. */
  movedLinks: z.number(),
  createdAt: z.string(),
  createdByEmail: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
export type MergeRecord = z.infer<typeof mergeRecord>;

export const mergeListQuery = z.strictObject({
  collection: z.enum(mergeCollections).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.listPageSizeMax).default(limits.listPageSizeDefault),
});
export type MergeListQuery = z.infer<typeof mergeListQuery>;

export const duplicateReasons = ['same_name', 'transliteration', 'same_country', 'same_title'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

export const duplicateQuery = z.strictObject({ collection: z.enum(mergeCollections) });

const duplicateSide = z.object({
  id: z.string(),
  name: z.string(),
  countryCode: z.string().nullable(),
  /** A person's titles, an organisation's kind. */
  title: z.string().nullable(),
});

export const duplicatePair = z.object({
  first: duplicateSide,
  second: duplicateSide,
  score: z.number(),
  reasons: z.array(z.enum(duplicateReasons)),
});
export type DuplicatePair = z.infer<typeof duplicatePair>;

export const duplicateDismissalInput = z
  .strictObject({ collection: z.enum(mergeCollections), ids: z.tuple([recordId, recordId]) })
  .refine((value) => value.ids[0] !== value.ids[1], { path: ['ids'], message: 'must name two records' });
export type DuplicateDismissalInput = z.infer<typeof duplicateDismissalInput>;
