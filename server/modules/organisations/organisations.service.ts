import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
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

/** The organisation that stands for this one today: its successor's successor, and so on. */
async function followLineage(executor: Executor, row: OrganisationRow): Promise<OrganisationRow> {
  let current = row;
  for (let hop = 0; hop < 20 && current.successorId; hop++) {
    const [next] = await executor
      .select()
      .from(organisations)
      .where(eq(organisations.id, current.successorId));
    if (!next) break;
    current = next;
  }
  return current;
}

/** The organisation and every one that became it (merged into or renamed to it, at any remove):
 * a filter on an organisation also finds what is attached to its predecessors. */
export function lineageIds(id: string): SQL {
  return sql`(with recursive lineage(id) as (select ${id}::uuid union select o.id from ${organisations} o join lineage on o.successor_id = lineage.id) select id from lineage)`;
}

/** Refuses a parent or successor that would lead back to the organisation itself. */
async function refuseCycle(
  executor: Executor,
  id: string,
  startId: string,
  column: 'parentId' | 'successorId',
) {
  let next: string | null = startId;
  for (let hop = 0; hop < 50 && next; hop++) {
    if (next === id) {
      throw commonErrors.invalid(
        `An organisation cannot be its own ${column === 'parentId' ? 'ancestor' : 'successor'}.`,
        [{ path: `body.${column}`, message: 'leads back to the organisation itself' }],
      );
    }
    const [row]: { next: string | null }[] = await executor
      .select({ next: organisations[column] })
      .from(organisations)
      .where(eq(organisations.id, next));
    next = row?.next ?? null;
  }
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
    searchWords: (values) => [
      values.nameVi as string,
      values.nameEn as string,
      ...((values.aliases as string[] | undefined) ?? []),
      values.countryCode as string,
    ],
    checkInput: async (executor, values, current) => {
      for (const column of ['parentId', 'successorId'] as const) {
        const target = values[column];
        if (!target) continue;
        await requireExisting(executor, organisations, [target], 'organisation', column);
        if (current) await refuseCycle(executor, current.id, target, column);
      }
      const successorId = values.successorId !== undefined ? values.successorId : current?.successorId;
      const lineageKind = values.lineageKind !== undefined ? values.lineageKind : current?.lineageKind;
      if (successorId && !lineageKind) {
        throw commonErrors.invalid('Say whether the organisation was merged into its successor or renamed.', [
          { path: 'body.lineageKind', message: 'is required with successorId' },
        ]);
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
          query.parentId ? eq(organisations.parentId, query.parentId) : undefined,
          query.successorId ? eq(organisations.successorId, query.successorId) : undefined,
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
      // Letters, digits and spaces only: nothing LIKE would read as a pattern. The words may be an
      // alias or the English name, later in the search words.
      const words = toSearchWords(name);
      const rows = await tx
        .select()
        .from(organisations)
        .where(
          and(
            sql`${organisations.searchText} like ${`%${words}%`}`,
            countryCode
              ? eq(organisations.countryCode, countryCode)
              : sql`${organisations.countryCode} is null`,
          ),
        );
      const spellings = (row: OrganisationRow) => [row.nameVi, row.nameEn, ...row.aliases];
      const match =
        rows.find((row) => foldText(row.nameVi) === key) ??
        rows.find((row) => spellings(row).some((spelling) => foldText(spelling) === key));
      // A predecessor's name (before a reorganisation) stands for its successor.
      if (match) return toOrganisationRecord(await followLineage(tx, match));
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
