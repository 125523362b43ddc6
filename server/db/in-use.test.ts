import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

// A delete that would leave ids pointing at nothing is refused with record.in_use, naming what
// still uses the record; once those uses are gone the delete goes through.

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('admin')).cookie;
});
afterAll(() => t.close());

async function send(method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) {
  const response = await t.app.inject({ method, url, headers: { cookie: admin }, payload });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

async function create(collection: string, payload: Record<string, unknown>): Promise<string> {
  const { status, body } = await send('POST', `/api/v1/${collection}`, payload);
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id;
}

describe('deleting a record others still use', () => {
  it('refuses an organisation that owns commitments, naming them, and deletes it once they are moved', async () => {
    const unit = await create('organisations', { nameVi: 'Cục Quản lý Khám chữa bệnh', kind: 'department' });
    const commitment = await create('commitments', { text: 'Đào tạo 50 bác sĩ', vnOwnerIds: [unit] });
    const refused = await send('DELETE', `/api/v1/organisations/${unit}?version=1`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('record.in_use');
    expect(refused.body.uses).toEqual([
      { collection: 'commitments', id: commitment, label: 'Đào tạo 50 bác sĩ', field: 'vnOwnerIds' },
    ]);
    await send('PATCH', `/api/v1/commitments/${commitment}`, { version: 1, vnOwnerIds: [] });
    expect((await send('DELETE', `/api/v1/organisations/${unit}?version=1`)).status).toBe(204);
  });

  it('refuses an agreement an event lists as its outcome, and an area a source is filed under', async () => {
    const agreement = await create('agreements', { kind: 'mou', titleVi: 'Bản ghi nhớ', status: 'signed' });
    const event = await create('events', { kind: 'signing', title: 'Lễ ký', agreementIds: [agreement] });
    const refusedAgreement = await send('DELETE', `/api/v1/agreements/${agreement}?version=1`);
    expect(refusedAgreement.status).toBe(409);
    expect(refusedAgreement.body.code).toBe('record.in_use');
    await send('PATCH', `/api/v1/events/${event}`, { version: 1, agreementIds: [] });
    expect((await send('DELETE', `/api/v1/agreements/${agreement}?version=1`)).status).toBe(204);

    await create('areas', { id: 'in_use_area', labelVi: 'Lĩnh vực thử', labelEn: 'Test area' });
    const source = await create('sources', { text: 'Bản tin về lĩnh vực thử.' });
    expect(
      (await send('PATCH', `/api/v1/sources/${source}`, { version: 1, areaIds: ['in_use_area'] })).status,
    ).toBe(200);
    const refusedArea = await send('DELETE', '/api/v1/areas/in_use_area?version=1');
    expect(refusedArea.status).toBe(409);
    expect(refusedArea.body.code).toBe('record.in_use');
  });

  it('refuses an area other areas sit under, and deletes it once they are gone', async () => {
    await create('areas', { id: 'parent_area', labelVi: 'Lĩnh vực cha', labelEn: 'Parent area' });
    await create('areas', {
      id: 'child_area',
      labelVi: 'Lĩnh vực con',
      labelEn: 'Child',
      parentId: 'parent_area',
    });
    const refused = await send('DELETE', '/api/v1/areas/parent_area?version=1');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('record.in_use');
    expect((await send('DELETE', '/api/v1/areas/child_area?version=1')).status).toBe(204);
    expect((await send('DELETE', '/api/v1/areas/parent_area?version=1')).status).toBe(204);
  });

  it('refuses an organisation that unit accounts belong to', async () => {
    const unit = await create('organisations', { nameVi: 'Bệnh viện Bạch Mai', kind: 'hospital' });
    const user = await create('users', {
      email: 'unit@bachmai.test',
      password: 'correct horse battery',
      role: 'unit',
      organisationId: unit,
    });
    const refused = await send('DELETE', `/api/v1/organisations/${unit}?version=1`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('1 users.organisationId');
    expect(refused.body.uses).toEqual([
      { collection: 'users', id: user, label: 'unit@bachmai.test', field: 'organisationId' },
    ]);
  });

  it('refuses an accepted source that the records it created cite, and deletes one nobody cites', async () => {
    const cited = await create('sources', { text: 'Hội đàm Việt Nam – Lào ngày 05/06/2025 tại Hà Nội.' });
    const accepted = await send('POST', `/api/v1/sources/${cited}/accept`, {
      version: 1,
      partners: [{ code: 'LA' }],
      events: [{ kind: 'talks', startOn: '2025-06-05' }],
      commitments: [{ text: 'Trao đổi chuyên gia' }],
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const refused = await send('DELETE', `/api/v1/sources/${cited}?version=2`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('record.in_use');
    const fields = refused.body.uses.map(
      (use: { collection: string; field: string }) => `${use.collection}.${use.field}`,
    );
    expect(fields).toContain('events.sourceIds');
    expect(fields).toContain('commitments.sourceId');

    const uncited = await create('sources', { text: 'Một bài báo chưa được duyệt.' });
    expect((await send('DELETE', `/api/v1/sources/${uncited}?version=1`)).status).toBe(204);
  });
});
