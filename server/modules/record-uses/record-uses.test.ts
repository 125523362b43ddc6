import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

// What uses a record, listed from the one declared list of references; and replacing a record by
// another: every use moves in one audited transaction, then the original is deleted.

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

async function send(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: Record<string, unknown>,
) {
  const response = await t.app.inject({ method, url, headers: { cookie: editor }, payload });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

async function create(collection: string, payload: Record<string, unknown>): Promise<string> {
  const { status, body } = await send('POST', `/api/v1/${collection}`, payload);
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id;
}

type Use = { collection: string; id: string; label: string; field: string };
const keys = (uses: Use[]) => uses.map((use) => `${use.collection}.${use.field}:${use.id}`).sort();

describe('an organisation used in many places', () => {
  let original: string;
  let replacement: string;
  let commitment: string;
  let person: string;
  let agreement: string;
  let event: string;
  let user: string;
  let child: string;

  beforeAll(async () => {
    original = await create('organisations', { nameVi: 'Vụ Hợp tác quốc tế', kind: 'department' });
    replacement = await create('organisations', { nameVi: 'Vụ Hợp tác Quốc tế (mới)', kind: 'department' });
    child = await create('organisations', { nameVi: 'Phòng Đa phương', kind: 'other', parentId: original });
    commitment = await create('commitments', {
      text: 'Cử chuyên gia',
      vnOwnerIds: [original, replacement],
      partnerOwnerIds: [original],
    });
    person = await create('people', {
      name: 'Nguyễn Văn An',
      positions: [{ title: 'Vụ trưởng', organisationId: original }],
    });
    agreement = await create('agreements', {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ Y tế',
      status: 'proposed',
      signingUnitId: original,
    });
    event = await create('events', {
      kind: 'talks',
      title: 'Hội đàm',
      participants: [{ personId: person, organisationId: original }],
    });
    const admin = (await t.signIn('admin')).cookie;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        email: 'htqt@unit.test',
        password: 'correct horse battery',
        role: 'unit',
        organisationId: original,
      },
    });
    expect(created.statusCode).toBe(201);
    user = created.json().id;
  });

  it('lists every record that points at it, with a label and the field', async () => {
    const { status, body } = await send('GET', `/api/v1/organisations/${original}/uses`);
    expect(status).toBe(200);
    expect(body.isCapped).toBe(false);
    expect(keys(body.items)).toEqual(
      [
        `agreements.signingUnitId:${agreement}`,
        `commitments.partnerOwnerIds:${commitment}`,
        `commitments.vnOwnerIds:${commitment}`,
        `events.participants:${event}`,
        `organisations.parentId:${child}`,
        `people.positions:${person}`,
        `users.organisationId:${user}`,
      ].sort(),
    );
    expect(body.items).toContainEqual({
      collection: 'users',
      id: user,
      label: 'htqt@unit.test',
      field: 'organisationId',
    });
    const refused = await send('DELETE', `/api/v1/organisations/${original}?version=1`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('record.in_use');
    expect(keys(refused.body.uses)).toEqual(keys(body.items));
  });

  it('refuses a replacement that is the record itself or does not exist, changing nothing', async () => {
    const self = await send('POST', `/api/v1/organisations/${original}/replace`, { replacementId: original });
    expect(self.status).toBe(400);
    const missing = await send('POST', `/api/v1/organisations/${original}/replace`, {
      replacementId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.status).toBe(422);
    const stale = await send('POST', `/api/v1/organisations/${original}/replace`, {
      replacementId: replacement,
      version: 7,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version.conflict');
    expect((await send('GET', `/api/v1/organisations/${original}/uses`)).body.items).toHaveLength(7);
  });

  it('moves every use to the replacement in one audited transaction and deletes the original', async () => {
    const replaced = await send('POST', `/api/v1/organisations/${original}/replace`, {
      replacementId: replacement,
      version: 1,
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body.moved).toHaveLength(7);
    expect((await send('GET', `/api/v1/organisations/${original}`)).status).toBe(404);

    const movedCommitment = (await send('GET', `/api/v1/commitments/${commitment}`)).body;
    expect(movedCommitment.vnOwnerIds).toEqual([replacement]);
    expect(movedCommitment.partnerOwnerIds).toEqual([replacement]);
    expect(movedCommitment.version).toBe(3);
    expect((await send('GET', `/api/v1/people/${person}`)).body.positions[0].organisationId).toBe(
      replacement,
    );
    expect((await send('GET', `/api/v1/agreements/${agreement}`)).body.signingUnitId).toBe(replacement);
    expect((await send('GET', `/api/v1/events/${event}`)).body.participants[0].organisationId).toBe(
      replacement,
    );
    expect((await send('GET', `/api/v1/organisations/${child}`)).body.parentId).toBe(replacement);
    const uses = (await send('GET', `/api/v1/organisations/${replacement}/uses`)).body.items as Use[];
    expect(uses.some((use) => use.collection === 'users' && use.id === user)).toBe(true);

    const admin = (await t.signIn('admin')).cookie;
    const audit = async (query: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/v1/audit?${query}`, headers: { cookie: admin } })
      ).json().items as { action: string }[];
    expect(
      (await audit(`recordType=organisation&recordId=${original}`)).map((entry) => entry.action),
    ).toContain('delete');
    expect((await audit(`recordType=user&recordId=${user}`)).map((entry) => entry.action)).toContain(
      'update',
    );
    expect((await audit(`recordType=agreement&recordId=${agreement}`)).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['create', 'update']),
    );
  });
});

describe('replacing people and areas', () => {
  it('merges the participations of two people at one event into one', async () => {
    const a = await create('people', { name: 'Vladimir Borovikov' });
    const b = await create('people', { name: 'Uladzimir Baravikou' });
    const both = await create('events', {
      kind: 'visit',
      title: 'Chuyến thăm',
      participants: [
        { personId: a, role: 'chair' },
        { personId: b, role: 'attendee' },
      ],
    });
    const only = await create('events', { kind: 'talks', title: 'Hội đàm', participants: [{ personId: a }] });
    const replaced = await send('POST', `/api/v1/people/${a}/replace`, { replacementId: b });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const bothAfter = (await send('GET', `/api/v1/events/${both}`)).body;
    expect(bothAfter.participants.map((p: { personId: string }) => p.personId)).toEqual([b]);
    expect((await send('GET', `/api/v1/events/${only}`)).body.participants[0].personId).toBe(b);
    expect((await send('GET', `/api/v1/people/${a}`)).status).toBe(404);
  });

  it('replaces an area that sits above its replacement without making it its own parent', async () => {
    await create('areas', { id: 'old_area', labelVi: 'Lĩnh vực cũ', labelEn: 'Old area' });
    await create('areas', {
      id: 'new_area',
      labelVi: 'Lĩnh vực mới',
      labelEn: 'New area',
      parentId: 'old_area',
    });
    const agreement = await create('agreements', {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ',
      status: 'proposed',
      areaIds: ['old_area', 'new_area'],
    });
    const replaced = await send('POST', '/api/v1/areas/old_area/replace', { replacementId: 'new_area' });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect((await send('GET', '/api/v1/areas/new_area')).body.parentId).toBeNull();
    expect((await send('GET', `/api/v1/agreements/${agreement}`)).body.areaIds).toEqual(['new_area']);
    expect((await send('GET', '/api/v1/areas/old_area')).status).toBe(404);
  });

  it('answers 404 for the uses of a record that does not exist', async () => {
    const { status } = await send('GET', '/api/v1/partners/00000000-0000-4000-8000-000000000000/uses');
    expect(status).toBe(404);
  });
});
