import { addMonths } from './calendar.ts';
import { type AgreementStatus, type CommitmentStatus, closedCommitmentStatuses } from './enums.ts';

// Due and overdue for commitments, expiry for agreements: one rule, read by the server's lists,
// its SQL filters (server/modules/*/…service.ts build their twins from the same constants) and
// the web's sorting.

/** The radars' defaults: silent after 6 months without a sign of life, dormant after 12, the
 * renewal window 180 days before a term ends. Each can be asked differently per request. */
export const radarDefaults = { silentMonths: 6, dormantMonths: 12, renewalWithinDays: 180 } as const;

type DueFields = { dueOn: string | null; horizonYear: number | null };

/** The day a commitment is due: its date, or the last day of its horizon year ("by 2030"). */
export function commitmentDueOn({ dueOn, horizonYear }: DueFields): string | null {
  if (dueOn) return dueOn;
  return horizonYear ? `${horizonYear}-12-31` : null;
}

export function isCommitmentOpen(status: CommitmentStatus): boolean {
  return !closedCommitmentStatuses.includes(status);
}

/** Open and past its due day, on `today` (Viet Nam's date, from calendar.ts). */
export function isCommitmentOverdue(commitment: DueFields & { status: CommitmentStatus }, today: string) {
  const due = commitmentDueOn(commitment);
  return isCommitmentOpen(commitment.status) && due !== null && due < today;
}

/** Orders commitments by due day, undated last. */
export function compareByDue(a: DueFields, b: DueFields): number {
  const left = commitmentDueOn(a);
  const right = commitmentDueOn(b);
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  return left < right ? -1 : 1;
}

type ValidityFields = {
  status: AgreementStatus;
  validTo: string | null;
  renewalPeriodMonths: number | null;
};

/** Statuses in which an agreement's validity runs and can lapse by date. */
export const runningAgreementStatuses: readonly AgreementStatus[] = ['in_force', 'suspended'];

/**
 * The last day of the agreement's current term on `today`: `validTo`, moved on by whole renewal
 * periods while the agreement renews tacitly; null when it has no end date.
 */
export function currentTermEndsOn(agreement: ValidityFields, today: string): string | null {
  const { validTo, renewalPeriodMonths } = agreement;
  if (!validTo || !renewalPeriodMonths) return validTo;
  let end = validTo;
  for (let periods = 1; end < today; periods += 1) end = addMonths(validTo, periods * renewalPeriodMonths);
  return end;
}

/** The status people should read: a running agreement whose term ended without renewal has
 * expired, though nobody recorded it. */
export function agreementStatusOn(agreement: ValidityFields, today: string): AgreementStatus {
  if (!runningAgreementStatuses.includes(agreement.status)) return agreement.status;
  const end = currentTermEndsOn(agreement, today);
  return end !== null && end < today ? 'expired' : agreement.status;
}
