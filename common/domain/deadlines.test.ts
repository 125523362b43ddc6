import { describe, expect, it } from 'vitest';
import { agreementStatusOn, compareByDue, currentTermEndsOn, isCommitmentOverdue } from './deadlines.ts';

describe('commitments due', () => {
  it('is overdue the day after its due date, or after its horizon year, while open', () => {
    const due = { dueOn: '2025-06-30', horizonYear: null, status: 'agreed' as const };
    expect(isCommitmentOverdue(due, '2025-06-30')).toBe(false);
    expect(isCommitmentOverdue(due, '2025-07-01')).toBe(true);
    expect(isCommitmentOverdue({ ...due, status: 'done' }, '2025-07-01')).toBe(false);
    const horizon = { dueOn: null, horizonYear: 2025, status: 'in_progress' as const };
    expect(isCommitmentOverdue(horizon, '2025-12-31')).toBe(false);
    expect(isCommitmentOverdue(horizon, '2026-01-01')).toBe(true);
    expect(isCommitmentOverdue({ dueOn: null, horizonYear: null, status: 'agreed' }, '2099-01-01')).toBe(
      false,
    );
  });

  it('sorts by the due day a horizon year implies, undated last', () => {
    const items = [
      { dueOn: null, horizonYear: null },
      { dueOn: null, horizonYear: 2026 },
      { dueOn: '2027-01-01', horizonYear: null },
      { dueOn: '2026-03-01', horizonYear: null },
    ];
    expect([...items].sort(compareByDue)).toEqual([items[3], items[1], items[2], items[0]]);
  });
});

describe('agreement validity', () => {
  const mou = { status: 'in_force' as const, validTo: '2025-10-07', renewalPeriodMonths: null };

  it('reads as expired the day after validTo, without anyone editing it', () => {
    expect(agreementStatusOn(mou, '2025-10-07')).toBe('in_force');
    expect(agreementStatusOn(mou, '2025-10-08')).toBe('expired');
    expect(agreementStatusOn({ ...mou, status: 'terminated' }, '2030-01-01')).toBe('terminated');
  });

  it('renews tacitly by whole periods and stays in force', () => {
    const renewing = { ...mou, renewalPeriodMonths: 24 };
    expect(currentTermEndsOn(renewing, '2025-10-08')).toBe('2027-10-07');
    expect(currentTermEndsOn(renewing, '2028-01-01')).toBe('2029-10-07');
    expect(agreementStatusOn(renewing, '2028-01-01')).toBe('in_force');
  });
});
