import { z } from 'zod';
import { documentKinds, documentMediaTypeList, documentRecordTypes } from '../domain/documents.ts';
import { recordId } from './common.ts';

export const documentRecord = z.object({
  id: z.string(),
  recordType: z.enum(documentRecordTypes),
  recordId: z.string(),
  kind: z.enum(documentKinds),
  fileName: z.string(),
  mediaType: z.enum(documentMediaTypeList),
  size: z.number().int(),
  /** SHA-256 of the bytes, hex. */
  checksum: z.string(),
  isPublic: z.boolean(),
  uploadedBy: z.string().nullable(),
  uploadedByEmail: z.string().nullable(),
  uploadedAt: z.string(),
  version: z.number().int(),
});
export type DocumentRecord = z.infer<typeof documentRecord>;

/** The fields sent beside the `file` of a multipart upload. */
export const uploadDocumentFields = z.strictObject({
  recordType: z.enum(documentRecordTypes),
  recordId,
  kind: z.enum(documentKinds).default('other'),
  isPublic: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type UploadDocumentFields = z.infer<typeof uploadDocumentFields>;

export const documentListQuery = z.strictObject({
  recordType: z.enum(documentRecordTypes),
  recordId,
});

export const updateDocument = z.strictObject({
  version: z.number().int().min(1),
  kind: z.enum(documentKinds).optional(),
  isPublic: z.boolean().optional(),
});
export type UpdateDocument = z.infer<typeof updateDocument>;

export const deleteDocumentQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

/** A public document as the portal lists it under a published record. */
export const publicDocument = z.object({
  id: z.string(),
  kind: z.enum(documentKinds),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type PublicDocument = z.infer<typeof publicDocument>;
