import { z } from 'zod';
import { areaId, recordId } from './common.ts';
/** The collections whose records others point at; a delete of one of them lists its uses. */
export const usedCollections = [
  'partners',
  'organisations',
  'people',
  'agreements',
  'events',
  'commitments',
  'areas',
  'sources',
  'policies',
] as const;
export type UsedCollection = (typeof usedCollections)[number];

/** The collections that can hold a use: the above and unit accounts. */
export const holderCollections = [...usedCollections, 'users'] as const;
export type HolderCollection = (typeof holderCollections)[number];

/** The collections whose records can be replaced by another before they are deleted. */
export const replaceableCollections = ['areas', 'partners', 'organisations', 'people'] as const;
export type ReplaceableCollection = (typeof replaceableCollections)[number];

/** One record that points at another: which record, by which of its fields. */
export const recordUse = z.object({
  collection: z.enum(holderCollections),
  id: z.string(),
  label: z.string(),
  field: z.string(),
});
export type RecordUse = z.infer<typeof recordUse>;

export const recordUses = z.object({
  items: z.array(recordUse),
  /** True when a kind of use had more records than are listed. */
  isCapped: z.boolean(),
});
export type RecordUses = z.infer<typeof recordUses>;

const replaceFields = {
  /** The replaced record's version, when the client has it: checked as a delete checks it. */
  version: z.number().int().min(1).optional(),
};
/** `{"replacementId"}`: the record every use moves to. */
export const replaceRecord = z.strictObject({ replacementId: recordId, ...replaceFields });
export const replaceArea = z.strictObject({ replacementId: areaId, ...replaceFields });
export type ReplaceRecord = z.infer<typeof replaceRecord>;

export const replaceResult = z.object({
  replacementId: z.string(),
  moved: z.array(recordUse),
});
export type ReplaceResult = z.infer<typeof replaceResult>;
