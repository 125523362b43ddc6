import { z } from 'zod';
import { isoDate, listQueryBase, recordMeta, shortText, version } from './common.ts';

/** A Vietnamese policy document that cooperation implements: a Politburo resolution such as
 * 72-NQ/TW, a decision, a strategy. */
export const policyRecord = z.object({
  ...recordMeta,
  /** As the document numbers itself: "72-NQ/TW". */
  number: z.string(),
  title: z.string(),
  issuingBody: z.string(),
  issuedOn: z.string().nullable(),
  url: z.string().nullable(),
});
export type PolicyRecord = z.infer<typeof policyRecord>;

const url = z.url({ message: 'must be a web address (http or https)', protocol: /^https?$/ }).max(2000);

const policyFields = {
  number: z.string().trim().min(1, 'must not be empty').max(50),
  title: shortText,
  issuingBody: shortText,
  issuedOn: isoDate.nullable().optional(),
  url: url.nullable().optional(),
};

export const createPolicy = z.strictObject(policyFields);
export type CreatePolicy = z.infer<typeof createPolicy>;

export const updatePolicy = z.strictObject({ version, ...z.object(policyFields).partial().shape });
export type UpdatePolicy = z.infer<typeof updatePolicy>;

export const policyListQuery = z.strictObject({
  ...listQueryBase,
  sort: z.enum(['number', 'title', 'issuedOn', 'updatedAt']).default('issuedOn'),
});
export type PolicyListQuery = z.infer<typeof policyListQuery>;
