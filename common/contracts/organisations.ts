import { z } from 'zod';
import { lineageKinds, organisationKinds } from '../domain/enums.ts';
import {
  aliases,
  countryCode,
  isoDate,
  listQueryBase,
  recordId,
  recordMeta,
  shortText,
  version,
} from './common.ts';

export const organisationRecord = z.object({
  ...recordMeta,
  nameVi: z.string(),
  nameEn: z.string(),
  kind: z.enum(organisationKinds),
  countryCode: z.string().nullable(),
  parentId: z.string().nullable(),
  aliases: z.array(z.string()),
  successorId: z.string().nullable(),
  lineageKind: z.enum(lineageKinds).nullable(),
  lineageFrom: z.string().nullable(),
});
export type OrganisationRecord = z.infer<typeof organisationRecord>;

const organisationFields = {
  nameVi: shortText,
  nameEn: z.string().trim().max(300).optional(),
  kind: z.enum(organisationKinds),
  countryCode: countryCode.nullable().optional(),
  parentId: recordId.nullable().optional(),
  aliases: aliases.optional(),
  successorId: recordId.nullable().optional(),
  lineageKind: z.enum(lineageKinds).nullable().optional(),
  lineageFrom: isoDate.nullable().optional(),
};

export const createOrganisation = z.strictObject(organisationFields);
export type CreateOrganisation = z.infer<typeof createOrganisation>;

export const updateOrganisation = z.strictObject({
  version,
  ...z.object(organisationFields).partial().shape,
});
export type UpdateOrganisation = z.infer<typeof updateOrganisation>;

export const organisationListQuery = z.strictObject({
  ...listQueryBase,
  kind: z.enum(organisationKinds).optional(),
  countryCode: countryCode.optional(),
  /** The units directly below this organisation. */
  parentId: recordId.optional(),
  /** The organisations that became this one in a reorganisation. */
  successorId: recordId.optional(),
  sort: z.enum(['nameVi', 'nameEn', 'kind', 'countryCode', 'updatedAt']).default('nameVi'),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;
