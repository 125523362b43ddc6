import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  AddProgress,
  CommitmentListQuery,
  CommitmentRecord,
  CreateCommitment,
  UpdateCommitment,
} from '../../../common/contracts/commitments.ts';
import { addMonths, todayInVietNam } from '../../../common/domain/calendar.ts';
import { isCommitmentOverdue, radarDefaults } from '../../../common/domain/deadlines.ts';
import { type CommitmentStatus, closedCommitmentStatuses } from '../../../common/domain/enums.ts';
import { mayPostProgress } from '../../../common/domain/permissions.ts';
import type { Database, Executor, Transaction } from '../../db/client.ts';
import {
  type Actor,
  createRecordService,
  matchesText,
  qualified,
  requireExisting,
  toIso,
  writeAudit,
} from '../../db/records.ts';
import type { SessionUser } from '../../http/auth.ts';
import { commonErrors } from '../../http/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { requireAreas } from '../areas/areas.service.ts';
import { events } from '../events/events.table.ts';
import { lineageIds } from '../organisations/organisations.service.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { policies } from '../policies/policies.table.ts';
import { refuseWhileUsed } from '../record-uses/record-uses.ts';
import { provenanceSpans, sources } from '../sources/sources.table.ts';
import { commitmentErrors } from './commitments.errors.ts';
import { commitments, progressUpdates } from './commitments.table.ts';

type CommitmentRow = typeof commitments.$inferSelect;

/** SQL twin of commitmentDueOn (common/domain/deadlines.ts). */
export const commitmentDueSql = sql<
  string | null
>`coalesce(${commitments.dueOn}, make_date(${commitments.horizonYear}, 12, 31))`;

/** SQL twin of isCommitmentOverdue, for filtering lists. */
export function overdueCondition(today: string): SQL {
  return sql`(${commitments.status} not in ${closedCommitmentStatuses} and ${commitmentDueSql} < ${today})`;
}

/** A timestamp's date in Viet Nam, whatever the session's time zone. */
export function vietNamDateSql(column: SQL): SQL<string> {
  return sql<string>`((${column} at time zone 'UTC') + interval '7 hours')::date`;
}

/** The latest day anything showed the commitment alive: its creation, a progress update, or a
 * source mentioning it (its origin or a source whose spans point at it), by publication date.
 * The two kinds of source are read apart, each through its index: one `id = … or exists (…)`
 * condition would read every source for every commitment. */
const sourceDaySql = vietNamDateSql(
  sql`coalesce(${qualified(sources.publishedAt)}, ${qualified(sources.createdAt)})`,
);
export const signOfLifeSql = sql<string>`greatest(
  ${vietNamDateSql(qualified(commitments.createdAt))},
  (select max(${qualified(progressUpdates.on)}) from ${progressUpdates} where ${qualified(progressUpdates.commitmentId)} = ${qualified(commitments.id)}),
  (select ${sourceDaySql} from ${sources} where ${qualified(sources.id)} = ${qualified(commitments.sourceId)}),
  (select max(${sourceDaySql}) from ${provenanceSpans} join ${sources} on ${qualified(sources.id)} = ${qualified(provenanceSpans.sourceId)}
    where ${qualified(provenanceSpans.recordType)} = 'commitment' and ${qualified(provenanceSpans.recordId)} = ${qualified(commitments.id)}::text)
)`;

/** Open, and nothing showed it alive for `months` months before `today`. */
export function silentCondition(today: string, months: number): SQL {
  return sql`(${commitments.status} not in ${closedCommitmentStatuses} and ${signOfLifeSql} < ${addMonths(today, -months)}::date)`;
}

async function toCommitmentRecords(executor: Executor, rows: CommitmentRow[]): Promise<CommitmentRecord[]> {
  const ids = rows.map((row) => row.id);
  const signsOfLife = new Map(
    ids.length
      ? (
          await executor
            .select({ id: commitments.id, on: signOfLifeSql })
            .from(commitments)
            .where(inArray(commitments.id, ids))
        ).map((row) => [row.id, String(row.on)])
      : [],
  );
  const updates = ids.length
    ? await executor
        .select()
        .from(progressUpdates)
        .where(inArray(progressUpdates.commitmentId, ids))
        .orderBy(asc(progressUpdates.on), asc(progressUpdates.createdAt))
    : [];
  const today = todayInVietNam();
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    agreementId: row.agreementId,
    eventId: row.eventId,
    sourceId: row.sourceId,
    areaIds: row.areaIds,
    policyIds: row.policyIds,
    vnOwnerIds: row.vnOwnerIds,
    partnerOwnerIds: row.partnerOwnerIds,
    dueOn: row.dueOn,
    horizonYear: row.horizonYear,
    status: row.status,
    isOverdue: isCommitmentOverdue(row, today),
    lastSignOfLifeOn: signsOfLife.get(row.id) ?? today,
    progress: updates
      .filter((update) => update.commitmentId === row.id)
      .map((update) => ({
        id: update.id,
        on: update.on,
        note: update.note,
        status: update.status,
        sourceId: update.sourceId,
        authorId: update.authorId,
      })),
    version: row.version,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  }));
}

/** The list's filters as SQL, shared by the list and the board. */
export function commitmentFilters(
  query: Omit<CommitmentListQuery, 'page' | 'pageSize' | 'ids'>,
  today: string,
) {
  return [
    matchesText(commitments, query.q),
    query.partnerId
      ? sql`(exists (select 1 from ${agreements} where ${agreements.id} = ${commitments.agreementId} and ${agreements.partyIds} @> array[${query.partnerId}::uuid]) or exists (select 1 from ${events} where ${events.id} = ${commitments.eventId} and ${events.partnerIds} @> array[${query.partnerId}::uuid]))`
      : undefined,
    query.areaId ? sql`${commitments.areaIds} @> array[${query.areaId}::text]` : undefined,
    query.policyId ? sql`${commitments.policyIds} @> array[${query.policyId}::uuid]` : undefined,
    query.status ? eq(commitments.status, query.status) : undefined,
    query.ownerId
      ? sql`(${commitments.vnOwnerIds} && array${lineageIds(query.ownerId)} or ${commitments.partnerOwnerIds} && array${lineageIds(query.ownerId)})`
      : undefined,
    query.agreementId ? eq(commitments.agreementId, query.agreementId) : undefined,
    query.eventId ? eq(commitments.eventId, query.eventId) : undefined,
    query.dueFrom ? sql`${commitmentDueSql} >= ${query.dueFrom}::date` : undefined,
    query.dueBefore ? sql`${commitmentDueSql} <= ${query.dueBefore}::date` : undefined,
    query.isOverdue === undefined
      ? undefined
      : query.isOverdue
        ? overdueCondition(today)
        : sql`not ${overdueCondition(today)}`,
    query.isSilent === undefined
      ? undefined
      : query.isSilent
        ? silentCondition(today, query.silentMonths ?? radarDefaults.silentMonths)
        : sql`not ${silentCondition(today, query.silentMonths ?? radarDefaults.silentMonths)}`,
  ];
}

type ProgressEntry = {
  on: string;
  note: string;
  status?: CommitmentStatus | null | undefined;
  authorId: string | null;
  sourceId: string | null;
};

/** Writes a dated progress update (and the new status, if any) on a locked commitment row, with
 * its audit: the one path for updates posted by hand and those accepted from an article. */
async function recordProgress(
  tx: Transaction,
  current: CommitmentRow,
  entry: ProgressEntry,
  actor: Actor,
): Promise<CommitmentRecord> {
  const [before] = await toCommitmentRecords(tx, [current]);
  await tx.insert(progressUpdates).values({
    commitmentId: current.id,
    on: entry.on,
    note: entry.note,
    status: entry.status ?? null,
    authorId: entry.authorId,
    sourceId: entry.sourceId,
  });
  const [row] = await tx
    .update(commitments)
    .set({ status: entry.status ?? current.status, version: current.version + 1, updatedAt: new Date() })
    .where(eq(commitments.id, current.id))
    .returning();
  const [after] = await toCommitmentRecords(tx, [row!]);
  await writeAudit(tx, {
    actor,
    action: 'update',
    recordType: 'commitment',
    recordId: current.id,
    before: before!,
    after: after!,
  });
  return after!;
}

export function createCommitmentsService({ db }: { db: Database }) {
  const records = createRecordService<
    typeof commitments,
    CommitmentRecord,
    CreateCommitment,
    UpdateCommitment
  >({
    db,
    table: commitments,
    recordType: 'commitment',
    noun: 'commitment',
    // A commitment's attached reports are listed, not left behind.
    checkDeletable: (executor, id) => refuseWhileUsed(executor, 'commitments', id),
    toRecords: toCommitmentRecords,
    searchWords: (values) => [values.text as string],
    checkInput: async (executor, values, current) => {
      await requireExisting(
        executor,
        agreements,
        values.agreementId ? [values.agreementId] : [],
        'agreement',
        'agreementId',
      );
      await requireExisting(executor, events, values.eventId ? [values.eventId] : [], 'event', 'eventId');
      await requireExisting(
        executor,
        sources,
        values.sourceId ? [values.sourceId] : [],
        'source',
        'sourceId',
      );
      await requireExisting(executor, organisations, values.vnOwnerIds, 'organisation', 'vnOwnerIds');
      await requireExisting(
        executor,
        organisations,
        values.partnerOwnerIds,
        'organisation',
        'partnerOwnerIds',
      );
      await requireAreas(executor, values.areaIds);
      await requireExisting(executor, policies, values.policyIds, 'policy', 'policyIds');
      const dueOn = values.dueOn !== undefined ? values.dueOn : current?.dueOn;
      const agreementId = values.agreementId !== undefined ? values.agreementId : current?.agreementId;
      if (dueOn && agreementId) {
        const [origin] = await executor
          .select({ signedOn: agreements.signedOn })
          .from(agreements)
          .where(eq(agreements.id, agreementId));
        if (origin?.signedOn && dueOn < origin.signedOn) {
          throw commitmentErrors.dueBeforeOrigin(
            `The commitment cannot be due (${dueOn}) before its agreement was signed (${origin.signedOn}).`,
            [{ path: 'body.dueOn', message: 'is before the agreement was signed' }],
          );
        }
      }
    },
  });

  return {
    ...records,
    list: (query: CommitmentListQuery) =>
      records.list({
        ids: query.ids,
        where: commitmentFilters(query, todayInVietNam()),
        sort: {
          dueOn: commitmentDueSql,
          status: commitments.status,
          updatedAt: commitments.updatedAt,
          text: commitments.text,
        }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),

    recordProgress,

    /** Posts a dated progress update (and optionally a new status). Editors may post on any
     * commitment; a unit user only on those its organisation owns. */
    async addProgress(id: string, input: AddProgress, user: SessionUser): Promise<CommitmentRecord> {
      const actor: Actor = { userId: user.id, email: user.email };
      return db.transaction(async (tx) => {
        const current = await records.requireRow(tx, id, true);
        // Ownership first: a unit that may not post must not learn the commitment's version.
        if (!mayPostProgress(user, current)) {
          throw commitmentErrors.notOwner(
            'Your unit does not own this commitment, so it cannot post progress on it.',
          );
        }
        if (current.version !== input.version) {
          throw commonErrors.versionConflict(
            `This commitment was changed by someone else (your version ${input.version}, current ${current.version}). Reload it and post again.`,
          );
        }
        return recordProgress(tx, current, { ...input, sourceId: null, authorId: user.id }, actor);
      });
    },
  };
}

export type CommitmentsService = ReturnType<typeof createCommitmentsService>;
