import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDocumentSlot } from '../../../common/domain/agreement-lifecycle.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { shippedRules } from './clocks.service.ts';

let t: TestApp;
let admin: string;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('admin')).cookie;
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

async function createAgreement(payload: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/agreements',
    headers: { cookie: editor },
    payload: { kind: 'mou', titleVi: 'Bản ghi nhớ hợp tác y tế', ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

function document(slot: AgreementDocumentSlot, issuedOn: string) {
  return { slot, number: `${slot}/2025`, issuedOn, note: null };
}

async function clock(id: string, rule: string, today: string, year?: string) {
  const items = await t.services.clocks.forAgreement(id, today);
  return items.find((item) => item.rule === rule && (!year || item.dueOn.startsWith(year)));
}

describe('legal clocks', () => {
  it('ships every rule with its legal basis, and says where the article or date is uncertain', () => {
    expect(shippedRules.map((rule) => rule.id)).toEqual([
      'consultation_answer',
      'signing_report',
      'implementation_plan',
      'termination_notice',
      'ministry_yearly_report',
    ]);
    for (const rule of shippedRules) {
      expect(rule.basis).toMatch(/70\/2020\/QH14|64\/2021/);
      if (rule.certainty === 'uncertain') expect(rule.certaintyNote).toBeTruthy();
    }
  });

  it('consultation answers: 7 working days from a complete dossier, counted across Tết 2026', async () => {
    const agreement = await createAgreement({
      status: 'proposed',
      documents: [document('proposal_dossier', '2026-02-13')],
    });
    expect(await clock(agreement.id, 'consultation_answer', '2026-03-02')).toMatchObject({
      dueOn: '2026-03-03',
      status: 'open',
      daysLeft: 1,
      owner: 'consulted_bodies',
      closedBy: { kind: 'document', slot: 'consultation_opinion' },
    });
    expect((await clock(agreement.id, 'consultation_answer', '2026-03-04'))?.status).toBe('overdue');
    await t.services.agreements.update(
      agreement.id,
      {
        version: 1,
        documents: [
          document('proposal_dossier', '2026-02-13'),
          document('consultation_opinion', '2026-02-27'),
        ],
      },
      { userId: null, email: 'test' },
    );
    expect(await clock(agreement.id, 'consultation_answer', '2026-03-04')).toMatchObject({
      status: 'done',
      doneOn: '2026-02-27',
    });
  });

  it('report to the Prime Minister and MOFA: 15 days from signing, moved off a Sunday', async () => {
    const agreement = await createAgreement({ status: 'signed', signedOn: '2025-12-20' });
    // 20 December + 15 days is Sunday 4 January 2026: the period ends on Monday.
    expect(await clock(agreement.id, 'signing_report', '2025-12-22')).toMatchObject({
      dueOn: '2026-01-05',
      status: 'open',
      startedOn: '2025-12-20',
      owner: 'signing_unit',
    });
    expect((await clock(agreement.id, 'signing_report', '2026-01-06'))?.status).toBe('overdue');
  });

  it('implementation plan: by 15 November of the year before, for each year the agreement runs', async () => {
    const agreement = await createAgreement({
      status: 'in_force',
      validFrom: '2024-01-01',
      documents: [document('implementation_plan', '2024-11-10')],
    });
    expect(await clock(agreement.id, 'implementation_plan', '2025-10-01', '2024')).toMatchObject({
      dueOn: '2024-11-15',
      status: 'done',
    });
    // 15 November 2025 is a Saturday.
    expect(await clock(agreement.id, 'implementation_plan', '2025-10-01', '2025')).toMatchObject({
      dueOn: '2025-11-17',
      status: 'open',
    });
    const signedLate = await createAgreement({ status: 'in_force', validFrom: '2025-03-01' });
    const items = await t.services.clocks.forAgreement(signedLate.id, '2025-10-01');
    expect(items.filter((item) => item.rule === 'implementation_plan').map((item) => item.dueOn)).toEqual([
      '2025-11-17',
    ]);
  });

  it('termination notice: 15 days after the termination or suspension takes effect', async () => {
    const agreement = await createAgreement({ status: 'in_force', signedOn: '2023-04-01' });
    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/agreements/${agreement.id}/transitions`,
      headers: { cookie: editor },
      payload: { version: 1, status: 'terminated', on: '2025-04-20', note: 'Hai bên thỏa thuận chấm dứt' },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await clock(agreement.id, 'termination_notice', '2025-04-21')).toMatchObject({
      dueOn: '2025-05-05',
      status: 'open',
      closedBy: { kind: 'document', slot: 'termination_notice' },
    });
  });

  it('the ministry’s yearly report is due for the whole ministry, with no agreement', async () => {
    const due = await t.services.clocks.dueAround('2025-12-20', 14);
    const reports = due.filter((item) => item.rule === 'ministry_yearly_report');
    expect(reports.map((item) => [item.dueOn, item.status])).toEqual([
      ['2024-12-31', 'overdue'],
      ['2025-12-31', 'open'],
    ]);
    expect(reports[1]).toMatchObject({
      status: 'open',
      owner: 'ministry',
      agreementId: null,
    });
  });

  it('answers GET /agreements/:id/clocks with rule, dueOn, status and basis, and 404 for no agreement', async () => {
    const agreement = await createAgreement({ status: 'signed', signedOn: '2024-10-08' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/agreements/${agreement.id}/clocks`,
      headers: { cookie: editor },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0]).toMatchObject({
      rule: 'signing_report',
      dueOn: '2024-10-23',
      status: 'overdue',
      basis: expect.stringContaining('70/2020/QH14'),
    });
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/agreements/00000000-0000-4000-8000-000000000000/clocks',
      headers: { cookie: editor },
    });
    expect(missing.statusCode).toBe(404);
    const treaty = await createAgreement({ status: 'signed', signedOn: '2024-10-08', legalBasis: 'treaty' });
    expect(await t.services.clocks.forAgreement(treaty.id)).toEqual([]);
  });

  it('lets an admin change a rule’s period or switch it off, and put the shipped rule back', async () => {
    const agreement = await createAgreement({ status: 'signed', signedOn: '2025-12-20' });
    const put = (payload: Record<string, unknown>, cookie = admin, rule = 'signing_report') =>
      t.app.inject({ method: 'PUT', url: `/api/v1/clocks/rules/${rule}`, headers: { cookie }, payload });
    expect((await put({ offset: { amount: 30, unit: 'days' }, isActive: true }, editor)).statusCode).toBe(
      403,
    );
    expect(
      (await put({ offset: { amount: 30, unit: 'days' }, isActive: true }, admin, 'no_such_rule')).statusCode,
    ).toBe(404);
    expect((await put({ offset: { amount: -1, unit: 'days' }, isActive: true })).statusCode).toBe(400);
    const changed = await put({
      offset: { amount: 30, unit: 'days' },
      isActive: true,
      note: 'Theo hướng dẫn mới',
    });
    expect(changed.json()).toMatchObject({ isOverridden: true, offset: { amount: 30 } });
    expect((await clock(agreement.id, 'signing_report', '2025-12-22'))?.dueOn).toBe('2026-01-19');
    await put({ offset: { amount: 30, unit: 'days' }, isActive: false });
    expect(await clock(agreement.id, 'signing_report', '2025-12-22')).toBeUndefined();
    const reset = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/clocks/rules/signing_report',
      headers: { cookie: admin },
    });
    expect(reset.json()).toMatchObject({ isOverridden: false, isActive: true, offset: { amount: 15 } });
    expect((await clock(agreement.id, 'signing_report', '2025-12-22'))?.dueOn).toBe('2026-01-05');
  });
});
