import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayInVietNam } from '../../../common/domain/calendar.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;
let editorId: string;
const today = todayInVietNam();

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie: editor, userId: editorId } = await t.signIn('editor'));
});
afterAll(() => t.close());

async function createAgreement(payload: Record<string, unknown>) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/agreements',
    headers: { cookie: editor },
    payload: { kind: 'mou', titleVi: 'Bản ghi nhớ', status: 'in_force', ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function listTitles(query: string): Promise<string[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/agreements?${query}`,
    headers: { cookie: editor },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json()
    .items.map((item: { titleVi: string }) => item.titleVi)
    .sort();
}

function transition(id: string, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/agreements/${id}/transitions`,
    headers: { cookie: editor },
    payload,
  });
}

describe('agreement lifecycle', () => {
  it('records each allowed step with its date, note and author, and offers the next ones', async () => {
    const agreement = await createAgreement({ status: 'signed', signedOn: '2025-03-10' });
    expect(agreement.allowedTransitions).toEqual(['in_force', 'terminated']);
    const response = await transition(agreement.id, {
      version: 1,
      status: 'in_force',
      on: '2025-03-10',
      note: 'Có hiệu lực kể từ ngày ký',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().statusHistory.at(-1)).toEqual({
      status: 'in_force',
      on: '2025-03-10',
      note: 'Có hiệu lực kể từ ngày ký',
      userId: editorId,
    });
    expect(response.json().allowedTransitions).toEqual(['suspended', 'expired', 'terminated']);
  });

  it('refuses a step the lifecycle does not allow, naming what is allowed, and changes nothing', async () => {
    const agreement = await createAgreement({ status: 'terminated' });
    const refused = await transition(agreement.id, { version: 1, status: 'in_force', on: today });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'agreements.transition_not_allowed',
      errors: [{ path: 'body.status' }],
    });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${agreement.id}`,
      headers: { cookie: editor },
      payload: { version: 1, status: 'negotiating' },
    });
    expect(patch.json().code).toBe('agreements.transition_not_allowed');
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/agreements/${agreement.id}`,
      headers: { cookie: editor },
    });
    expect(after.json()).toMatchObject({ version: 1, status: 'terminated' });
  });

  it('reads as expired once validTo has passed, unless it renews tacitly, in records and filters', async () => {
    const lapsed = await createAgreement({ titleVi: 'Hết hạn', validTo: addDays(today, -1) });
    const renewing = await createAgreement({
      titleVi: 'Tự động gia hạn',
      validTo: addMonths(today, -23),
      renewalPeriodMonths: 24,
    });
    expect(lapsed).toMatchObject({
      status: 'expired',
      isExpiredByDate: true,
      allowedTransitions: ['in_force'],
    });
    expect(renewing).toMatchObject({
      status: 'in_force',
      isExpiredByDate: false,
      currentTermEndsOn: addMonths(addMonths(today, -23), 24),
    });
    expect(await listTitles('status=expired')).toContain('Hết hạn');
    expect(await listTitles('status=in_force')).not.toContain('Hết hạn');
    expect(await listTitles('status=in_force')).toContain('Tự động gia hạn');
    await createAgreement({ titleVi: 'Không thời hạn' });
    expect(await listTitles('status=in_force')).toContain('Không thời hạn');
    expect(await listTitles('status=expired')).not.toContain('Không thời hạn');
    // Sending back what was read records no step; a real renewal does.
    const resent = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${lapsed.id}`,
      headers: { cookie: editor },
      payload: { version: 1, status: 'expired', summary: 'Ghi chú' },
    });
    expect(resent.json().statusHistory).toHaveLength(1);
  });

  it('lists agreements in force whose term ends within N days of today in Viet Nam', async () => {
    await createAgreement({ titleVi: 'Sắp hết hạn', validTo: addDays(today, 10) });
    await createAgreement({ titleVi: 'Hết hạn hôm nay', validTo: today });
    await createAgreement({ titleVi: 'Còn lâu', validTo: addDays(today, 400) });
    await createAgreement({ titleVi: 'Đã chấm dứt', status: 'terminated', validTo: addDays(today, 5) });
    expect(await listTitles('expiringWithinDays=60')).toEqual([
      'Hết hạn hôm nay',
      'Sắp hết hạn',
      'Tự động gia hạn',
    ]);
    expect(await listTitles('expiringWithinDays=0')).toEqual(['Hết hạn hôm nay']);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/agreements?expiringWithinDays=soon',
      headers: { cookie: editor },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps each step’s documents with number and date, and refuses an unknown slot', async () => {
    const agreement = await createAgreement({ status: 'signed' });
    const documents = [
      { slot: 'signing_decision', number: '3557/QĐ-BYT', issuedOn: '2025-11-20', note: null },
      {
        slot: 'consultation_opinion',
        number: '1234/BNG-LPQT',
        issuedOn: '2025-11-05',
        note: 'Bộ Ngoại giao',
      },
    ];
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${agreement.id}`,
      headers: { cookie: editor },
      payload: { version: 1, documents },
    });
    expect(saved.json().documents).toEqual(documents);
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${agreement.id}`,
      headers: { cookie: editor },
      payload: { version: 2, documents: [{ slot: 'press_release', number: '1', issuedOn: '2025-01-01' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('slot');
  });
});
