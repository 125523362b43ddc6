import { asc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type {
  AddProgress,
  CommitmentListQuery,
  CommitmentRecord,
  CreateCommitment,
  UpdateCommitment,
} from '../../../common/contracts/commitments.ts';
import { closedCommitmentStatuses } from '../../../common/domain/enums.ts';
import { mayPostProgress } from '../../../common/domain/permissions.ts';
import type { Database, Executor } from '../../db/client.ts';
import {
  type Actor,
  createRecordService,
  matchesText,
  requireExisting,
  toIso,
  writeAudit,
} from '../../db/records.ts';
import type { SessionUser } from '../../http/auth.ts';
import { commonErrors } from '../../http/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { requireAreas } from '../areas/areas.service.ts';
import { events } from '../events/events.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { sources } from '../sources/sources.table.ts';
import { commitmentErrors } from './commitments.errors.ts';
import { commitments, progressUpdates } from './commitments.table.ts';

type CommitmentRow = typeof commitments.$inferSelect;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function isCommitmentOverdue(
  row: Pick<CommitmentRow, 'dueOn' | 'horizonYear' | 'status'>,
  on = today(),
): boolean {
  if (closedCommitmentStatuses.includes(row.status)) return false;
  if (row.dueOn) return row.dueOn < on;
  if (row.horizonYear) return `${row.horizonYear}-12-31` < on;
  return false;
}

/** SQL twin of isCommitmentOverdue, for filtering lists. */
function overdueCondition(on: string): SQL {
  return sql`(${commitments.status} not in ('done', 'dropped') and (${commitments.dueOn} < ${on} or (${commitments.dueOn} is null and ${commitments.horizonYear} < ${Number(on.slice(0, 4))})))`;
}

async function toCommitmentRecords(executor: Executor, rows: CommitmentRow[]): Promise<CommitmentRecord[]> {
  const ids = rows.map((row) => row.id);
  const updates = ids.length
    ? await executor
        .select()
        .from(progressUpdates)
        .where(inArray(progressUpdates.commitmentId, ids))
        .orderBy(asc(progressUpdates.on), asc(progressUpdates.createdAt))
    : [];
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    agreementId: row.agreementId,
    eventId: row.eventId,
    sourceId: row.sourceId,
    areaIds: row.areaIds,
    vnOwnerIds: row.vnOwnerIds,
    partnerOwnerIds: row.partnerOwnerIds,
    dueOn: row.dueOn,
    horizonYear: row.horizonYear,
    status: row.status,
    isOverdue: isCommitmentOverdue(row),
    progress: updates
      .filter((update) => update.commitmentId === row.id)
      .map((update) => ({
        id: update.id,
        on: update.on,
        note: update.note,
        status: update.status,
        authorId: update.authorId,
      })),
    version: row.version,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  }));
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
        where: [
          matchesText(commitments.searchText, query.q),
          query.partnerId
            ? sql`(exists (select 1 from ${agreements} where ${agreements.id} = ${commitments.agreementId} and ${query.partnerId}::uuid = any(${agreements.partyIds})) or exists (select 1 from ${events} where ${events.id} = ${commitments.eventId} and ${query.partnerId}::uuid = any(${events.partnerIds})))`
            : undefined,
          query.areaId ? sql`${query.areaId} = any(${commitments.areaIds})` : undefined,
          query.status ? eq(commitments.status, query.status) : undefined,
          query.ownerId
            ? sql`(${query.ownerId}::uuid = any(${commitments.vnOwnerIds}) or ${query.ownerId}::uuid = any(${commitments.partnerOwnerIds}))`
            : undefined,
          query.agreementId ? eq(commitments.agreementId, query.agreementId) : undefined,
          query.eventId ? eq(commitments.eventId, query.eventId) : undefined,
          query.dueBefore ? lte(commitments.dueOn, query.dueBefore) : undefined,
          query.isOverdue === true
            ? overdueCondition(today())
            : query.isOverdue === false
              ? sql`not ${overdueCondition(today())}`
              : undefined,
        ],
        sort: {
          dueOn: commitments.dueOn,
          status: commitments.status,
          updatedAt: commitments.updatedAt,
          text: commitments.text,
        }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),

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
        const [before] = await toCommitmentRecords(tx, [current]);
        await tx.insert(progressUpdates).values({
          commitmentId: id,
          on: input.on,
          note: input.note,
          status: input.status ?? null,
          authorId: user.id,
        });
        const [row] = await tx
          .update(commitments)
          .set({
            status: input.status ?? current.status,
            version: current.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(commitments.id, id))
          .returning();
        const [after] = await toCommitmentRecords(tx, [row!]);
        await writeAudit(tx, {
          actor,
          action: 'update',
          recordType: 'commitment',
          recordId: id,
          before: before!,
          after: after!,
        });
        return after!;
      });
    },
  };
}

export type CommitmentsService = ReturnType<typeof createCommitmentsService>;
