import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  CreateOrganisation,
  OrganisationListQuery,
  OrganisationRecord,
  UpdateOrganisation,
} from '../../../common/contracts/organisations.ts';
import type { OrganisationKind } from '../../../common/domain/enums.ts';
import { foldText, toSearchWords } from '../../../common/domain/text.ts';
import type { Database, Executor, Transaction } from '../../db/client.ts';
import {
  type Actor,
  createRecordService,
  matchesText,
  requireExisting,
  toRecordFields,
} from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { refuseWhileUsed } from '../record-uses/record-uses.ts';
import { organisations } from './organisations.table.ts';

type OrganisationRow = typeof organisations.$inferSelect;

export function toOrganisationRecord(row: OrganisationRow): OrganisationRecord {
  return toRecordFields(row);
}

// The head noun of a Vietnamese or English organisation name tells its kind.
const kindPatterns: [RegExp, OrganisationKind][] = [
  [/^(dai su quan|tong lanh su quan|embassy)/, 'embassy'],
  [/^(bo |ministry)/, 'ministry'],
  [/^(benh vien|hospital)/, 'hospital'],
  [/^(vien |institute)/, 'institute'],
  [/^(truong dai hoc|dai hoc|hoc vien|university)/, 'university'],
  [/^(cuc |vu |van phong|tong cuc|department|office)/, 'department'],
  [/^(cong ty|tap doan|company|corporation)/, 'enterprise'],
  [/^(so y te|uy ban nhan dan|ubnd|tinh |thanh pho)/, 'local_government'],
];

export function guessOrganisationKind(name: string): OrganisationKind {
  const folded = foldText(name);
  return kindPatterns.find(([pattern]) => pattern.test(folded))?.[1] ?? 'other';
}

export function createOrganisationsService({ db }: { db: Database }) {
  const records = createRecordService<
    typeof organisations,
    OrganisationRecord,
    CreateOrganisation,
    UpdateOrganisation
  >({
    db,
    table: organisations,
    recordType: 'organisation',
    noun: 'organisation',
    toRecords: async (_executor, rows) => rows.map(toOrganisationRecord),
    searchWords: (values) => [values.nameVi as string, values.nameEn as string, values.countryCode as string],
    checkInput: async (executor, values, current) => {
      if (values.parentId) {
        await requireExisting(executor, organisations, [values.parentId], 'organisation', 'parentId');
        if (current && values.parentId === current.id) {
          throw commonErrors.invalid('An organisation cannot be its own parent.', [
            { path: 'body.parentId', message: 'must not be the organisation itself' },
          ]);
        }
      }
    },
    checkDeletable: (executor, id) => refuseWhileUsed(executor, 'organisations', id),
  });

  return {
    ...records,
    list: (query: OrganisationListQuery) =>
      records.list({
        ids: query.ids,
        where: [
          matchesText(organisations, query.q),
          query.kind ? eq(organisations.kind, query.kind) : undefined,
          query.countryCode ? eq(organisations.countryCode, query.countryCode) : undefined,
        ],
        sort: {
          nameVi: organisations.nameVi,
          nameEn: organisations.nameEn,
          kind: organisations.kind,
          countryCode: organisations.countryCode,
          updatedAt: organisations.updatedAt,
        }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),

    /** The organisation with this name (diacritics and case ignored) in this country, created
     * when none exists, so the same ministry across articles stays one record. */
    async ensureByName(
      tx: Transaction,
      name: string,
      countryCode: string | null,
      actor: Actor,
    ): Promise<OrganisationRecord> {
      const key = foldText(name);
      // Letters, digits and spaces only: nothing LIKE would read as a pattern.
      const prefix = toSearchWords(name);
      // The prefix match narrows; several names may share the prefix ("bo y te", "bo y te lao").
      const rows = await tx
        .select()
        .from(organisations)
        .where(
          and(
            sql`${organisations.searchText} like ${`${prefix}%`}`,
            countryCode
              ? eq(organisations.countryCode, countryCode)
              : sql`${organisations.countryCode} is null`,
          ),
        );
      const match = rows.find((row) => foldText(row.nameVi) === key);
      if (match) return toOrganisationRecord(match);
      return records.create({ nameVi: name, kind: guessOrganisationKind(name), countryCode }, actor, tx);
    },

    async findNames(executor: Executor, ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await executor
        .select({ id: organisations.id, nameVi: organisations.nameVi })
        .from(organisations)
        .where(inArray(organisations.id, ids));
      return new Map(rows.map((row) => [row.id, row.nameVi]));
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
