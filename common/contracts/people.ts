import { z } from 'zod';
import {
  aliases,
  checkDateOrder,
  countryCode,
  isoDate,
  listQueryBase,
  recordId,
  recordMeta,
  shortText,
  version,
} from './common.ts';

export const positionRecord = z.object({
  id: z.string(),
  title: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
});

export const personRecord = z.object({
  ...recordMeta,
  name: z.string(),
  honorific: z.string().nullable(),
  countryCode: z.string().nullable(),
  note: z.string().nullable(),
  aliases: z.array(z.string()),
  positions: z.array(positionRecord),
});
export type PersonRecord = z.infer<typeof personRecord>;

export const positionInput = z
  .strictObject({
    title: shortText,
    organisationId: recordId.nullable().optional(),
    startOn: isoDate.nullable().optional(),
    endOn: isoDate.nullable().optional(),
  })
  .superRefine(checkDateOrder('startOn', 'endOn'));

const personFields = {
  name: shortText,
  honorific: z.string().trim().max(50).nullable().optional(),
  countryCode: countryCode.nullable().optional(),
  note: z.string().max(5000).nullable().optional(),
  aliases: aliases.optional(),
  /** When given, replaces the person's positions. */
  positions: z.array(positionInput).max(50).optional(),
};

export const createPerson = z.strictObject(personFields);
export type CreatePerson = z.infer<typeof createPerson>;

export const updatePerson = z.strictObject({ version, ...z.object(personFields).partial().shape });
export type UpdatePerson = z.infer<typeof updatePerson>;

export const personListQuery = z.strictObject({
  ...listQueryBase,
  countryCode: countryCode.optional(),
  organisationId: recordId.optional(),
  sort: z.enum(['name', 'countryCode', 'updatedAt']).default('name'),
});
export type PersonListQuery = z.infer<typeof personListQuery>;

export const personMatchQuery = z.strictObject({
  name: z.string().trim().min(1).max(300),
  countryCode: countryCode.optional(),
});

export const personMatch = z.object({
  person: personRecord,
  score: z.number(),
  /** Why this person is suggested, for the reviewer: "same name without diacritics", "same country". */
  evidence: z.array(z.string()),
});
export type PersonMatch = z.infer<typeof personMatch>;
