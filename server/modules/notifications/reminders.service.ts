import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  RemindedRecordType,
  ReminderKind,
  ReminderRunSummary,
} from '../../../common/contracts/notifications.ts';
import { addDays, addMonths, todayInVietNam } from '../../../common/domain/calendar.ts';
import {
  agreementStatusOn,
  commitmentDueOn,
  currentTermEndsOn,
  radarDefaults,
} from '../../../common/domain/deadlines.ts';
import { closedCommitmentStatuses } from '../../../common/domain/enums.ts';
import type { Database } from '../../db/client.ts';
import { statusIs } from '../agreements/agreements.service.ts';
import { agreements } from '../agreements/agreements.table.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import {
  type ClocksService,
  computeAgreementClocks,
  computeMinistryClocks,
} from '../clocks/clocks.service.ts';
import { commitmentDueSql, signOfLifeSql, silentCondition } from '../commitments/commitments.service.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { agreementSignOfLifeSql } from '../radar/radar.service.ts';
import { users } from '../users/users.table.ts';
import { composeDigest, type Mailer } from './digest-mail.ts';
import { notificationMutes, notificationPreferences, notifications } from './notifications.table.ts';

// The daily reminder job. It finds every obligation of the day (commitments due within a week,
// overdue or silent; legal clocks due within a week or overdue; agreements in their renewal window
// or dormant), works out who is concerned, and inserts one notification per obligation × recipient
// × day with `on conflict do nothing`, so two processes running it at once make each reminder
// once. The digest then claims unsent reminders in one UPDATE (a row is claimed by one process
// only) and e-mails each recipient theirs.
//
// Who is concerned:
// - a commitment: the unit users of its owner organisations; when no active user belongs to any
//   owner, the editors and admins, so that nothing goes unreminded;
// - a legal clock of an agreement: the editors and admins (they keep the registry and report), and
//   the unit users of the signing unit when the rule says the signing unit owes it;
// - the ministry's own clocks, the renewal window and dormant agreements: the editors and admins.
// A user who muted a record gets no new reminder about it; muting an agreement also mutes its clocks.

/** Reminders come this many days before a commitment or a clock falls due. */
export const reminderDueWithinDays = 7;

type Obligation = {
  kind: ReminderKind;
  recordType: RemindedRecordType;
  recordId: string;
  ruleId: string | null;
  on: string;
  titleVi: string;
  titleEn: string;
  /** Organisations whose unit users are concerned. */
  unitIds: readonly string[];
  /** Editors and admins are concerned (always, or when no unit user is). */
  editors: 'always' | 'whenNoUnitUser' | 'never';
};

/** Rows per INSERT: nine values each stays under the 65,535 parameters of one statement. */
const insertChunk = 5000;

export function linkOf(recordType: RemindedRecordType, recordId: string, on: string): string {
  if (recordType === 'commitment') return `/app/commitments/${recordId}`;
  if (recordType === 'agreement') return `/app/agreements/${recordId}`;
  // The ministry's own duty, the yearly report, falls due at the turn of the year it covers.
  const year = Number(on.slice(0, 4)) - (on.slice(5, 7) === '12' ? 0 : 1);
  return `/api/v1/reports/yearly?year=${year}&format=docx`;
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Monday, in Viet Nam's calendar, is the weekly digest's day. */
function isDigestDay(frequency: string, today: string): boolean {
  if (frequency === 'daily') return true;
  return frequency === 'weekly' && new Date(`${today}T00:00:00Z`).getUTCDay() === 1;
}

export function createRemindersService(deps: {
  db: Database;
  clocks: ClocksService;
  calendar: CalendarService;
  mailer: Mailer;
  baseUrl: string;
  /** Told about a digest the SMTP server refused; its reminders are sent on the next run. */
  onMailError?: (error: unknown, to: string) => void;
}) {
  const { db } = deps;

  async function findCommitmentObligations(today: string): Promise<Obligation[]> {
    const open = sql`${commitments.status} not in ${closedCommitmentStatuses}`;
    const [dueRows, silentRows] = await Promise.all([
      db
        .select({
          id: commitments.id,
          text: commitments.text,
          dueOn: commitments.dueOn,
          horizonYear: commitments.horizonYear,
          vnOwnerIds: commitments.vnOwnerIds,
          partnerOwnerIds: commitments.partnerOwnerIds,
        })
        .from(commitments)
        .where(and(open, sql`${commitmentDueSql} <= ${addDays(today, reminderDueWithinDays)}::date`)),
      db
        .select({
          id: commitments.id,
          text: commitments.text,
          vnOwnerIds: commitments.vnOwnerIds,
          partnerOwnerIds: commitments.partnerOwnerIds,
          lastSignOfLifeOn: signOfLifeSql,
        })
        .from(commitments)
        .where(silentCondition(today, radarDefaults.silentMonths)),
    ]);
    const base = (row: { id: string; text: string; vnOwnerIds: string[]; partnerOwnerIds: string[] }) => ({
      recordType: 'commitment' as const,
      recordId: row.id,
      ruleId: null,
      titleVi: row.text,
      titleEn: '',
      unitIds: [...row.vnOwnerIds, ...row.partnerOwnerIds],
      editors: 'whenNoUnitUser' as const,
    });
    return [
      ...dueRows.map((row) => {
        const due = commitmentDueOn(row)!;
        return {
          ...base(row),
          kind: due < today ? ('commitment_overdue' as const) : ('commitment_due' as const),
          on: due,
        };
      }),
      ...silentRows.map((row) => ({
        ...base(row),
        kind: 'commitment_silent' as const,
        on: String(row.lastSignOfLifeOn),
      })),
    ];
  }

  async function findAgreementObligations(today: string): Promise<Obligation[]> {
    const [rows, rules, workingCalendar, dormant] = await Promise.all([
      db.select().from(agreements),
      deps.clocks.listRules(),
      deps.calendar.loadWorkingCalendar(),
      db
        .select({
          id: agreements.id,
          titleVi: agreements.titleVi,
          titleEn: agreements.titleEn,
          lastSignOfLifeOn: agreementSignOfLifeSql,
        })
        .from(agreements)
        .where(
          and(
            statusIs('in_force', today),
            sql`${agreementSignOfLifeSql} < ${addMonths(today, -radarDefaults.dormantMonths)}::date`,
          ),
        ),
    ]);
    const horizon = addDays(today, reminderDueWithinDays);
    const renewalHorizon = addDays(today, radarDefaults.renewalWithinDays);
    const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
    const obligations: Obligation[] = [];
    for (const row of rows) {
      for (const clock of computeAgreementClocks(row, rules, workingCalendar, today)) {
        if (clock.status === 'done' || (clock.status === 'open' && clock.dueOn > horizon)) continue;
        obligations.push({
          kind: clock.status === 'overdue' ? 'clock_overdue' : 'clock_due',
          recordType: 'agreement',
          recordId: row.id,
          ruleId: clock.rule,
          on: clock.dueOn,
          titleVi: `${clock.titleVi} — ${row.titleVi}`,
          titleEn: `${clock.titleEn} — ${row.titleEn || row.titleVi}`,
          unitIds:
            rulesById.get(clock.rule)?.owner === 'signing_unit' && row.signingUnitId
              ? [row.signingUnitId]
              : [],
          editors: 'always',
        });
      }
      if (agreementStatusOn(row, today) !== 'in_force') continue;
      const end = currentTermEndsOn(row, today);
      if (end && end >= today && end <= renewalHorizon) {
        obligations.push({
          kind: 'renewal_window',
          recordType: 'agreement',
          recordId: row.id,
          ruleId: null,
          on: end,
          titleVi: row.titleVi,
          titleEn: row.titleEn,
          unitIds: [],
          editors: 'always',
        });
      }
    }
    for (const clock of computeMinistryClocks(rules, workingCalendar, today)) {
      if (clock.status === 'done' || (clock.status === 'open' && clock.dueOn > horizon)) continue;
      obligations.push({
        kind: clock.status === 'overdue' ? 'clock_overdue' : 'clock_due',
        recordType: 'clock',
        recordId: clock.rule,
        ruleId: clock.rule,
        on: clock.dueOn,
        titleVi: clock.titleVi,
        titleEn: clock.titleEn,
        unitIds: [],
        editors: 'always',
      });
    }
    for (const row of dormant) {
      obligations.push({
        kind: 'dormant_agreement',
        recordType: 'agreement',
        recordId: row.id,
        ruleId: null,
        on: String(row.lastSignOfLifeOn),
        titleVi: row.titleVi,
        titleEn: row.titleEn,
        unitIds: [],
        editors: 'always',
      });
    }
    return obligations;
  }

  /** Every (obligation, user) pair the job should remind, mutes left out. */
  async function addressObligations(obligations: readonly Obligation[]) {
    const [activeUsers, mutes] = await Promise.all([
      db
        .select({ id: users.id, role: users.role, organisationId: users.organisationId })
        .from(users)
        .where(eq(users.isActive, true)),
      db.select().from(notificationMutes),
    ]);
    const editors = activeUsers.filter((user) => user.role === 'editor' || user.role === 'admin');
    const unitUsers = new Map<string, string[]>();
    for (const user of activeUsers) {
      if (user.role !== 'unit' || !user.organisationId) continue;
      unitUsers.set(user.organisationId, [...(unitUsers.get(user.organisationId) ?? []), user.id]);
    }
    const muted = new Set(mutes.map((mute) => `${mute.userId}|${mute.recordType}|${mute.recordId}`));
    const rows: (typeof notifications.$inferInsert)[] = [];
    for (const obligation of obligations) {
      const recipients = new Set(obligation.unitIds.flatMap((id) => unitUsers.get(id) ?? []));
      if (
        obligation.editors === 'always' ||
        (obligation.editors === 'whenNoUnitUser' && recipients.size === 0)
      ) {
        for (const editor of editors) recipients.add(editor.id);
      }
      const obligationKey = [
        obligation.kind,
        obligation.recordType,
        obligation.recordId,
        obligation.ruleId ?? '-',
        obligation.on,
      ].join(':');
      for (const userId of recipients) {
        if (muted.has(`${userId}|${obligation.recordType}|${obligation.recordId}`)) continue;
        rows.push({
          userId,
          kind: obligation.kind,
          recordType: obligation.recordType,
          recordId: obligation.recordId,
          ruleId: obligation.ruleId,
          obligationKey,
          on: obligation.on,
          titleVi: obligation.titleVi,
          titleEn: obligation.titleEn,
        });
      }
    }
    return rows;
  }

  async function insertReminders(rows: (typeof notifications.$inferInsert)[]): Promise<number> {
    let created = 0;
    for (let start = 0; start < rows.length; start += insertChunk) {
      const inserted = await db
        .insert(notifications)
        .values(rows.slice(start, start + insertChunk))
        .onConflictDoNothing({ target: [notifications.userId, notifications.obligationKey] })
        .returning({ id: notifications.id });
      created += inserted.length;
    }
    return created;
  }

  /** Claims the unsent reminders of everyone whose digest is due today, and mails them. A claim is
   * one UPDATE on rows nobody claimed: of two processes, each row goes to one. A failed send gives
   * its rows back for the next run; a crash after the claim loses that digest, never doubles it. */
  async function sendDigests(today: string) {
    const summary = { emailsSent: 0, remindersEmailed: 0, emailsFailed: 0 };
    if (!deps.mailer.isConfigured) return summary;
    const recipients = await db
      .select({
        id: users.id,
        email: users.email,
        frequency: sql<string>`coalesce(${notificationPreferences.digestFrequency}, 'daily')`,
      })
      .from(users)
      .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
      .where(eq(users.isActive, true));
    const due = recipients.filter((user) => isDigestDay(user.frequency, today));
    if (due.length === 0) return summary;
    const claimed = await db
      .update(notifications)
      .set({ emailClaimedAt: new Date() })
      .where(
        and(
          isNull(notifications.emailClaimedAt),
          isNull(notifications.emailedAt),
          sql`${notifications.createdAt} > now() - interval '8 days'`,
          inArray(
            notifications.userId,
            due.map((user) => user.id),
          ),
        ),
      )
      .returning();
    const byUser = groupBy(claimed, (row) => row.userId);
    for (const [userId, rows] of byUser) {
      const user = due.find((candidate) => candidate.id === userId)!;
      const ids = rows.map((row) => row.id);
      rows.sort((a, b) => a.on.localeCompare(b.on));
      try {
        await deps.mailer.send(
          composeDigest(
            user.email,
            rows.map((row) => ({ ...row, link: linkOf(row.recordType, row.recordId, row.on) })),
            deps.baseUrl,
          ),
        );
      } catch (error) {
        await db.update(notifications).set({ emailClaimedAt: null }).where(inArray(notifications.id, ids));
        deps.onMailError?.(error, user.email);
        summary.emailsFailed += 1;
        continue;
      }
      await db.update(notifications).set({ emailedAt: new Date() }).where(inArray(notifications.id, ids));
      summary.emailsSent += 1;
      summary.remindersEmailed += rows.length;
    }
    return summary;
  }

  return {
    /** The day's job: every reminder created once, then the digests due today. */
    async run(today = todayInVietNam()): Promise<ReminderRunSummary> {
      const obligations = [
        ...(await findCommitmentObligations(today)),
        ...(await findAgreementObligations(today)),
      ];
      const created = await insertReminders(await addressObligations(obligations));
      const mail = await sendDigests(today);
      return { on: today, obligations: obligations.length, created, ...mail };
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
