import { z } from 'zod';
import { areaId, idsQuery, listQueryBase, recordMeta, shortText, version } from './common.ts';

export const areaRecord = z.object({
  ...recordMeta,
  labelVi: z.string(),
  labelEn: z.string(),
  dacCode: z.number().int().nullable(),
  keywordsVi: z.array(z.string()),
  parentId: z.string().nullable(),
});
export type AreaRecord = z.infer<typeof areaRecord>;

const areaFields = {
  labelVi: shortText,
  labelEn: shortText,
  dacCode: z.number().int().min(10000).max(99999).nullable().optional(),
  keywordsVi: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
  parentId: areaId.nullable().optional(),
};

export const createArea = z.strictObject({ id: areaId, ...areaFields });
export type CreateArea = z.infer<typeof createArea>;

export const updateArea = z.strictObject({ version, ...z.object(areaFields).partial().shape });
export type UpdateArea = z.infer<typeof updateArea>;

export const areaListQuery = z.strictObject({
  ...listQueryBase,
  ids: idsQuery(areaId),
  pageSize: listQueryBase.pageSize,
  sort: z.enum(['id', 'labelVi', 'labelEn']).default('labelVi'),
});
export type AreaListQuery = z.infer<typeof areaListQuery>;
