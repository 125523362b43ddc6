import { sql } from 'drizzle-orm';
import type {
  CreatePolicy,
  PolicyListQuery,
  PolicyRecord,
  UpdatePolicy,
} from '../../../common/contracts/policies.ts';
import type { Database } from '../../db/client.ts';
import { createRecordService, matchesText, toRecordFields } from '../../db/records.ts';
import { refuseWhileUsed } from '../record-uses/record-uses.ts';
import { policies } from './policies.table.ts';

type PolicyRow = typeof policies.$inferSelect;

export function createPoliciesService({ db }: { db: Database }) {
  const records = createRecordService<typeof policies, PolicyRecord, CreatePolicy, UpdatePolicy>({
    db,
    table: policies,
    recordType: 'policy',
    noun: 'policy',
    toRecords: async (_executor, rows) => rows.map((row: PolicyRow) => toRecordFields(row)),
    searchWords: (values) => [values.number as string, values.title as string, values.issuingBody as string],
    checkDeletable: (executor, id) => refuseWhileUsed(executor, 'policies', id),
  });
  return {
    ...records,
    list: (query: PolicyListQuery) =>
      records.list({
        ids: query.ids,
        where: [matchesText(policies, query.q)],
        sort: {
          number: policies.number,
          title: policies.title,
          issuedOn: policies.issuedOn,
          updatedAt: policies.updatedAt,
        }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
