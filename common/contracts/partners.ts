import { z } from 'zod';
import { partnerKinds } from '../domain/enums.ts';
import { listQueryBase, recordMeta, shortText, version } from './common.ts';

export const partnerRecord = z.object({
  ...recordMeta,
  kind: z.enum(partnerKinds),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
});
export type PartnerRecord = z.infer<typeof partnerRecord>;

const partnerCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9-]{1,15}$/, 'must be an ISO alpha-2 code (BY) or an acronym (WHO)');

/** For countries the names may be left out: they come from the ISO country list. */
export const createPartner = z.strictObject({
  kind: z.enum(partnerKinds),
  code: partnerCode,
  nameVi: shortText.optional(),
  nameEn: shortText.optional(),
});
export type CreatePartner = z.infer<typeof createPartner>;

export const updatePartner = z.strictObject({
  version,
  nameVi: shortText.optional(),
  nameEn: shortText.optional(),
});
export type UpdatePartner = z.infer<typeof updatePartner>;

export const partnerListQuery = z.strictObject({
  ...listQueryBase,
  kind: z.enum(partnerKinds).optional(),
  sort: z.enum(['code', 'nameVi', 'nameEn', 'updatedAt']).default('nameVi'),
});
export type PartnerListQuery = z.infer<typeof partnerListQuery>;
