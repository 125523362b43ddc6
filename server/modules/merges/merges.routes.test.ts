import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { findAuditMismatches, findDanglingReferences } from '../../test-consistency.ts';
import { auditLog } from '../audit/audit.table.ts';
import { provenanceSpans } from '../sources/sources.table.ts';
import { createMergesService } from './merges.service.ts';

let t: TestApp;
let editor: string;
let viewer: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
  viewer = (await t.signIn('viewer')).cookie;
});
afterAll(() => t.close());

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, cookie = editor) {
  const response = await t.app.inject({ method, url, payload: payload as never, headers: { cookie } });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

async function create(path: string, payload: Record<string, unknown>) {
  const { status, body } = await call('POST', `/api/v1/${path}`, payload);
  expect(status, JSON.stringify(body)).toBe(201);
  return body as { id: string; version: number } & Record<string, unknown>;
}

async function expectConsistent() {
  expect(await findAuditMismatches(t.database.db)).toEqual([]);
  expect(await findDanglingReferences(t.database.db)).toEqual([]);
}

/** Every table a merge touches, as text: equal snapshots mean nothing changed. */
async function snapshot() {
  const tables = [
    'people',
    'positions',
    'organisations',
    'event_participants',
    'events',
    'commitments',
    'users',
    'agreements',
    'provenance_spans',
    'merges',
  ];
  const rows: Record<string, unknown> = {};
  for (const table of tables) {
    const result = await t.database.db.execute(sql.raw(`select * from ${table} order by 1, 2`));
    rows[table] = JSON.stringify((result as unknown as { rows: unknown[] }).rows);
  }
  rows.audit = (await t.database.db.select().from(auditLog).orderBy(asc(auditLog.id))).length;
  return rows;
}

async function eventsOf(personId: string): Promise<string[]> {
  const { body } = await call('GET', `/api/v1/events?personId=${personId}&pageSize=50`);
  return body.items.map((event: { title: string }) => event.title).sort();
}

async function seedPeople() {
  const ministry = await create('organisations', {
    nameVi: 'Bộ Ngoại giao Belarus',
    kind: 'ministry',
    countryCode: 'BY',
  });
  const baravikou = await create('people', { name: 'Uladzimir Baravikou', countryCode: 'BY' });
  const borovikov = await create('people', {
    name: 'Vladimir Borovikov',
    countryCode: 'BY',
    positions: [{ title: 'Đại sứ', organisationId: ministry.id }],
  });
  const talks = await create('events', {
    kind: 'talks',
    title: 'Hội đàm với Đại sứ Borovikov',
    participants: [{ personId: borovikov.id, role: 'attendee' }],
  });
  await create('events', {
    kind: 'courtesy_call',
    title: 'Tiếp Đại sứ Baravikou',
    participants: [{ personId: baravikou.id, role: 'attendee' }],
  });
  const both = await create('events', {
    kind: 'conference',
    title: 'Lễ kỷ niệm có cả hai',
    participants: [
      { personId: baravikou.id, role: 'attendee' },
      { personId: borovikov.id, role: 'attendee' },
    ],
  });
  // Each test builds this fixture again over one database: the same article, registered knowingly.
  const source = await create('sources', {
    text: 'Bộ Y tế tiếp Đại sứ Vladimir Borovikov.',
    allowDuplicate: true,
  });
  await t.database.db.insert(provenanceSpans).values({
    sourceId: source.id,
    recordType: 'person',
    recordId: borovikov.id,
    start: 20,
    end: 38,
  });
  return { ministry, baravikou, borovikov, talks, both };
}

describe('merging people', () => {
  it('suggests two spellings of one ambassador, merges them into one with both events, and undoes it', async () => {
    const seeded = await seedPeople();
    const { baravikou, borovikov } = seeded;

    const duplicates = await call('GET', '/api/v1/duplicates?collection=people');
    expect(duplicates.status).toBe(200);
    const pair = duplicates.body.items.find(
      (item: { first: { id: string }; second: { id: string } }) =>
        [item.first.id, item.second.id].sort().join() === [baravikou.id, borovikov.id].sort().join(),
    );
    expect(pair.reasons).toEqual(['transliteration', 'same_country']);

    const before = await snapshot();
    const merged = await call('POST', '/api/v1/people/merge', {
      survivorId: baravikou.id,
      mergedIds: [borovikov.id],
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({
      collection: 'people',
      survivorId: baravikou.id,
      mergedNames: ['Vladimir Borovikov'],
      undoneAt: null,
    });

    expect((await call('GET', `/api/v1/people/${borovikov.id}`)).status).toBe(404);
    const survivor = (await call('GET', `/api/v1/people/${baravikou.id}`)).body;
    expect(survivor.aliases).toEqual(['Vladimir Borovikov']);
    expect(survivor.positions.map((position: { title: string }) => position.title)).toEqual(['Đại sứ']);
    expect(await eventsOf(baravikou.id)).toEqual([
      'Hội đàm với Đại sứ Borovikov',
      'Lễ kỷ niệm có cả hai',
      'Tiếp Đại sứ Baravikou',
    ]);
    const both = (await call('GET', `/api/v1/events/${seeded.both.id}`)).body;
    expect(both.participants.map((p: { personId: string }) => p.personId)).toEqual([baravikou.id]);
    // Found by the merged name, in lists and in the review's matching.
    expect(
      (await call('GET', '/api/v1/people?q=borovikov')).body.items.map((p: { id: string }) => p.id),
    ).toEqual([baravikou.id]);
    const matches = (await call('GET', '/api/v1/people/matches?name=Vladimir%20Borovikov&countryCode=BY'))
      .body;
    expect(matches.items[0].person.id).toBe(baravikou.id);
    const audit = (await call('GET', `/api/v1/audit?recordType=person&recordId=${borovikov.id}`)).body;
    expect(audit.items[0]).toMatchObject({ action: 'delete' });
    expect(audit.items[0].before.name).toBe('Vladimir Borovikov');
    await expectConsistent();

    const list = (await call('GET', '/api/v1/merges?collection=people')).body;
    expect(list.items[0]).toMatchObject({ id: merged.body.id, movedLinks: 4 });

    const undone = await call('POST', `/api/v1/merges/${merged.body.id}/undo`);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.undoneAt).not.toBeNull();
    expect(await eventsOf(borovikov.id)).toEqual(['Hội đàm với Đại sứ Borovikov', 'Lễ kỷ niệm có cả hai']);
    expect(await eventsOf(baravikou.id)).toEqual(['Lễ kỷ niệm có cả hai', 'Tiếp Đại sứ Baravikou']);
    const restored = (await call('GET', `/api/v1/people/${borovikov.id}`)).body;
    expect(restored.positions.map((position: { title: string }) => position.title)).toEqual(['Đại sứ']);
    expect((await call('GET', `/api/v1/people/${baravikou.id}`)).body.aliases).toEqual([]);
    const after = await snapshot();
    // The same rows as before the merge, but for versions, times, audit rows and the merge itself.
    const stable = (rows: string) =>
      rows.replace(/"(version|updated_at)":[^,}]+/g, '').replace(/"undone_at":[^,}]+/g, '');
    for (const table of ['people', 'positions', 'event_participants', 'provenance_spans'])
      expect(stable(after[table] as string), table).toBe(stable(before[table] as string));
    await expectConsistent();

    expect((await call('POST', `/api/v1/merges/${merged.body.id}/undo`)).status).toBe(409);
  });

  it('refuses a merge naming the survivor among the merged, a missing record, and callers below editor', async () => {
    const person = await create('people', { name: 'Nguyễn Văn Thử' });
    const other = await create('people', { name: 'Nguyen Van Thu' });
    expect(
      (await call('POST', '/api/v1/people/merge', { survivorId: person.id, mergedIds: [person.id] })).status,
    ).toBe(400);
    expect(
      (
        await call('POST', '/api/v1/people/merge', {
          survivorId: person.id,
          mergedIds: [crypto.randomUUID()],
        })
      ).status,
    ).toBe(404);
    expect(
      (await call('POST', '/api/v1/people/merge', { survivorId: person.id, mergedIds: [other.id] }, viewer))
        .status,
    ).toBe(403);
    expect((await call('GET', `/api/v1/people/${other.id}`)).status).toBe(200);
  });

  it('hides a dismissed pair from the suggestions', async () => {
    const first = await create('people', { name: 'Trần Thị Dismiss', countryCode: 'VN' });
    const second = await create('people', { name: 'Dismiss Tran Thi', countryCode: 'VN' });
    const names = async () =>
      (await call('GET', '/api/v1/duplicates?collection=people')).body.items.flatMap(
        (item: { first: { id: string }; second: { id: string } }) => [item.first.id, item.second.id],
      );
    expect(await names()).toContain(first.id);
    const dismissed = await call('POST', '/api/v1/duplicates/dismissals', {
      collection: 'people',
      ids: [second.id, first.id],
    });
    expect(dismissed.status).toBe(204);
    expect(await names()).not.toContain(first.id);
    expect(
      (
        await call('POST', '/api/v1/duplicates/dismissals', {
          collection: 'people',
          ids: [first.id, second.id],
        })
      ).status,
    ).toBe(204);
  });
});

describe('merging organisations', () => {
  it('moves owners, accounts, signing units, positions and children to the survivor, and back on undo', async () => {
    const survivor = await create('organisations', {
      nameVi: 'Cục Hợp tác quốc tế',
      kind: 'department',
      countryCode: 'VN',
    });
    const merged = await create('organisations', {
      nameVi: 'Vụ Hợp tác quốc tế',
      kind: 'department',
      countryCode: 'VN',
    });
    const unit = await create('organisations', {
      nameVi: 'Phòng Đa phương',
      kind: 'department',
      countryCode: 'VN',
      parentId: merged.id,
    });
    const commitment = await create('commitments', {
      text: 'Cam kết của Vụ',
      vnOwnerIds: [merged.id, survivor.id],
    });
    const agreement = await create('agreements', {
      kind: 'mou',
      titleVi: 'Biên bản ghi nhớ do Vụ ký',
      status: 'proposed',
      signingUnitId: merged.id,
    });
    const person = await create('people', {
      name: 'Lê Văn Vụ',
      positions: [{ title: 'Vụ trưởng', organisationId: merged.id }],
    });
    const account = await t.signIn('unit', merged.id);

    const response = await call('POST', '/api/v1/organisations/merge', {
      survivorId: survivor.id,
      mergedIds: [merged.id],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((await call('GET', `/api/v1/commitments/${commitment.id}`)).body.vnOwnerIds).toEqual([
      survivor.id,
    ]);
    expect((await call('GET', `/api/v1/agreements/${agreement.id}`)).body.signingUnitId).toBe(survivor.id);
    expect((await call('GET', `/api/v1/organisations/${unit.id}`)).body.parentId).toBe(survivor.id);
    expect((await call('GET', `/api/v1/people/${person.id}`)).body.positions[0].organisationId).toBe(
      survivor.id,
    );
    expect((await call('GET', '/api/v1/me', undefined, account.cookie)).body.organisationId).toBe(
      survivor.id,
    );
    expect((await call('GET', `/api/v1/organisations/${survivor.id}`)).body.aliases).toEqual([
      'Vụ Hợp tác quốc tế',
    ]);
    await expectConsistent();

    expect((await call('POST', `/api/v1/merges/${response.body.id}/undo`)).status).toBe(200);
    expect((await call('GET', `/api/v1/commitments/${commitment.id}`)).body.vnOwnerIds).toEqual([
      survivor.id,
      merged.id,
    ]);
    expect((await call('GET', `/api/v1/agreements/${agreement.id}`)).body.signingUnitId).toBe(merged.id);
    expect((await call('GET', `/api/v1/organisations/${unit.id}`)).body.parentId).toBe(merged.id);
    expect((await call('GET', `/api/v1/people/${person.id}`)).body.positions[0].organisationId).toBe(
      merged.id,
    );
    expect((await call('GET', '/api/v1/me', undefined, account.cookie)).body.organisationId).toBe(merged.id);
    await expectConsistent();
  });

  it('shows what a predecessor owns under its successor, and takes the old name for the successor', async () => {
    const successor = await create('organisations', {
      nameVi: 'Cục Khoa học, Công nghệ và Đào tạo',
      kind: 'department',
      countryCode: 'VN',
    });
    const predecessor = await create('organisations', {
      nameVi: 'Cục Khoa học Công nghệ cũ',
      kind: 'department',
      countryCode: 'VN',
      successorId: successor.id,
      lineageKind: 'merged_into',
      lineageFrom: '2025-03-01',
    });
    const commitment = await create('commitments', {
      text: 'Cam kết trước sắp xếp',
      vnOwnerIds: [predecessor.id],
    });
    const owned = (await call('GET', `/api/v1/commitments?ownerId=${successor.id}`)).body.items;
    expect(owned.map((item: { id: string }) => item.id)).toEqual([commitment.id]);
    const agreement = await create('agreements', {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ ký trước sắp xếp',
      status: 'proposed',
      signingUnitId: predecessor.id,
    });
    const signed = (await call('GET', `/api/v1/agreements?signingUnitId=${successor.id}`)).body.items;
    expect(signed.map((item: { id: string }) => item.id)).toEqual([agreement.id]);
    const staff = await create('people', {
      name: 'Phạm Văn Cũ',
      positions: [{ title: 'Cục trưởng', organisationId: predecessor.id }],
    });
    const people = (await call('GET', `/api/v1/people?organisationId=${successor.id}`)).body.items;
    expect(people.map((item: { id: string }) => item.id)).toEqual([staff.id]);
    const cycle = await call('PATCH', `/api/v1/organisations/${successor.id}`, {
      version: successor.version,
      successorId: predecessor.id,
      lineageKind: 'renamed_to',
    });
    expect(cycle.status).toBe(400);
    const found = await t.database.db.transaction((tx) =>
      t.services.organisations.ensureByName(tx, 'Cục Khoa học Công nghệ cũ', 'VN', {
        userId: null,
        email: 'test',
      }),
    );
    expect(found.id).toBe(successor.id);
  });
});

describe('a failure midway', () => {
  for (const step of ['moved', 'deleted'] as const)
    it(`changes nothing when the merge fails after "${step}"`, async () => {
      const { baravikou, borovikov } = await seedPeople();
      const failing = createMergesService({
        db: t.database.db,
        readers: {
          person: t.services.people,
          organisation: t.services.organisations,
          event: t.services.events,
          commitment: t.services.commitments,
          user: t.services.users,
          agreement: t.services.agreements,
        },
        searchTextOf: {
          people: t.services.people.buildSearchText,
          organisations: t.services.organisations.buildSearchText,
        },
        afterStep: (current) => {
          if (current === step) throw new Error(`injected failure after ${step}`);
        },
      });
      const before = await snapshot();
      await expect(
        failing.merge(
          'people',
          { survivorId: baravikou.id, mergedIds: [borovikov.id] },
          { userId: null, email: 'test' },
        ),
      ).rejects.toThrow(/injected failure/);
      expect(await snapshot()).toEqual(before);

      // And an undo failing midway leaves the merge in place.
      const done = await t.services.merges.merge(
        'people',
        { survivorId: baravikou.id, mergedIds: [borovikov.id] },
        { userId: null, email: 'test' },
      );
      const failingUndo = createMergesService({
        db: t.database.db,
        readers: {
          person: t.services.people,
          organisation: t.services.organisations,
          event: t.services.events,
          commitment: t.services.commitments,
          user: t.services.users,
          agreement: t.services.agreements,
        },
        searchTextOf: {
          people: t.services.people.buildSearchText,
          organisations: t.services.organisations.buildSearchText,
        },
        afterStep: (current) => {
          if (current === 'restored') throw new Error('injected failure after restored');
        },
      });
      const merged = await snapshot();
      await expect(failingUndo.undo(done.id, { userId: null, email: 'test' })).rejects.toThrow(/injected/);
      expect(await snapshot()).toEqual(merged);
      await expectConsistent();
    });
});
