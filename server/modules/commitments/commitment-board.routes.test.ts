import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInVietNam } from '../../../common/domain/calendar.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;
let icdId: string;
let drugsId: string;
let belarusId: string;
const today = todayInVietNam();

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
  const post = async (url: string, payload: Record<string, unknown>) =>
    (await t.app.inject({ method: 'POST', url, headers: { cookie: editor }, payload })).json();
  icdId = (
    await post('/api/v1/organisations', {
      nameVi: 'Vụ Hợp tác quốc tế',
      kind: 'department',
      countryCode: 'VN',
    })
  ).id;
  drugsId = (
    await post('/api/v1/organisations', { nameVi: 'Cục Quản lý Dược', kind: 'department', countryCode: 'VN' })
  ).id;
  belarusId = (await post('/api/v1/partners', { kind: 'country', code: 'BY' })).id;
  const vietnamId = (await post('/api/v1/partners', { kind: 'country', code: 'VN' })).id;
  const agreementId = (
    await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'MoU',
      status: 'in_force',
      partyIds: [vietnamId, belarusId],
    })
  ).id;
  const commitment = (payload: Record<string, unknown>) =>
    post('/api/v1/commitments', { agreementId, ...payload });
  await commitment({
    text: 'Đào tạo bác sĩ',
    vnOwnerIds: [icdId],
    dueOn: addDays(today, -10),
    areaIds: ['oncology'],
  });
  await commitment({ text: 'Cấp phép thuốc', vnOwnerIds: [drugsId], dueOn: addDays(today, -1) });
  await commitment({ text: 'Hội thảo chung', vnOwnerIds: [icdId, drugsId], dueOn: addDays(today, 30) });
  await commitment({ text: 'Năm 2020 đã xong', vnOwnerIds: [icdId], horizonYear: 2020, status: 'done' });
  await post('/api/v1/commitments', { text: 'Chưa giao ai' });
});
afterAll(() => t.close());

async function board(query: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/commitments/board?${query}`,
    headers: { cookie: editor },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

type Group = { key: string; label: string; count: number; items: { text: string }[] };
const summary = (groups: Group[]) => groups.map((group) => [group.label, group.count]);

describe('commitments board', () => {
  it('groups by owner unit, largest first and unowned last, a shared commitment under each owner', async () => {
    const result = await board('groupBy=owner');
    expect(summary(result.groups)).toEqual([
      ['Vụ Hợp tác quốc tế', 3],
      ['Cục Quản lý Dược', 2],
      ['Chưa giao đơn vị chủ trì', 1],
    ]);
    expect(result.groups[0].key).toBe(icdId);
    expect(result).toMatchObject({ total: 5, isTruncated: false });
  });

  it('takes the list filters: overdue by owner unit, the horizon year counted as a due day', async () => {
    const result = await board('groupBy=owner&isOverdue=true');
    expect(summary(result.groups)).toEqual([
      ['Cục Quản lý Dược', 1],
      ['Vụ Hợp tác quốc tế', 1],
    ]);
    const due = await board(`groupBy=status&dueFrom=2020-01-01&dueBefore=2020-12-31`);
    expect(summary(due.groups)).toEqual([['done', 1]]);
    expect((await board(`groupBy=owner&ownerId=${drugsId}`)).total).toBe(2);
  });

  it('groups by foreign partner (not Viet Nam itself), by area and by status', async () => {
    const byPartner = await board('groupBy=partner');
    expect(byPartner.groups.map((group: Group) => [group.key, group.count])).toEqual([
      [belarusId, 4],
      ['none', 1],
    ]);
    expect((await board('groupBy=area')).groups[0]).toMatchObject({ key: 'oncology', count: 1 });
    expect(summary((await board('groupBy=status')).groups)).toEqual([
      ['agreed', 4],
      ['done', 1],
    ]);
  });

  it('groups by due month, earliest first, the horizon year counted as its December, undated last', async () => {
    const result = await board('groupBy=month');
    const month = (offset: number) => addDays(today, offset).slice(0, 7);
    const expected = new Map<string, number>([['2020-12', 1]]);
    for (const offset of [-10, -1, 30]) expected.set(month(offset), (expected.get(month(offset)) ?? 0) + 1);
    expect(result.groups.map((group: Group) => [group.key, group.count])).toEqual([
      ...[...expected].sort(([a], [b]) => a.localeCompare(b)),
      ['none', 1],
    ]);
    expect(result.groups[0]).toMatchObject({
      key: '2020-12',
      label: 'Tháng 12/2020',
      labelEn: 'December 2020',
    });
    expect(result.groups.at(-1)).toMatchObject({ label: 'Chưa có hạn', labelEn: 'No due date' });
  });

  it('refuses an unknown grouping with the parameter named', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/commitments/board?groupBy=colour',
      headers: { cookie: editor },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('groupBy');
  });
});
