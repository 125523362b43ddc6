import { eq } from 'drizzle-orm';
import {
  type ClockItem,
  type ClockRule,
  type ClockRuleOverride,
  clockRule,
} from '../../../common/contracts/clocks.ts';
import {
  addDays,
  daysBetween,
  todayInVietNam,
  type WorkingCalendar,
} from '../../../common/domain/calendar.ts';
import { agreementStatusOn, runningAgreementStatuses } from '../../../common/domain/deadlines.ts';
import type { AgreementStatus } from '../../../common/domain/enums.ts';
import type { Database } from '../../db/client.ts';
import { type Actor, writeAudit } from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import shipped from './clock-rules.json' with { type: 'json' };
import { clockErrors } from './clocks.errors.ts';
import { clockRuleOverrides } from './clocks.table.ts';

// Legal clocks: each shipped rule (clock-rules.json) turned into dated obligations of an agreement
// or of the ministry. Pure functions compute; the service reads agreements and overrides.

export const shippedRules: readonly ClockRule[] = shipped.rules.map((rule) => clockRule.parse(rule));

type AgreementRow = typeof agreements.$inferSelect;

/** The day an agreement reached one of the statuses: its latest recorded step, or for signing
 * the signing date when the agreement was entered as already signed or in force. */
function reachedOn(row: AgreementRow, statuses: readonly AgreementStatus[]): string | null {
  const step = row.statusHistory.findLast((change) => statuses.includes(change.status) && change.on);
  if (step?.on) return step.on;
  return statuses.includes('signed') ? row.signedOn : null;
}

function latestDocumentOn(row: AgreementRow, slot: string, from: string | null = null): string | null {
  const dates = row.documents
    .filter((document) => document.slot === slot && (from === null || document.issuedOn >= from))
    .map((document) => document.issuedOn)
    .sort();
  return dates.at(-1) ?? null;
}

/** The day an obligation started N days or working days earlier falls due. A period whose last
 * day is a day off ends on the next working day (Civil Code 2015, art. 148(5)). */
function dueAfter(rule: ClockRule, startedOn: string, calendar: WorkingCalendar): string {
  const { amount, unit } = rule.offset;
  return unit === 'working_days'
    ? calendar.addWorkingDays(startedOn, amount)
    : calendar.nextWorkingDayFrom(addDays(startedOn, amount));
}

/** When each clock of the rule started on this agreement: one start for a step or a document, a
 * start per year for a yearly duty (this year's and next year's, while the agreement runs). */
function startsOf(rule: ClockRule, row: AgreementRow, today: string): { startedOn: string; year?: number }[] {
  const { trigger } = rule;
  if (trigger.kind === 'document') {
    const on = latestDocumentOn(row, trigger.slot);
    return on ? [{ startedOn: on }] : [];
  }
  if (trigger.kind === 'transition') {
    const on = reachedOn(row, trigger.statuses);
    return on ? [{ startedOn: on }] : [];
  }
  if (!runningAgreementStatuses.includes(agreementStatusOn(row, today))) return [];
  const startedAt = row.validFrom ?? row.signedOn;
  const thisYear = Number(today.slice(0, 4));
  return [thisYear, thisYear + 1]
    .map((year) => ({ year, startedOn: yearlyDate(trigger, year) }))
    .filter(({ startedOn }) => !startedAt || startedAt <= startedOn);
}

function yearlyDate(trigger: { month: number; day: number; yearsBefore: number }, year: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${year - trigger.yearsBefore}-${pad(trigger.month)}-${pad(trigger.day)}`;
}

/** When the obligation was met: the closing document or step on or after the clock started. For
 * a yearly duty, a closing document issued in the year it falls due. */
function doneOn(rule: ClockRule, row: AgreementRow, startedOn: string, yearly: boolean): string | null {
  const { closedBy } = rule;
  if (closedBy.kind === 'untracked') return null;
  if (closedBy.kind === 'transition') {
    const on = reachedOn(row, closedBy.statuses);
    return on && on >= startedOn ? on : null;
  }
  const from = yearly ? `${startedOn.slice(0, 4)}-01-01` : startedOn;
  return latestDocumentOn(row, closedBy.slot, from);
}

function toItem(
  rule: ClockRule,
  fields: {
    startedOn: string;
    dueOn: string;
    doneOn: string | null;
    agreementId: string | null;
    ownerUnitId: string | null;
  },
  today: string,
): ClockItem {
  const status = fields.doneOn ? 'done' : fields.dueOn < today ? 'overdue' : 'open';
  return {
    rule: rule.id,
    dueOn: fields.dueOn,
    status,
    basis: rule.basis,
    titleVi: rule.titleVi,
    titleEn: rule.titleEn,
    owner: rule.owner,
    startedOn: fields.startedOn,
    daysLeft: daysBetween(today, fields.dueOn),
    closedBy: rule.closedBy,
    doneOn: fields.doneOn,
    certainty: rule.certainty,
    agreementId: fields.agreementId,
    ownerUnitId: fields.ownerUnitId,
  };
}

/** Every clock of one agreement under the rules, oldest due first. Agreements without a legal
 * basis recorded are taken as international agreements, the kind hoptac mostly tracks. */
export function computeAgreementClocks(
  row: AgreementRow,
  rules: readonly ClockRule[],
  calendar: WorkingCalendar,
  today: string,
): ClockItem[] {
  const legalBasis = row.legalBasis ?? 'international_agreement';
  return rules
    .filter((rule) => rule.isActive && rule.scope === 'agreement' && rule.legalBases.includes(legalBasis))
    .flatMap((rule) =>
      startsOf(rule, row, today).map(({ startedOn, year }) =>
        toItem(
          rule,
          {
            startedOn,
            dueOn: dueAfter(rule, startedOn, calendar),
            doneOn: doneOn(rule, row, startedOn, year !== undefined),
            agreementId: row.id,
            ownerUnitId: row.signingUnitId,
          },
          today,
        ),
      ),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The ministry's own yearly duties, for the years around `today`. */
export function computeMinistryClocks(
  rules: readonly ClockRule[],
  calendar: WorkingCalendar,
  today: string,
): ClockItem[] {
  const thisYear = Number(today.slice(0, 4));
  return rules
    .filter((rule) => rule.isActive && rule.scope === 'ministry' && rule.trigger.kind === 'yearly')
    .flatMap((rule) =>
      [thisYear - 1, thisYear].map((year) => {
        const startedOn = yearlyDate(
          rule.trigger as { month: number; day: number; yearsBefore: number },
          year,
        );
        const dueOn = dueAfter(rule, startedOn, calendar);
        return toItem(rule, { startedOn, dueOn, doneOn: null, agreementId: null, ownerUnitId: null }, today);
      }),
    );
}

export function createClocksService({ db, calendar }: { db: Database; calendar: CalendarService }) {
  async function loadRules(): Promise<(ClockRule & { isOverridden: boolean })[]> {
    const overrides = new Map((await db.select().from(clockRuleOverrides)).map((row) => [row.ruleId, row]));
    return shippedRules.map((rule) => {
      const override = overrides.get(rule.id);
      if (!override) return { ...rule, isOverridden: false };
      return {
        ...rule,
        offset: { amount: override.offsetAmount, unit: override.offsetUnit },
        isActive: override.isActive,
        isOverridden: true,
      };
    });
  }

  function requireShipped(ruleId: string): ClockRule {
    const rule = shippedRules.find((candidate) => candidate.id === ruleId);
    if (!rule) throw clockErrors.unknownRule(`There is no clock rule ${ruleId}.`);
    return rule;
  }

  return {
    listRules: loadRules,

    async overrideRule(ruleId: string, input: ClockRuleOverride, actor: Actor) {
      requireShipped(ruleId);
      const values = {
        ruleId,
        offsetAmount: input.offset.amount,
        offsetUnit: input.offset.unit,
        isActive: input.isActive,
        note: input.note,
        updatedAt: new Date(),
      };
      await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(clockRuleOverrides)
          .where(eq(clockRuleOverrides.ruleId, ruleId));
        await tx
          .insert(clockRuleOverrides)
          .values(values)
          .onConflictDoUpdate({ target: clockRuleOverrides.ruleId, set: values });
        await writeAudit(tx, {
          actor,
          action: before ? 'update' : 'create',
          recordType: 'clock_rule',
          recordId: ruleId,
          before: before ?? null,
          after: values,
        });
      });
      return (await loadRules()).find((rule) => rule.id === ruleId)!;
    },

    async resetRule(ruleId: string, actor: Actor) {
      requireShipped(ruleId);
      await db.transaction(async (tx) => {
        const [before] = await tx
          .delete(clockRuleOverrides)
          .where(eq(clockRuleOverrides.ruleId, ruleId))
          .returning();
        if (before)
          await writeAudit(tx, {
            actor,
            action: 'delete',
            recordType: 'clock_rule',
            recordId: ruleId,
            before,
            after: null,
          });
      });
      return (await loadRules()).find((rule) => rule.id === ruleId)!;
    },

    async forAgreement(id: string, today = todayInVietNam()): Promise<ClockItem[]> {
      const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
      if (!row) throw commonErrors.notFound(`There is no agreement with id ${id}.`);
      return computeAgreementClocks(row, await loadRules(), await calendar.loadWorkingCalendar(), today);
    },

    /**
     * What is due for whom around day `on`: every overdue clock and every open one due within
     * `withinDays`, each naming its owner and unit. The reminder job calls this once a day.
     */
    async dueAround(on: string, withinDays: number): Promise<ClockItem[]> {
      const [rules, workingCalendar] = await Promise.all([loadRules(), calendar.loadWorkingCalendar()]);
      const horizon = addDays(on, withinDays);
      const rows = await db.select().from(agreements);
      return [
        ...rows.flatMap((row) => computeAgreementClocks(row, rules, workingCalendar, on)),
        ...computeMinistryClocks(rules, workingCalendar, on),
      ]
        .filter((item) => item.status === 'overdue' || (item.status === 'open' && item.dueOn <= horizon))
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    },
  };
}

export type ClocksService = ReturnType<typeof createClocksService>;
