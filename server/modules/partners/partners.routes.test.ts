import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;
let viewer: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
  viewer = (await t.signIn('viewer')).cookie;
});
afterAll(() => t.close());

describe('partners API', () => {
  it('creates a country partner with names from the ISO list', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload: { kind: 'country', code: 'by' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: 'BY', nameEn: 'Belarus', version: 1 });
  });

  it('refuses a country code that is not ISO 3166-1', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload: { kind: 'country', code: 'XQ' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toContain('XQ');
  });

  it('refuses unknown fields with the field named', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload: { kind: 'country', code: 'RU', colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('colour');
  });

  it('refuses a second partner with the same code', async () => {
    const payload = {
      kind: 'organisation',
      code: 'WHO',
      nameVi: 'Tổ chức Y tế Thế giới',
      nameEn: 'World Health Organization',
    };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload,
    });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload,
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(409);
  });

  it('lets a viewer read but not write', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/partners', headers: { cookie: viewer } });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(2);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: viewer },
      payload: { kind: 'country', code: 'JP' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('refuses anonymous reads of the workspace API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/partners' });
    expect(response.statusCode).toBe(401);
  });
});

describe('partner overview', () => {
  it('answers the newest of each kind with the count of all, and the people met once each', async () => {
    const post = async (url: string, payload: Record<string, unknown>) => {
      const response = await t.app.inject({ method: 'POST', url, headers: { cookie: editor }, payload });
      expect(response.statusCode, `${url} ${response.body}`).toBe(201);
      return response.json() as { id: string };
    };
    const partner = await post('/api/v1/partners', { kind: 'country', code: 'KR' });
    const signed: string[] = [];
    for (const year of [2019, 2021, 2023]) {
      const agreement = await post('/api/v1/agreements', {
        kind: 'mou',
        titleVi: `Bản ghi nhớ ${year}`,
        status: 'signed',
        signedOn: `${year}-05-01`,
        partyIds: [partner.id],
        areaIds: year === 2019 ? ['oncology'] : ['oncology', 'traditional_medicine'],
      });
      signed.push(agreement.id);
    }
    // Open commitments of the partner's agreements count; a done one and another partner's do not.
    const other = await post('/api/v1/partners', { kind: 'country', code: 'JP' });
    const othersAgreement = await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ khác',
      status: 'signed',
      partyIds: [other.id],
    });
    await post('/api/v1/commitments', {
      text: 'Đào tạo 20 bác sĩ',
      agreementId: signed[0],
      dueOn: '2025-12-31',
    });
    await post('/api/v1/commitments', {
      text: 'Trao đổi chuyên gia',
      agreementId: signed[2],
      dueOn: '2025-06-30',
    });
    await post('/api/v1/commitments', { text: 'Đã xong', agreementId: signed[1], status: 'done' });
    await post('/api/v1/commitments', { text: 'Của đối tác khác', agreementId: othersAgreement.id });
    const person = await post('/api/v1/people', { name: 'Kim Min-jun', countryCode: 'KR' });
    for (const day of ['2024-01-10', '2024-06-10']) {
      await post('/api/v1/events', {
        kind: 'talks',
        title: `Hội đàm ${day}`,
        startOn: day,
        partnerIds: [partner.id],
        participants: [{ personId: person.id }],
      });
    }
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/partners/${partner.id}/overview?limit=2`,
      headers: { cookie: viewer },
    });
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json();
    expect(overview.agreements.map((a: { titleVi: string }) => a.titleVi)).toEqual([
      'Bản ghi nhớ 2023',
      'Bản ghi nhớ 2021',
    ]);
    expect(overview.events.map((e: { title: string }) => e.title)).toEqual([
      'Hội đàm 2024-06-10',
      'Hội đàm 2024-01-10',
    ]);
    expect(overview.counts).toEqual({ agreements: 3, events: 2, peopleMet: 1, openCommitments: 2 });
    // Soonest due first.
    expect(overview.openCommitments.map((c: { text: string }) => c.text)).toEqual([
      'Trao đổi chuyên gia',
      'Đào tạo 20 bác sĩ',
    ]);
    expect(overview.peopleMet).toEqual([
      expect.objectContaining({ name: 'Kim Min-jun', on: '2024-06-10', eventTitle: 'Hội đàm 2024-06-10' }),
    ]);
    expect(overview.areas.map((a: { id: string; count: number }) => [a.id, a.count])).toEqual([
      ['oncology', 3],
      ['traditional_medicine', 2],
    ]);
  });
});
