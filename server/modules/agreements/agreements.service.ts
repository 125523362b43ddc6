import { eq, gte, lte, sql } from 'drizzle-orm';
import type {
  AgreementListQuery,
  AgreementRecord,
  CreateAgreement,
  UpdateAgreement,
} from '../../../common/contracts/agreements.ts';
import { todayInVietNam } from '../../../common/domain/calendar.ts';
import type { Database } from '../../db/client.ts';
import {
  createRecordService,
  matchesText,
  requireDateOrder,
  requireExisting,
  toRecordFields,
} from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { requireAreas } from '../areas/areas.service.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { partners } from '../partners/partners.table.ts';
import { sources } from '../sources/sources.table.ts';
import { agreements, type StatusChange } from './agreements.table.ts';

type AgreementRow = typeof agreements.$inferSelect;

export function toAgreementRecord(row: AgreementRow): AgreementRecord {
  return toRecordFields(row);
}

export function createAgreementsService({ db }: { db: Database }) {
  const records = createRecordService<typeof agreements, AgreementRecord, CreateAgreement, UpdateAgreement>({
    db,
    table: agreements,
    recordType: 'agreement',
    noun: 'agreement',
    toRecords: async (_executor, rows) => rows.map(toAgreementRecord),
    searchWords: (values) => [
      values.titleVi as string,
      values.titleEn as string,
      values.decisionNumber as string,
      values.summary as string,
    ],
    checkInput: async (executor, values, current) => {
      await requireExisting(executor, partners, values.partyIds, 'partner', 'partyIds');
      await requireExisting(executor, sources, values.sourceIds, 'source', 'sourceIds');
      await requireAreas(executor, values.areaIds);
      requireDateOrder(values, current, ['validFrom', 'validTo'], 'agreement');
    },
    // Each status change is kept with its date, so the lifecycle can be read back.
    deriveValues: (values, current) => {
      const status = values.status as AgreementRow['status'];
      const on =
        (values.statusChangedOn as string | undefined) ??
        (status === 'signed' ? (values.signedOn as string | null) : null) ??
        todayInVietNam();
      const history: StatusChange[] = current?.statusHistory ?? [];
      if (!current || current.status !== status)
        return { statusHistory: [...history, { status, on, note: null }] };
      return {};
    },
    checkDeletable: async (executor, id) => {
      const [linked] = await executor
        .select({ id: commitments.id })
        .from(commitments)
        .where(eq(commitments.agreementId, id))
        .limit(1);
      if (linked)
        throw commonErrors.inUse('Commitments come from this agreement; delete or move them first.');
    },
  });

  return {
    ...records,
    list: (query: AgreementListQuery) =>
      records.list({
        ids: query.ids,
        where: [
          matchesText(agreements.searchText, query.q),
          query.partnerId ? sql`${query.partnerId}::uuid = any(${agreements.partyIds})` : undefined,
          query.areaId ? sql`${query.areaId} = any(${agreements.areaIds})` : undefined,
          query.kind ? eq(agreements.kind, query.kind) : undefined,
          query.status ? eq(agreements.status, query.status) : undefined,
          query.from ? gte(agreements.signedOn, query.from) : undefined,
          query.to ? lte(agreements.signedOn, query.to) : undefined,
          query.validToBefore ? lte(agreements.validTo, query.validToBefore) : undefined,
          query.isPublished !== undefined ? eq(agreements.isPublished, query.isPublished) : undefined,
        ],
        sort: {
          signedOn: agreements.signedOn,
          validTo: agreements.validTo,
          titleVi: agreements.titleVi,
          status: agreements.status,
          updatedAt: agreements.updatedAt,
        }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
