import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: { cookie: string };
let viewer: { cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  editor = await t.signIn('editor');
  viewer = await t.signIn('viewer');
});
afterAll(() => t.close());

const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('/api/v1/policies', () => {
  it('ships Resolutions 57-NQ/TW and 72-NQ/TW as reference data, found by their number', async () => {
    const response = await send('GET', '/api/v1/policies?q=72-NQ', viewer.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({ number: '72-NQ/TW', issuingBody: 'Bộ Chính trị', issuedOn: '2025-09-09' }),
    ]);
    const all = await send('GET', '/api/v1/policies?sort=number', viewer.cookie);
    expect(all.json().items.map((policy: { number: string }) => policy.number)).toEqual([
      '57-NQ/TW',
      '72-NQ/TW',
    ]);
  });

  it('lets records cite a policy, lists them by it and refuses to delete a cited policy', async () => {
    const created = await send('POST', '/api/v1/policies', editor.cookie, {
      number: '20-NQ/TW',
      title: 'Nghị quyết về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân',
      issuingBody: 'Ban Chấp hành Trung ương',
      issuedOn: '2017-10-25',
    });
    expect(created.statusCode).toBe(201);
    const policy = created.json();
    const duplicate = await send('POST', '/api/v1/policies', editor.cookie, {
      number: '20-nq/tw',
      title: 'Trùng số',
      issuingBody: 'Ban Chấp hành Trung ương',
    });
    expect(duplicate.statusCode).toBe(409);
    expect((await send('POST', '/api/v1/policies', viewer.cookie, { number: 'x' })).statusCode).toBe(403);

    const agreement = await send('POST', '/api/v1/agreements', editor.cookie, {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ về y tế dự phòng',
      status: 'proposed',
      policyIds: [policy.id],
    });
    expect(agreement.json().policyIds).toEqual([policy.id]);
    const event = await send('POST', '/api/v1/events', editor.cookie, {
      kind: 'talks',
      title: 'Hội đàm về y tế dự phòng',
      policyIds: [policy.id],
    });
    expect(event.statusCode).toBe(201);
    const unknown = await send('POST', '/api/v1/commitments', editor.cookie, {
      text: 'Cam kết',
      policyIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('body.policyIds');

    for (const path of ['agreements', 'events']) {
      const citing = await send('GET', `/api/v1/${path}?policyId=${policy.id}`, viewer.cookie);
      expect(citing.json().total, path).toBe(1);
    }
    const refused = await send('DELETE', `/api/v1/policies/${policy.id}?version=1`, editor.cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 agreements');
  });
});

describe('accepting a review that cites a policy', () => {
  async function newSource(text: string): Promise<string> {
    const response = await send('POST', '/api/v1/sources', editor.cookie, { text });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  it('drafts the citation and cites the policy on the records the review creates', async () => {
    const sourceId = await newSource(
      'Ngày 10/10/2025, Bộ Y tế và Bộ Y tế Belarus ký bản ghi nhớ, triển khai Nghị quyết số 72-NQ/TW.',
    );
    const draft = await send('GET', `/api/v1/sources/${sourceId}/draft`, editor.cookie);
    expect(draft.json().policies.map((policy: { number: string }) => policy.number)).toEqual(['72-NQ/TW']);

    const accepted = await send('POST', `/api/v1/sources/${sourceId}/accept`, editor.cookie, {
      version: 1,
      agreements: [
        { kind: 'mou', status: 'signed', title: 'Bản ghi nhớ Việt Nam – Belarus', partyCodes: [] },
      ],
      commitments: [{ text: 'Trao đổi chuyên gia' }],
      policyNumbers: ['72-nq/tw'],
    });
    expect(accepted.statusCode).toBe(200);
    const policies = await send('GET', '/api/v1/policies?q=72-NQ', viewer.cookie);
    const policyId = policies.json().items[0].id;
    const agreement = await send(
      'GET',
      `/api/v1/agreements/${accepted.json().agreementIds[0]}`,
      viewer.cookie,
    );
    expect(agreement.json().policyIds).toEqual([policyId]);
    const commitment = await send(
      'GET',
      `/api/v1/commitments/${accepted.json().commitmentIds[0]}`,
      viewer.cookie,
    );
    expect(commitment.json().policyIds).toEqual([policyId]);
  });

  it('refuses a number no policy has, naming it, and writes nothing', async () => {
    const sourceId = await newSource('Hai bên thực hiện Nghị quyết số 999-NQ/TW.');
    const refused = await send('POST', `/api/v1/sources/${sourceId}/accept`, editor.cookie, {
      version: 1,
      policyNumbers: ['999-NQ/TW'],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ path: 'body.policyNumbers' });
    const source = await send('GET', `/api/v1/sources/${sourceId}`, editor.cookie);
    expect(source.json().reviewStatus).toBe('draft');
  });
});
