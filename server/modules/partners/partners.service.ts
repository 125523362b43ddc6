import { eq, sql } from 'drizzle-orm';
import type {
  CreatePartner,
  PartnerListQuery,
  PartnerRecord,
  UpdatePartner,
} from '../../../common/contracts/partners.ts';
import type { Database, Executor } from '../../db/client.ts';
import { type Actor, createRecordService, matchesText, toRecordFields } from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { refuseWhileUsed } from '../record-uses/record-uses.ts';
import { findCountryNames, isCountryCode } from './country-names.ts';
import { partners } from './partners.table.ts';

type PartnerRow = typeof partners.$inferSelect;

export function toPartnerRecord(row: PartnerRow): PartnerRecord {
  return toRecordFields(row);
}

const sortColumns = {
  code: partners.code,
  nameVi: partners.nameVi,
  nameEn: partners.nameEn,
  updatedAt: partners.updatedAt,
};

export function createPartnersService({ db }: { db: Database }) {
  const records = createRecordService<typeof partners, PartnerRecord, CreatePartner, UpdatePartner>({
    db,
    table: partners,
    recordType: 'partner',
    noun: 'partner',
    toRecords: async (_executor, rows) => rows.map(toPartnerRecord),
    searchWords: (values) => [values.code as string, values.nameVi as string, values.nameEn as string],
    deriveValues: (values, current) => {
      if (current) return {};
      const code = String(values.code);
      if (values.kind === 'country') {
        const names = findCountryNames(code);
        if (!names) {
          throw commonErrors.invalid(`${code} is not an ISO 3166-1 alpha-2 country code.`, [
            { path: 'body.code', message: 'is not an ISO 3166-1 alpha-2 country code' },
          ]);
        }
        return {
          code: code.toUpperCase(),
          nameVi: values.nameVi ?? names.nameVi,
          nameEn: values.nameEn ?? names.nameEn,
        };
      }
      return {
        code: code.toUpperCase(),
        nameVi: values.nameVi ?? code.toUpperCase(),
        nameEn: values.nameEn ?? code.toUpperCase(),
      };
    },
    checkDeletable: (executor, id) => refuseWhileUsed(executor, 'partners', id),
  });

  return {
    ...records,
    list: (query: PartnerListQuery) =>
      records.list({
        ids: query.ids,
        where: [matchesText(partners, query.q), query.kind ? eq(partners.kind, query.kind) : undefined],
        sort: sortColumns[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),
    async findByCode(executor: Executor, code: string): Promise<PartnerRecord | null> {
      const [row] = await executor
        .select()
        .from(partners)
        .where(sql`upper(${partners.code}) = ${code.toUpperCase()}`);
      return row ? toPartnerRecord(row) : null;
    },
    /** Finds the partner with this code, creating it (with library names for countries) when new. */
    async ensureByCode(executor: Executor, code: string, actor: Actor): Promise<PartnerRecord> {
      const existing = await this.findByCode(executor, code);
      if (existing) return existing;
      const kind = isCountryCode(code) ? 'country' : 'organisation';
      return records.create({ kind, code }, actor, executor as never);
    },
  };
}

export type PartnersService = ReturnType<typeof createPartnersService>;
