import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaOverview, Dashboard, PublicDashboard } from '../../../common/contracts/dashboard.ts';
import { addDays, addMonths, todayInVietNam } from '../../../common/domain/calendar.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;
let viewer: string;
const today = todayInVietNam();
const ids: Record<string, string> = {};

async function post(url: string, payload: Record<string, unknown>): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url, headers: { cookie: editor }, payload });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

async function get<T>(url: string, cookie?: string): Promise<T> {
  const response = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

// Belarus: one agreement in force (published) and one whose term lapsed, a recent meeting
// (published) and an old one in a sub-area; Russia: the lapsed agreement, one under negotiation,
// an old visit and a meeting last year; WHO: a signed letter of intent, in no area; Laos: nothing.
beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
  viewer = (await t.signIn('viewer')).cookie;
  ids.by = await post('/api/v1/partners', { kind: 'country', code: 'BY', nameVi: 'Belarus' });
  ids.ru = await post('/api/v1/partners', { kind: 'country', code: 'RU', nameVi: 'Nga' });
  ids.who = await post('/api/v1/partners', { kind: 'organisation', code: 'WHO', nameVi: 'WHO' });
  ids.la = await post('/api/v1/partners', { kind: 'country', code: 'LA', nameVi: 'Lào' });
  ids.vn = await post('/api/v1/partners', { kind: 'country', code: 'VN', nameVi: 'Việt Nam' });
  ids.unit = await post('/api/v1/organisations', {
    nameVi: 'Cục Khoa học',
    kind: 'department',
    countryCode: 'VN',
  });
  ids.person = await post('/api/v1/people', { name: 'Ivan Petrov', countryCode: 'BY' });
  await post('/api/v1/areas', {
    id: 'dash_child',
    labelVi: 'Y học hạt nhân',
    labelEn: 'Nuclear',
    parentId: 'research',
  });
  ids.a1 = await post('/api/v1/agreements', {
    kind: 'mou',
    titleVi: 'Bản ghi nhớ Việt Nam – Belarus',
    status: 'in_force',
    signedOn: '2024-10-08',
    partyIds: [ids.vn, ids.by],
    areaIds: ['research', 'training'],
    isPublished: true,
  });
  ids.a2 = await post('/api/v1/agreements', {
    kind: 'mou',
    titleVi: 'Bản ghi nhớ cũ',
    status: 'in_force',
    signedOn: '2019-05-01',
    validFrom: '2019-05-01',
    validTo: '2021-05-01',
    partyIds: [ids.by, ids.ru],
    areaIds: ['research'],
  });
  ids.a3 = await post('/api/v1/agreements', {
    kind: 'agreement',
    titleVi: 'Hiệp định đang đàm phán',
    status: 'negotiating',
    partyIds: [ids.ru],
    areaIds: ['training'],
  });
  ids.a5 = await post('/api/v1/agreements', {
    kind: 'letter_of_intent',
    titleVi: 'Thư ý định với WHO',
    status: 'signed',
    partyIds: [ids.who],
  });
  ids.e1 = await post('/api/v1/events', {
    kind: 'talks',
    title: 'Hội đàm với Belarus',
    startOn: addDays(today, -30),
    partnerIds: [ids.by],
    areaIds: ['research'],
    isPublished: true,
  });
  ids.e2 = await post('/api/v1/events', {
    kind: 'visit',
    title: 'Thăm Nga',
    startOn: addMonths(today, -36),
    partnerIds: [ids.ru],
    areaIds: ['training'],
  });
  ids.e3 = await post('/api/v1/events', {
    kind: 'conference',
    title: 'Hội thảo Việt – Nga',
    startOn: addMonths(today, -12),
    partnerIds: [ids.ru],
    areaIds: ['research'],
  });
  ids.e4 = await post('/api/v1/events', {
    kind: 'working_session',
    title: 'Làm việc về y học hạt nhân',
    startOn: addMonths(today, -60),
    partnerIds: [ids.by],
    areaIds: ['dash_child'],
    participants: [{ personId: ids.person, role: 'attendee' }],
  });
  ids.c1 = await post('/api/v1/commitments', {
    text: 'Phối hợp nghiên cứu',
    agreementId: ids.a1,
    areaIds: ['research'],
    vnOwnerIds: [ids.unit],
    dueOn: addDays(today, -10),
    status: 'agreed',
  });
  ids.c2 = await post('/api/v1/commitments', {
    text: 'Tổ chức hội thảo',
    eventId: ids.e3,
    areaIds: ['research'],
    vnOwnerIds: [ids.unit],
    status: 'done',
  });
  ids.c3 = await post('/api/v1/commitments', {
    text: 'Đào tạo bác sĩ',
    agreementId: ids.a1,
    areaIds: ['training'],
    status: 'in_progress',
  });
});
afterAll(() => t.close());

describe('the dashboard', () => {
  it('counts agreements in force (not a lapsed term) and events of the last two years per partner', async () => {
    const figures = await get<Dashboard>('/api/v1/dashboard', viewer);
    const byCode = Object.fromEntries(figures.partners.map((partner) => [partner.code, partner]));
    expect(byCode.BY).toMatchObject({ agreementsInForce: 1, recentEvents: 1, numericCode: '112' });
    expect(byCode.RU).toMatchObject({ agreementsInForce: 0, recentEvents: 1, numericCode: '643' });
    expect(byCode.WHO).toMatchObject({ agreementsInForce: 1, recentEvents: 0, numericCode: null });
    expect(byCode.LA).toBeUndefined();
    // Viet Nam signs every agreement; it is no partner of its own.
    expect(byCode.VN).toBeUndefined();
  });

  it('fills the area × partner matrix with agreements, events and open commitments', async () => {
    const { matrix } = await get<Dashboard>('/api/v1/dashboard', viewer);
    const cell = (area: string, partner: string | undefined) =>
      matrix.cells.find((item) => item.areaId === area && item.partnerId === partner);
    expect(cell('research', ids.by)).toMatchObject({ agreements: 2, events: 1, openCommitments: 1 });
    expect(cell('training', ids.by)).toMatchObject({ agreements: 1, events: 0, openCommitments: 1 });
    expect(cell('research', ids.ru)).toMatchObject({ agreements: 1, events: 1, openCommitments: 0 });
    expect(cell('training', ids.ru)).toMatchObject({ agreements: 1, events: 1, openCommitments: 0 });
    expect(cell('dash_child', ids.by)).toMatchObject({ agreements: 0, events: 1, openCommitments: 0 });
    expect(matrix.cells).toHaveLength(5);
    expect(matrix.partners.map((partner) => partner.code).sort()).toEqual(['BY', 'RU']);
    expect(matrix.areas.map((area) => area.id)).toContain('dash_child');
  });

  it('counts agreements by the status people read and kind, and signings per year', async () => {
    const figures = await get<Dashboard>('/api/v1/dashboard', viewer);
    expect(figures.agreementsByStatusAndKind).toEqual([
      { status: 'expired', kind: 'mou', count: 1 },
      { status: 'in_force', kind: 'mou', count: 1 },
      { status: 'negotiating', kind: 'agreement', count: 1 },
      { status: 'signed', kind: 'letter_of_intent', count: 1 },
    ]);
    expect(figures.signingsPerYear).toEqual([
      { year: 2019, count: 1 },
      { year: 2024, count: 1 },
    ]);
  });

  it('counts commitments by status and by owner unit, overdue ones apart', async () => {
    const figures = await get<Dashboard>('/api/v1/dashboard', viewer);
    expect(figures.commitmentsByStatus).toEqual([
      { status: 'agreed', count: 1 },
      { status: 'done', count: 1 },
      { status: 'in_progress', count: 1 },
    ]);
    expect(figures.commitmentsByOwner).toEqual([
      {
        organisationId: ids.unit,
        nameVi: 'Cục Khoa học',
        nameEn: 'Cục Khoa học',
        open: 1,
        overdue: 1,
        closed: 1,
      },
      { organisationId: null, nameVi: '', nameEn: '', open: 1, overdue: 0, closed: 0 },
    ]);
  });

  it('narrows the timeline by partner, area, kind and year, newest first', async () => {
    const all = await get<Dashboard>('/api/v1/dashboard', viewer);
    expect(all.timelineTotal).toBe(6);
    expect(all.timeline.map((entry) => entry.id)).toEqual([ids.e1, ids.e3, ids.a1, ids.e2, ids.e4, ids.a2]);
    const russia = await get<Dashboard>(`/api/v1/dashboard?partnerId=${ids.ru}`, viewer);
    expect(russia.timeline.map((entry) => entry.id).sort()).toEqual([ids.a2, ids.e2, ids.e3].sort());
    const talks = await get<Dashboard>('/api/v1/dashboard?kind=talks', viewer);
    expect(talks.timeline.map((entry) => entry.id)).toEqual([ids.e1]);
    const in2019 = await get<Dashboard>('/api/v1/dashboard?year=2019', viewer);
    expect(in2019.timeline).toMatchObject([{ id: ids.a2, entry: 'signing', on: '2019-05-01' }]);
    const training = await get<Dashboard>('/api/v1/dashboard?areaId=training', viewer);
    expect(training.timeline.map((entry) => entry.id)).toEqual([ids.a1, ids.e2]);
    expect(training.timelineTotal).toBe(2);
  });

  it('refuses an unknown kind and anonymous callers', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/dashboard?kind=party',
      headers: { cookie: viewer },
    });
    expect(bad.statusCode).toBe(400);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the public dashboard', () => {
  it('shows published agreements and events only, and no commitments', async () => {
    const figures = await get<PublicDashboard & Partial<Dashboard>>('/api/public/dashboard');
    expect(
      figures.partners.map((partner) => [partner.code, partner.agreementsInForce, partner.recentEvents]),
    ).toEqual([['BY', 1, 1]]);
    expect(figures.timeline.map((entry) => entry.id)).toEqual([ids.e1, ids.a1]);
    expect(figures.timelineTotal).toBe(2);
    expect(figures.matrix.cells).toEqual(
      expect.arrayContaining([
        { areaId: 'research', partnerId: ids.by, agreements: 1, events: 1 },
        { areaId: 'training', partnerId: ids.by, agreements: 1, events: 0 },
      ]),
    );
    expect(figures.matrix.cells).toHaveLength(2);
    expect(figures.agreementsByStatusAndKind).toEqual([{ status: 'in_force', kind: 'mou', count: 1 }]);
    expect(figures.commitmentsByStatus).toBeUndefined();
    expect(figures.commitmentsByOwner).toBeUndefined();
    expect(JSON.stringify(figures)).not.toContain('Nga');
  });
});

describe('the area page', () => {
  it('gathers the records of an area and its sub-areas, whoever the partner', async () => {
    const overview = await get<AreaOverview>('/api/v1/areas/research/overview', viewer);
    expect(overview.descendants.map((area) => area.id)).toEqual(['dash_child']);
    expect(overview.agreements.map((item) => item.id)).toEqual([ids.a1, ids.a2]);
    expect(overview.agreements.map((item) => item.status)).toEqual(['in_force', 'expired']);
    expect(overview.events.map((item) => item.id)).toEqual([ids.e1, ids.e3, ids.e4]);
    expect(overview.commitments.map((item) => [item.id, item.isOverdue])).toEqual([
      [ids.c1, true],
      [ids.c2, false],
    ]);
    expect(overview.people.map((person) => person.name)).toEqual(['Ivan Petrov']);
    expect(overview.partners.map((partner) => partner.code).sort()).toEqual(['BY', 'RU', 'VN']);
    expect(overview.totals).toEqual({ agreements: 2, events: 3, commitments: 2, people: 1 });
  });

  it('lists a leaf area alone and answers 404 for an unknown one', async () => {
    const leaf = await get<AreaOverview>('/api/v1/areas/dash_child/overview', viewer);
    expect(leaf.totals).toEqual({ agreements: 0, events: 1, commitments: 0, people: 1 });
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/areas/no_such_area/overview',
      headers: { cookie: viewer },
    });
    expect(missing.statusCode).toBe(404);
  });
});
