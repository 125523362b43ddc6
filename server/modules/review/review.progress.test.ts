import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../../common/contracts/draft.ts';
import type { ProgressProposal } from '../../../common/contracts/review.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;
let commitmentId = '';
let otherPartnerCommitmentId = '';
let agreementId = '';

// Written for these tests (not evaluation data): a later article reporting the completion of a
// registered commitment under a registered memorandum with Korea.
const laterArticle = `Hàn Quốc và Việt Nam hoàn thành đào tạo bác sĩ nội soi
10/11/2025 | 09:00 AM
Ngày 10/11/2025, Bộ Y tế và Đại sứ quán Hàn Quốc tổ chức hội nghị sơ kết ba năm thực hiện Bản ghi nhớ về hợp tác đào tạo nhân lực y tế.
Hai bên đã hoàn thành việc đào tạo 200 bác sĩ về phẫu thuật nội soi cho các bệnh viện tuyến tỉnh.`;

const unrelatedArticle = `Bệnh viện tỉnh tiếp nhận thiết bị
12/11/2025 | 09:00 AM
Hai bên đã hoàn thành việc lắp đặt hệ thống lọc nước cho trạm y tế xã ở Hàn Quốc và Việt Nam.`;

async function request(method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
  return t.app.inject({ method, url, headers: { cookie: editor }, ...(payload ? { payload } : {}) });
}

async function created(url: string, payload: Record<string, unknown>): Promise<string> {
  const response = await request('POST', url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function postSource(text: string) {
  const source = (await request('POST', '/api/v1/sources', { text, allowDuplicate: true })).json() as {
    id: string;
    version: number;
  };
  const draft = (await request('GET', `/api/v1/sources/${source.id}/draft`)).json() as ArticleDraft;
  const proposals = (await request('GET', `/api/v1/sources/${source.id}/progress-proposals`)).json() as {
    items: ProgressProposal[];
  };
  return { source, draft, proposals: proposals.items };
}

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
  const korea = await created('/api/v1/partners', { kind: 'country', code: 'KR', nameVi: 'Hàn Quốc' });
  const japan = await created('/api/v1/partners', { kind: 'country', code: 'JP', nameVi: 'Nhật Bản' });
  agreementId = await created('/api/v1/agreements', {
    kind: 'mou',
    titleVi: 'Bản ghi nhớ về hợp tác đào tạo nhân lực y tế',
    status: 'signed',
    signedOn: '2022-11-01',
    partyIds: [korea],
  });
  commitmentId = await created('/api/v1/commitments', {
    text: 'Đào tạo 200 bác sĩ phẫu thuật nội soi cho bệnh viện tuyến tỉnh',
    agreementId,
    status: 'agreed',
  });
  const japanAgreement = await created('/api/v1/agreements', {
    kind: 'mou',
    titleVi: 'Bản ghi nhớ về y tế dự phòng',
    status: 'signed',
    signedOn: '2022-11-01',
    partyIds: [japan],
  });
  // Same words, another partner: never proposed for an article about Korea.
  otherPartnerCommitmentId = await created('/api/v1/commitments', {
    text: 'Đào tạo 200 bác sĩ phẫu thuật nội soi cho bệnh viện tuyến tỉnh',
    agreementId: japanAgreement,
    status: 'agreed',
  });
});
afterAll(() => t.close());

describe('progress from later articles', () => {
  it('proposes a dated completion on the commitment of the same partner and words, saying why', async () => {
    const { draft, proposals } = await postSource(laterArticle);
    expect(draft.progress.map((statement) => statement.kind)).toContain('completed');
    const onCommitment = proposals.find((proposal) => proposal.target === 'commitment');
    expect(onCommitment).toMatchObject({
      recordId: commitmentId,
      kind: 'completed',
      on: '2025-11-10',
      status: 'done',
      reasons: { partnerCodes: ['KR'] },
    });
    expect(onCommitment?.reasons.sharedWords).toEqual(expect.arrayContaining(['nội', 'soi', 'bác', 'sĩ']));
    expect(proposals.map((proposal) => proposal.recordId)).not.toContain(otherPartnerCommitmentId);
    // The review meeting on the memorandum proposes progress on the agreement.
    expect(proposals.find((proposal) => proposal.target === 'agreement')).toMatchObject({
      recordId: agreementId,
      kind: 'review',
    });
  });

  it('proposes nothing when no registered record shares the statement’s content', async () => {
    const { draft, proposals } = await postSource(unrelatedArticle);
    expect(draft.progress).toHaveLength(1);
    expect(proposals).toEqual([]);
  });

  it('creates nothing for a proposal left out of the accepted review', async () => {
    const { source } = await postSource(laterArticle);
    const response = await request('POST', `/api/v1/sources/${source.id}/accept`, {
      version: source.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const commitment = (await request('GET', `/api/v1/commitments/${commitmentId}`)).json();
    expect(commitment).toMatchObject({ status: 'agreed', progress: [] });
  });

  it('accepting writes the progress update citing the article and the new status', async () => {
    const { source, proposals } = await postSource(laterArticle);
    const chosen = proposals.map(({ target, recordId, on, note, status, spans }) => ({
      target,
      recordId,
      on,
      note,
      status,
      spans,
    }));
    const response = await request('POST', `/api/v1/sources/${source.id}/accept`, {
      version: source.version,
      progress: chosen,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().progressRecordIds).toEqual(expect.arrayContaining([commitmentId, agreementId]));
    const commitment = (await request('GET', `/api/v1/commitments/${commitmentId}`)).json();
    expect(commitment.status).toBe('done');
    expect(commitment.progress).toEqual([
      expect.objectContaining({ on: '2025-11-10', status: 'done', sourceId: source.id }),
    ]);
    const agreement = (await request('GET', `/api/v1/agreements/${agreementId}`)).json();
    expect(agreement.sourceIds).toContain(source.id);
    // A done commitment is no longer proposed.
    expect((await postSource(laterArticle)).proposals.map((p) => p.recordId)).not.toContain(commitmentId);
  });

  it('refuses progress on a record that does not exist', async () => {
    const { source } = await postSource(laterArticle);
    const response = await request('POST', `/api/v1/sources/${source.id}/accept`, {
      version: source.version,
      progress: [
        {
          target: 'commitment',
          recordId: '00000000-0000-4000-8000-000000000000',
          on: '2025-11-10',
          note: 'x',
        },
      ],
    });
    expect(response.statusCode).toBe(404);
  });
});
