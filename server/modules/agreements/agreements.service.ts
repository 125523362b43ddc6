import { and, eq, gte, lte, not, or, type SQL, sql } from 'drizzle-orm';
import type {
  AgreementListQuery,
  AgreementRecord,
  AgreementTransition,
  CreateAgreement,
  UpdateAgreement,
} from '../../../common/contracts/agreements.ts';
import { allowedTransitions, isTransitionAllowed } from '../../../common/domain/agreement-lifecycle.ts';
import { addDays, todayInVietNam } from '../../../common/domain/calendar.ts';
import {
  agreementStatusOn,
  currentTermEndsOn,
  runningAgreementStatuses,
} from '../../../common/domain/deadlines.ts';
import { enumLabels } from '../../../common/domain/enum-labels.ts';
import type { AgreementStatus } from '../../../common/domain/enums.ts';
import type { Database } from '../../db/client.ts';
import {
  type Actor,
  createRecordService,
  matchesText,
  requireDateOrder,
  requireExisting,
  toRecordFields,
} from '../../db/records.ts';
import { requireAreas } from '../areas/areas.service.ts';
import { lineageIds } from '../organisations/organisations.service.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { partners } from '../partners/partners.table.ts';
import { policies } from '../policies/policies.table.ts';
import { refuseWhileUsed } from '../record-uses/record-uses.ts';
import { sources } from '../sources/sources.table.ts';
import { agreementErrors } from './agreements.errors.ts';
import { agreements, type StatusChange } from './agreements.table.ts';

type AgreementRow = typeof agreements.$inferSelect;

/** The running statuses, as SQL, so the list's filters read validity as the records do. */
const runningStatuses = sql`${agreements.status} in ${runningAgreementStatuses}`;

/** SQL twin of currentTermEndsOn (common/domain/deadlines.ts): validTo moved on by the whole
 * renewal periods needed to reach today; `date + interval` clamps to month ends as addMonths does. */
function currentTermEndSql(today: string): SQL {
  const age = sql`age(${today}::date, ${agreements.validTo})`;
  const monthsPast = sql`(extract(year from ${age}) * 12 + extract(month from ${age}) + (extract(day from ${age}) > 0)::int)`;
  return sql`(case when ${agreements.renewalPeriodMonths} is null or ${agreements.validTo} >= ${today}::date then ${agreements.validTo}
    else (${agreements.validTo} + make_interval(months => (${agreements.renewalPeriodMonths} * ceil(${monthsPast} / ${agreements.renewalPeriodMonths}::numeric))::int))::date end)`;
}

/** SQL twin of agreementStatusOn's "expired by date". */
function expiredByDateSql(today: string): SQL {
  // coalesce: without an end date the comparison is null, and `not null` would drop the row.
  return sql`(${runningStatuses} and ${agreements.renewalPeriodMonths} is null and coalesce(${agreements.validTo} < ${today}::date, false))`;
}

/** The status people read (a lapsed term reads expired), for grouping in SQL. */
export function readStatusSql(today: string): SQL<AgreementStatus> {
  return sql<AgreementStatus>`(case when ${expiredByDateSql(today)} then 'expired' else ${agreements.status} end)`;
}

/** The list's status filter on the status people read, not the one last recorded. */
export function statusIs(status: AgreementStatus, today: string): SQL {
  if (status === 'expired') return or(eq(agreements.status, 'expired'), expiredByDateSql(today))!;
  if (runningAgreementStatuses.includes(status))
    return and(eq(agreements.status, status), not(expiredByDateSql(today)))!;
  return eq(agreements.status, status);
}

function expiringWithin(days: number, today: string): SQL {
  const end = currentTermEndSql(today);
  return and(
    statusIs('in_force', today),
    sql`${end} >= ${today}::date`,
    sql`${end} <= ${addDays(today, days)}::date`,
  )!;
}

export function toAgreementRecord(row: AgreementRow, today = todayInVietNam()): AgreementRecord {
  const status = agreementStatusOn(row, today);
  return {
    ...toRecordFields(row),
    status,
    isExpiredByDate: status !== row.status,
    allowedTransitions: [...allowedTransitions[status]],
    currentTermEndsOn: currentTermEndsOn(row, today),
    statusHistory: row.statusHistory.map((change) => ({ ...change, userId: change.userId ?? null })),
  };
}

/** The date a status carries on the record itself, used when a step is recorded without one:
 * an agreement entered as signed or in force took that step on its signing or start date. */
function naturalDateOf(status: AgreementStatus, values: Record<string, unknown>): string | null {
  const date = (key: string) => (values[key] as string | null | undefined) ?? null;
  if (status === 'signed') return date('signedOn');
  if (status === 'in_force') return date('validFrom') ?? date('signedOn');
  return null;
}

/** Refuses a status change the lifecycle does not allow from the status people read now. */
function requireTransition(current: AgreementRow, to: AgreementStatus | undefined) {
  if (!to) return;
  const from = agreementStatusOn(current, todayInVietNam());
  if (isTransitionAllowed(from, to)) return;
  const allowed = allowedTransitions[from];
  throw agreementErrors.transitionNotAllowed(
    `An agreement that is ${from} cannot become ${to}; it can become ${allowed.length ? allowed.join(', ') : 'nothing else'}.`,
    [{ path: 'body.status', message: `cannot change from ${from} to ${to}` }],
    { from: enumLabels.vi.agreementStatus[from], to: enumLabels.vi.agreementStatus[to] },
  );
}

export function createAgreementsService({ db }: { db: Database }) {
  const records = createRecordService<typeof agreements, AgreementRecord, CreateAgreement, UpdateAgreement>({
    db,
    table: agreements,
    recordType: 'agreement',
    noun: 'agreement',
    toRecords: async (_executor, rows) => {
      const today = todayInVietNam();
      return rows.map((row) => toAgreementRecord(row, today));
    },
    searchWords: (values) => [
      values.titleVi as string,
      values.titleEn as string,
      values.decisionNumber as string,
      values.summary as string,
    ],
    checkInput: async (executor, values, current) => {
      await requireExisting(executor, partners, values.partyIds, 'partner', 'partyIds');
      await requireExisting(executor, sources, values.sourceIds, 'source', 'sourceIds');
      await requireExisting(executor, policies, values.policyIds, 'policy', 'policyIds');
      await requireExisting(
        executor,
        organisations,
        values.signingUnitId ? [values.signingUnitId] : [],
        'organisation',
        'signingUnitId',
      );
      await requireAreas(executor, values.areaIds);
      requireDateOrder(values, current, ['validFrom', 'validTo'], 'agreement');
      if (current) requireTransition(current, values.status);
    },
    // Each status change is kept with its date, note and author, so the lifecycle can be read
    // back. "Unchanged" is judged on the status people read, so sending back an agreement that
    // reads as expired records nothing.
    deriveValues: (values, current, actor) => {
      const status = values.status as AgreementStatus;
      if (current && agreementStatusOn(current, todayInVietNam()) === status) return {};
      const on =
        (values.statusChangedOn as string | undefined) ?? naturalDateOf(status, values) ?? todayInVietNam();
      const note = (values.statusNote as string | undefined) || null;
      const history: StatusChange[] = current?.statusHistory ?? [];
      return { statusHistory: [...history, { status, on, note, userId: actor.userId }] };
    },
    checkDeletable: (executor, id) => refuseWhileUsed(executor, 'agreements', id),
  });

  return {
    ...records,
    /** Records a lifecycle step with its date and note, as the agreement page does. */
    transition: (id: string, input: AgreementTransition, actor: Actor) =>
      records.update(
        id,
        { version: input.version, status: input.status, statusChangedOn: input.on, statusNote: input.note },
        actor,
      ),
    list: (query: AgreementListQuery, today = todayInVietNam()) =>
      records.list({
        ids: query.ids,
        where: [
          matchesText(agreements, query.q),
          query.partnerId ? sql`${agreements.partyIds} @> array[${query.partnerId}::uuid]` : undefined,
          query.areaId ? sql`${agreements.areaIds} @> array[${query.areaId}::text]` : undefined,
          query.policyId ? sql`${agreements.policyIds} @> array[${query.policyId}::uuid]` : undefined,
          query.kind ? eq(agreements.kind, query.kind) : undefined,
          query.status ? statusIs(query.status, today) : undefined,
          query.signingUnitId
            ? sql`${agreements.signingUnitId} in ${lineageIds(query.signingUnitId)}`
            : undefined,
          query.from ? gte(agreements.signedOn, query.from) : undefined,
          query.to ? lte(agreements.signedOn, query.to) : undefined,
          query.validToBefore ? lte(agreements.validTo, query.validToBefore) : undefined,
          query.expiringWithinDays !== undefined
            ? expiringWithin(query.expiringWithinDays, today)
            : undefined,
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
