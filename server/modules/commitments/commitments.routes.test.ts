import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;
let ownUnit: string;
let otherUnit: string;
let icdId: string;
let agreementId: string;

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
  const otherId = (
    await post('/api/v1/organisations', { nameVi: 'Cục Quản lý Dược', kind: 'department', countryCode: 'VN' })
  ).id;
  agreementId = (
    await post('/api/v1/agreements', {
      kind: 'roadmap',
      titleVi: 'Lộ trình đến năm 2030',
      status: 'signed',
      signedOn: '2025-09-12',
    })
  ).id;
  ownUnit = (await t.signIn('unit', icdId)).cookie;
  otherUnit = (await t.signIn('unit', otherId)).cookie;
});
afterAll(() => t.close());

async function createCommitment(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/commitments', headers: { cookie: editor }, payload });
}

describe('commitments', () => {
  it('refuses a commitment due before its agreement was signed', async () => {
    const response = await createCommitment({
      text: 'Chuyển giao công nghệ vắc xin mRNA',
      agreementId,
      dueOn: '2025-01-01',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('commitments.due_before_origin');
  });

  it('lets the owning unit post progress, and no other unit', async () => {
    const commitment = (
      await createCommitment({
        text: 'Nội địa hóa sản xuất thuốc',
        agreementId,
        vnOwnerIds: [icdId],
        horizonYear: 2030,
      })
    ).json();
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${commitment.id}/progress`,
      headers: { cookie: otherUnit },
      payload: { version: 1, on: '2025-10-01', note: 'Đã họp', status: 'in_progress' },
    });
    expect(refused.statusCode).toBe(403);
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${commitment.id}/progress`,
      headers: { cookie: ownUnit },
      payload: { version: 1, on: '2025-10-01', note: 'Đã họp nhóm công tác', status: 'in_progress' },
    });
    expect(posted.statusCode).toBe(201);
    expect(posted.json()).toMatchObject({
      status: 'in_progress',
      version: 2,
      progress: [{ note: 'Đã họp nhóm công tác' }],
    });
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${commitment.id}/progress`,
      headers: { cookie: ownUnit },
      payload: { version: 1, on: '2025-10-02', note: 'Lần nữa' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a unit that does not own the commitment before it looks at the version', async () => {
    const commitment = (await createCommitment({ text: 'Trao đổi chuyên gia', vnOwnerIds: [icdId] })).json();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${commitment.id}/progress`,
      headers: { cookie: otherUnit },
      payload: { version: 99, on: '2025-10-01', note: 'Đoán phiên bản' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('does not let a unit user edit the commitment itself', async () => {
    const commitment = (await createCommitment({ text: 'Hợp tác y tế số', vnOwnerIds: [icdId] })).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/commitments/${commitment.id}`,
      headers: { cookie: ownUnit },
      payload: { version: 1, text: 'changed' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('lists overdue commitments by owner', async () => {
    await createCommitment({
      text: 'Hội thảo y học cổ truyền',
      agreementId,
      vnOwnerIds: [icdId],
      dueOn: '2025-12-31',
    });
    await createCommitment({
      text: 'Đã xong',
      agreementId,
      vnOwnerIds: [icdId],
      dueOn: '2025-12-31',
      status: 'done',
    });
    await createCommitment({ text: 'Chưa đến hạn', agreementId, vnOwnerIds: [icdId], dueOn: '2999-12-31' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/commitments?ownerId=${icdId}&isOverdue=true`,
      headers: { cookie: editor },
    });
    const texts = response.json().items.map((item: { text: string }) => item.text);
    expect(texts).toContain('Hội thảo y học cổ truyền');
    expect(texts).not.toContain('Đã xong');
    expect(texts).not.toContain('Chưa đến hạn');
    expect(response.json().items.every((item: { isOverdue: boolean }) => item.isOverdue)).toBe(true);
  });
});
