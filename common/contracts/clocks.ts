import { z } from 'zod';
import { agreementDocumentSlots } from '../domain/agreement-lifecycle.ts';
import { agreementStatuses, legalBases } from '../domain/enums.ts';
import { isoDate } from './common.ts';

export const clockUnits = ['days', 'working_days'] as const;
export const clockOwners = ['signing_unit', 'consulted_bodies', 'ministry'] as const;

/** When a clock starts: a document filed, a lifecycle step, or a day of each year. */
const trigger = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('document'), slot: z.enum(agreementDocumentSlots) }),
  z.strictObject({ kind: z.literal('transition'), statuses: z.array(z.enum(agreementStatuses)).min(1) }),
  /** Due on month/day of the year before (yearsBefore 1) or of the year itself (0). */
  z.strictObject({
    kind: z.literal('yearly'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    yearsBefore: z.number().int().min(0).max(1),
  }),
]);

const closedBy = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('document'), slot: z.enum(agreementDocumentSlots) }),
  z.strictObject({ kind: z.literal('transition'), statuses: z.array(z.enum(agreementStatuses)).min(1) }),
  /** Nothing in hoptac records it yet (the ministry's report): the clock only reminds. */
  z.strictObject({ kind: z.literal('untracked') }),
]);

export const clockOffset = z.strictObject({
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(clockUnits),
});

export const clockRule = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  titleVi: z.string(),
  titleEn: z.string(),
  /** The law and article the obligation comes from. */
  basis: z.string(),
  /** `uncertain` when the article or the date could not be confirmed against the text in force. */
  certainty: z.enum(['confirmed', 'uncertain']),
  certaintyNote: z.string().nullable(),
  /** `agreement`: one clock per agreement; `ministry`: one per year for the whole ministry. */
  scope: z.enum(['agreement', 'ministry']),
  /** Legal bases the rule applies to (Law 70/2020 governs international agreements only). */
  legalBases: z.array(z.enum(legalBases)).min(1),
  trigger,
  offset: clockOffset,
  owner: z.enum(clockOwners),
  closedBy,
  isActive: z.boolean(),
});
export type ClockRule = z.infer<typeof clockRule>;

export const clockRuleRecord = clockRule.extend({ isOverridden: z.boolean() });

/** What an admin may change of a shipped rule; the legal references stay as shipped. */
export const clockRuleOverride = z.strictObject({
  offset: clockOffset,
  isActive: z.boolean(),
  note: z.string().trim().max(2000).default(''),
});
export type ClockRuleOverride = z.infer<typeof clockRuleOverride>;

export const clockRuleParams = z.strictObject({ ruleId: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/) });

export const clockStatuses = ['open', 'done', 'overdue'] as const;

export const clockItem = z.object({
  rule: z.string(),
  dueOn: z.string(),
  status: z.enum(clockStatuses),
  basis: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  owner: z.enum(clockOwners),
  /** The day the clock started (the trigger's date). */
  startedOn: z.string(),
  /** Calendar days from today to dueOn; negative once overdue. */
  daysLeft: z.number().int(),
  /** What closes it: a document slot filled or a lifecycle step. */
  closedBy: closedBy,
  doneOn: z.string().nullable(),
  certainty: z.enum(['confirmed', 'uncertain']),
  agreementId: z.string().nullable(),
  /** The unit that owes it, when the agreement names its signing unit. */
  ownerUnitId: z.string().nullable(),
});
export type ClockItem = z.infer<typeof clockItem>;

export const clockList = z.object({ items: z.array(clockItem) });

export const clocksDueQuery = z.strictObject({
  /** The day to look from (defaults to today in Viet Nam). */
  on: isoDate.optional(),
  /** Open clocks due within this many days, plus every overdue one. */
  withinDays: z.coerce.number().int().min(0).max(366).default(14),
});
