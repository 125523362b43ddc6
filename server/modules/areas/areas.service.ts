import type { AreaListQuery, AreaRecord, CreateArea, UpdateArea } from '../../../common/contracts/areas.ts';
import type { Database, Executor } from '../../db/client.ts';
import { createRecordService, matchesText, toRecordFields } from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { refuseWhileUsed } from '../record-uses/record-uses.ts';
import { areas } from './areas.table.ts';

type AreaRow = typeof areas.$inferSelect;

function toAreaRecord(row: AreaRow): AreaRecord {
  return toRecordFields(row);
}

/** Checks area ids against the areas table; 422 naming the unknown ones. */
export async function requireAreas(
  executor: Executor,
  ids: readonly string[] | undefined,
  field = 'areaIds',
) {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return;
  const found = await executor.select({ id: areas.id }).from(areas);
  const known = new Set(found.map((row) => row.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw commonErrors.invalidReference(`Unknown area ${missing.join(', ')}.`, [
      { path: `body.${field}`, message: `refers to no existing area: ${missing.join(', ')}` },
    ]);
  }
}

export function createAreasService({ db }: { db: Database }) {
  const records = createRecordService<typeof areas, AreaRecord, CreateArea, UpdateArea>({
    db,
    table: areas,
    recordType: 'area',
    noun: 'area',
    toRecords: async (_executor, rows) => rows.map(toAreaRecord),
    searchWords: (values) => [
      values.id as string,
      values.labelVi as string,
      values.labelEn as string,
      ...((values.keywordsVi as string[]) ?? []),
    ],
    checkInput: async (executor, values) => {
      if (values.parentId) await requireAreas(executor, [values.parentId], 'parentId');
    },
    checkDeletable: (executor, id) => refuseWhileUsed(executor, 'areas', id),
  });
  return {
    ...records,
    list: (query: AreaListQuery) =>
      records.list({
        ids: query.ids,
        where: [matchesText(areas, query.q)],
        sort: { id: areas.id, labelVi: areas.labelVi, labelEn: areas.labelEn }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),
  };
}

export type AreasService = ReturnType<typeof createAreasService>;
