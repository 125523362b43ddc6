import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayInVietNam } from '../../../common/domain/calendar.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { commitments } from '../commitments/commitments.table.ts';

let t: TestApp;
let editor: string;
const today = todayInVietNam();
const longAgo = addMonths(today, -30);

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

async function post(url: string, payload: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const response = await t.app.inject({ method: 'POST', url, headers: { cookie: editor }, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Records entered long ago: their creation is no recent sign of life. */
async function ageRecords(agreementIds: string[], commitmentIds: string[]) {
  const then = new Date(`${longAgo}T03:00:00Z`);
  if (agreementIds.length)
    await t.database.db
      .update(agreements)
      .set({ createdAt: then })
      .where(inArray(agreements.id, agreementIds));
  if (commitmentIds.length)
    await t.database.db
      .update(commitments)
      .set({ createdAt: then })
      .where(inArray(commitments.id, commitmentIds));
}

async function getRadar(query = '') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/radar${query}`,
    headers: { cookie: editor },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('radar', () => {
  it('lists silent commitments with their last sign of life, and not those with recent progress', async () => {
    const agreement = await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'MoU',
      status: 'in_force',
      signedOn: longAgo,
    });
    const silent = await post('/api/v1/commitments', {
      text: 'Đào tạo 50 bác sĩ',
      agreementId: agreement.id,
    });
    const alive = await post('/api/v1/commitments', {
      text: 'Trao đổi chuyên gia',
      agreementId: agreement.id,
    });
    const done = await post('/api/v1/commitments', {
      text: 'Hội thảo chung',
      agreementId: agreement.id,
      status: 'done',
    });
    await ageRecords([agreement.id], [silent.id, alive.id, done.id]);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${alive.id}/progress`,
      headers: { cookie: editor },
      payload: { version: 1, on: addMonths(today, -2), note: 'Đã cử đoàn' },
    });
    const radar = await getRadar();
    const ids = radar.silentCommitments.map((item: { id: string }) => item.id);
    expect(ids).toContain(silent.id);
    expect(ids).not.toContain(alive.id);
    expect(ids).not.toContain(done.id);
    expect(
      radar.silentCommitments.find((item: { id: string }) => item.id === silent.id).lastSignOfLifeOn,
    ).toBe(longAgo);
    expect(
      (await getRadar('?silentMonths=1')).silentCommitments.map((item: { id: string }) => item.id),
    ).toContain(alive.id);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/commitments?isSilent=true',
      headers: { cookie: editor },
    });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(silent.id);
  });

  it('lists dormant agreements in force, unless an event or commitment progress names them', async () => {
    const dormant = await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'MoU bị lãng quên',
      status: 'in_force',
      signedOn: longAgo,
    });
    const visited = await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'MoU có đoàn',
      status: 'in_force',
      signedOn: longAgo,
    });
    const ended = await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'MoU chấm dứt',
      status: 'terminated',
      signedOn: longAgo,
    });
    await ageRecords([dormant.id, visited.id, ended.id], []);
    await post('/api/v1/events', {
      kind: 'visit',
      title: 'Đoàn công tác',
      startOn: addMonths(today, -3),
      agreementIds: [visited.id],
    });
    const radar = await getRadar();
    const dormantIds = radar.dormantAgreements.map((item: { id: string }) => item.id);
    expect(dormantIds).toContain(dormant.id);
    expect(dormantIds).not.toContain(visited.id);
    expect(dormantIds).not.toContain(ended.id);
    expect(
      radar.dormantAgreements.find((item: { id: string }) => item.id === dormant.id).lastSignOfLifeOn,
    ).toBe(longAgo);
    expect(
      (await getRadar('?dormantMonths=2')).dormantAgreements.map((item: { id: string }) => item.id),
    ).toContain(visited.id);
  });

  it('lists agreements in their renewal window with the last day to give notice', async () => {
    const expiring = await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'MoU sắp hết hạn',
      status: 'in_force',
      validTo: addDays(today, 120),
      terminationNoticeDays: 90,
    });
    await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'MoU dài hạn',
      status: 'in_force',
      validTo: addDays(today, 500),
    });
    const radar = await getRadar();
    expect(radar.renewalWindow).toEqual([
      expect.objectContaining({
        id: expiring.id,
        currentTermEndsOn: addDays(today, 120),
        terminationNoticeDays: 90,
        noticeDueOn: addDays(today, 30),
      }),
    ]);
    expect((await getRadar('?renewalWithinDays=30')).renewalWindow).toEqual([]);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/radar?dormantMonths=0',
      headers: { cookie: editor },
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/radar' })).statusCode).toBe(401);
  });
});
