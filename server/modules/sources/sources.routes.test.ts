import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../../common/contracts/draft.ts';
import type { AcceptDraftInput } from '../../../common/contracts/review.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;

// Articles written for these tests (not evaluation data).
const firstArticle = `Việt Nam và Nhật Bản ký kết hợp tác y tế
12/03/2025 | 10:00 AM
Sáng ngày 12/3/2025, tại Hà Nội, Thứ trưởng Bộ Y tế Nguyễn Tri Thức đã tiếp ông Tanaka Hiroshi, Đại sứ Nhật Bản tại Việt Nam. Hai bên đã ký Bản ghi nhớ hợp tác trong lĩnh vực đào tạo nhân lực y tế và trang thiết bị y tế.
Hai bên thống nhất tăng cường trao đổi chuyên gia và phối hợp nghiên cứu khoa học về ung thư.`;

const secondArticle = `Thứ trưởng Nguyễn Tri Thức làm việc với đoàn Nhật Bản
20/05/2025 | 09:00 AM
Chiều ngày 20/5/2025, Thứ trưởng Bộ Y tế Nguyễn Tri Thức đã làm việc với đoàn công tác của Bộ Y tế Nhật Bản về đào tạo nhân lực y tế.`;

async function count(table: string): Promise<number> {
  const result = (await t.database.db.execute(
    sql.raw(`select count(*)::int as n from ${table}`),
  )) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]!.n);
}

/** Reads a resource as the editor. */
async function getJson(url: string) {
  return (await t.app.inject({ method: 'GET', url, headers: { cookie: editor } })).json();
}

/** Accepts a source's reviewed draft as the editor. */
function accept(sourceId: string, payload: unknown) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/sources/${sourceId}/accept`,
    headers: { cookie: editor },
    payload: payload as Record<string, unknown>,
  });
}

async function postSource(text: string) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sources',
    headers: { cookie: editor },
    // Each test reads the article afresh: pasting it again is meant.
    payload: { text, allowDuplicate: true },
  });
  expect(created.statusCode).toBe(201);
  const source = created.json();
  const draft: ArticleDraft = await getJson(`/api/v1/sources/${source.id}/draft`);
  return { source, draft };
}

/** Takes every drafted item as the reader proposed it, as an officer who accepts all would. */
function acceptAll(
  draft: ArticleDraft,
  version: number,
  personIds: Record<string, string> = {},
): AcceptDraftInput {
  return {
    version,
    publish: true,
    partners: draft.partners.map((partner) => ({ code: partner.code, spans: partner.spans })),
    participants: draft.participants.map((participant) => ({
      name: participant.name,
      title: participant.title,
      org: participant.org,
      countryCode: participant.country,
      role: participant.role ?? 'attendee',
      personId: personIds[participant.name] ?? null,
      spans: participant.spans,
    })),
    events: draft.events.slice(0, 1).map((event) => ({
      kind: event.kind,
      startOn: event.start?.length === 10 ? event.start : null,
      mode: event.mode,
      location: event.location,
      spans: event.spans,
    })),
    agreements: draft.agreements.map((agreement) => ({
      kind: agreement.kind,
      status: agreement.status,
      title: agreement.title,
      date: agreement.date,
      partyCodes: agreement.parties,
      spans: agreement.spans,
    })),
    areaIds: draft.areas.map((area) => area.id),
    commitments: draft.commitments.map((commitment) => ({ text: commitment.text, spans: commitment.spans })),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

describe('sources and review', () => {
  it('stores pasted text with the reader’s draft, whose spans point into the stored text', async () => {
    const { source, draft } = await postSource(firstArticle);
    expect(source).toMatchObject({
      title: 'Việt Nam và Nhật Bản ký kết hợp tác y tế',
      reviewStatus: 'draft',
      isPublished: false,
    });
    expect(draft.text).toBe(source.text);
    const thuc = draft.participants.find((participant) => participant.name === 'Nguyễn Tri Thức');
    expect(thuc).toBeDefined();
    expect(source.text.slice(thuc!.spans[0]!.start, thuc!.spans[0]!.end)).toBe('Nguyễn Tri Thức');
    expect(draft.partners.map((partner) => partner.code)).toContain('JP');
  });

  it('accepts a reviewed draft in one transaction, linking every record to its spans', async () => {
    const { source, draft } = await postSource(firstArticle);
    const peopleBefore = await count('people');
    const response = await accept(source.id, acceptAll(draft, source.version));
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.personIds).toHaveLength(draft.participants.length);
    expect(await count('people')).toBe(peopleBefore + draft.participants.length);
    expect(result.eventIds).toHaveLength(1);
    const spans = (await t.database.db.execute(
      sql`select record_type, count(*)::int as n from provenance_spans where source_id = ${source.id} group by record_type`,
    )) as unknown as { rows: { record_type: string; n: number }[] };
    expect(spans.rows.map((row) => row.record_type).sort()).toEqual(
      expect.arrayContaining(['event', 'partner', 'person']),
    );
    const after = await getJson(`/api/v1/sources/${source.id}`);
    expect(after).toMatchObject({ reviewStatus: 'accepted', isPublished: true, version: source.version + 1 });
    const again = await accept(source.id, acceptAll(draft, after.version));
    expect(again.statusCode).toBe(409);
  });

  it('files an English article’s agreement title as the English title, not the Vietnamese one', async () => {
    const { source, draft } = await postSource(
      'Vietnam, Japan sign health MoU\n\nOn June 5, 2025, Vietnamese Minister of Health Dao Hong Lan and Japanese Ambassador Ito Naoki signed a Memorandum of Understanding on health cooperation in Hanoi.',
    );
    expect(draft.lang).toBe('en');
    const reviewed = acceptAll(draft, source.version);
    reviewed.agreements = [
      {
        kind: 'mou',
        status: 'signed',
        title: 'MoU on health cooperation',
        date: null,
        partyCodes: ['VN', 'JP'],
        spans: [],
      },
    ];
    const response = await accept(source.id, reviewed);
    expect(response.statusCode).toBe(200);
    const rows = (await t.database.db.execute(
      sql`select title_vi, title_en from agreements where title_en = 'MoU on health cooperation'`,
    )) as unknown as { rows: { title_vi: string; title_en: string }[] };
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.title_vi).not.toBe('MoU on health cooperation');
  });

  it('saves each drafted event under its own title and each commitment with the status its verb gives', async () => {
    const { source, draft } = await postSource(
      'Vietnam, Korea enhance cooperation in health care\n\nOn March 14, 2025, Vietnamese Minister of Health Dao Hong Lan and Korean Minister of Health and Welfare Cho Kyoo-hong held talks in Seoul. After the talks, the two ministers signed a Memorandum of Understanding on health cooperation. Vietnam wants to partner with Korea in training for medical profession certification. The two sides agreed to set up a joint working group on vaccine production.',
    );
    const titles = draft.events.map((event) => event.title);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(titles).size).toBe(titles.length);
    expect(draft.commitments.map((commitment) => commitment.status).sort()).toEqual(['agreed', 'proposed']);
    const reviewed = acceptAll(draft, source.version);
    reviewed.events = draft.events.map((event) => ({
      kind: event.kind,
      title: event.title ?? undefined,
      startOn: event.start?.length === 10 ? event.start : null,
      spans: event.spans,
    }));
    reviewed.commitments = draft.commitments.map((commitment) => ({
      text: commitment.text,
      status: commitment.status,
      spans: commitment.spans,
    }));
    const response = await accept(source.id, reviewed);
    expect(response.statusCode).toBe(200);
    const { eventIds, commitmentIds } = response.json() as { eventIds: string[]; commitmentIds: string[] };
    const events = (await t.database.db.execute(
      sql`select title from events where id in ${sql.raw(`('${eventIds.join("','")}')`)}`,
    )) as unknown as { rows: { title: string }[] };
    expect(events.rows.map((row) => row.title).sort()).toEqual([...titles].sort());
    expect(events.rows.map((row) => row.title)).not.toContain(source.title);
    const commitments = (await t.database.db.execute(
      sql`select text, status from commitments where id in ${sql.raw(`('${commitmentIds.join("','")}')`)}`,
    )) as unknown as { rows: { text: string; status: string }[] };
    expect(commitments.rows.find((row) => row.text.startsWith('Vietnam wants'))?.status).toBe('proposed');
    expect(commitments.rows.find((row) => row.text.startsWith('The two sides agreed'))?.status).toBe(
      'agreed',
    );
  });

  it('suggests the existing person for the same name typed without diacritics, and reuses them', async () => {
    const matches = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people/matches?name=nguyen%20tri%20thuc&countryCode=VN',
      headers: { cookie: editor },
    });
    const [best] = matches.json().items;
    expect(best.person.name).toBe('Nguyễn Tri Thức');
    expect(best.evidence.join(' ')).toMatch(/same name/);
    expect(best.evidence.join(' ')).toMatch(/same country/);
    const inVietnamese = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people/matches?name=nguyen%20tri%20thuc&countryCode=VN',
      headers: { cookie: editor, 'accept-language': 'vi' },
    });
    expect(inVietnamese.json().items[0].evidence.join(' ')).toMatch(/trùng tên.*cùng quốc gia \(VN\)/);

    const { source, draft } = await postSource(secondArticle);
    const peopleBefore = await count('people');
    const response = await accept(
      source.id,
      acceptAll(draft, source.version, { 'Nguyễn Tri Thức': best.person.id }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().personIds).toContain(best.person.id);
    expect(await count('people')).toBe(peopleBefore + draft.participants.length - 1);
  });

  it('keeps a month-only event date out of the date field instead of inventing a day', async () => {
    const { source } = await postSource(secondArticle);
    const response = await accept(source.id, {
      version: source.version,
      partners: [{ code: 'JP' }],
      events: [{ kind: 'talks', startOn: '2025-05' }],
      agreements: [{ kind: 'mou', status: 'mentioned', title: 'Bản ghi nhớ', date: '2024-11' }],
    });
    expect(response.statusCode).toBe(200);
    const { eventIds, agreementIds } = response.json();
    const event = await getJson(`/api/v1/events/${eventIds[0]}`);
    expect(event.startOn).toBeNull();
    expect(event.summary).toContain('2025-05');
    const agreement = await getJson(`/api/v1/agreements/${agreementIds[0]}`);
    expect(agreement.signedOn).toBeNull();
    const japan = (await getJson('/api/v1/partners?q=JP')).items[0];
    const vietnam = (await getJson('/api/v1/partners?q=VN')).items[0];
    expect(agreement.partyIds.sort()).toEqual([japan.id, vietnam.id].sort());
  });

  it('dates an agreement signed at the event by the event’s day, and lists the event under it', async () => {
    const { source } = await postSource(secondArticle);
    const response = await accept(source.id, {
      version: source.version,
      partners: [{ code: 'JP' }],
      events: [{ kind: 'signing', startOn: '2025-05-20' }],
      agreements: [{ kind: 'mou', status: 'signed', title: 'Bản ghi nhớ về đào tạo', date: null }],
    });
    const { eventIds, agreementIds } = response.json();
    const agreement = await getJson(`/api/v1/agreements/${agreementIds[0]}`);
    expect(agreement.signedOn).toBe('2025-05-20');
    const events = await getJson(`/api/v1/events?agreementId=${agreementIds[0]}`);
    expect(events.items.map((event: { id: string }) => event.id)).toEqual(eventIds);
  });

  it('adds a second article about the same event to the registered event instead of duplicating it', async () => {
    const acceptSecondArticle = async (personIds: string[]) => {
      const { source } = await postSource(secondArticle);
      const response = await accept(source.id, {
        version: source.version,
        partners: [{ code: 'KR' }],
        participants: personIds.map((personId) => ({ name: 'x', personId })),
        events: [{ kind: 'working_session', startOn: '2025-07-01' }],
      });
      expect(response.statusCode).toBe(200);
      return { sourceId: source.id, eventId: response.json().eventIds[0] as string };
    };
    const person = (await getJson('/api/v1/people?q=nguyen%20tri%20thuc')).items[0];
    const first = await acceptSecondArticle([]);
    const second = await acceptSecondArticle([person.id]);
    expect(second.eventId).toBe(first.eventId);
    const event = await getJson(`/api/v1/events/${first.eventId}`);
    expect(event.sourceIds.sort()).toEqual([first.sourceId, second.sourceId].sort());
    expect(event.participants.map((p: { personId: string }) => p.personId)).toEqual([person.id]);
  });

  it('writes nothing when any part of the review is wrong', async () => {
    const { source, draft } = await postSource(firstArticle);
    const before = {
      people: await count('people'),
      events: await count('events'),
      audit: await count('audit_log'),
    };
    const payload = acceptAll(draft, source.version);
    payload.commitments = [{ text: 'Một cam kết', spans: [{ start: 0, end: source.text.length + 10 }] }];
    const response = await accept(source.id, payload);
    expect(response.statusCode).toBe(400);
    expect({
      people: await count('people'),
      events: await count('events'),
      audit: await count('audit_log'),
    }).toEqual(before);
  });

  it('reads uploaded .txt and .html files and refuses other or damaged files', async () => {
    const upload = (filename: string, content: string, contentType: string) => {
      const boundary = '----hoptac';
      // The first article was pasted by the tests above: reading it again is meant.
      const flag = `--${boundary}\r\nContent-Disposition: form-data; name="allowDuplicate"\r\n\r\ntrue\r\n`;
      const body = `${flag}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n${content}\r\n--${boundary}--\r\n`;
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/sources',
        headers: { cookie: editor, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.from(body),
      });
    };
    const text = await upload('bai-bao.txt', firstArticle, 'text/plain');
    expect(text.statusCode).toBe(201);
    const html = await upload(
      'page.html',
      `<html><body><nav>Trang chủ | Tin tức</nav><article><h1>Hợp tác y tế Việt Nam – Lào</h1><p>Ngày 5/6/2025, Bộ trưởng Bộ Y tế tiếp Đại sứ Lào.</p></article></body></html>`,
      'text/html',
    );
    expect(html.statusCode).toBe(201);
    expect(html.json().text).toContain('Đại sứ Lào');
    expect(html.json().text).not.toContain('Trang chủ | Tin tức');
    expect((await upload('virus.exe', 'MZ', 'application/octet-stream')).statusCode).toBe(415);
    expect((await upload('broken.docx', 'not a zip at all', 'application/octet-stream')).statusCode).toBe(
      422,
    );
  });

  it('refuses a Chinese article with 422 and says why, instead of drafting nonsense', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: { cookie: editor },
      payload: { text: '越南卫生部与世界卫生组织签署合作备忘录\n\n双方将加强在疫苗和传染病防控领域的合作。' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('sources.unsupported_language');
    expect(JSON.stringify(response.json())).toContain('Chinese');
  });

  it('refuses empty text', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: { cookie: editor },
      payload: { text: '   ' },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('portal', () => {
  it('shows only published sources, with related news sharing a partner', async () => {
    const unpublished = await postSource(firstArticle);
    const hidden = await t.app.inject({ method: 'GET', url: `/api/public/news/${unpublished.source.id}` });
    expect(hidden.statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/news' })).json();
    expect(list.items.map((item: { id: string }) => item.id)).not.toContain(unpublished.source.id);
    expect(list.total).toBeGreaterThanOrEqual(2);
    const [newest, older] = list.items;
    const article = (await t.app.inject({ method: 'GET', url: `/api/public/news/${newest.id}` })).json();
    expect(article.partners.map((partner: { code: string }) => partner.code)).toContain('JP');
    expect(article.related.map((item: { id: string }) => item.id)).toContain(older.id);
    expect(article).not.toHaveProperty('reviewStatus');
    const japan = (await t.app.inject({ method: 'GET', url: '/api/public/partners/jp' })).json();
    expect(japan.news.length).toBeGreaterThanOrEqual(2);
  });
});

describe('search', () => {
  it('finds people and sources without diacritics, grouped by type with highlights', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/search?q=nguyen%20tri%20thuc',
      headers: { cookie: editor },
    });
    const groups = response.json().groups as {
      type: string;
      items: { label: string; labelMatches: { start: number; end: number }[] }[];
    }[];
    const person = groups.find((group) => group.type === 'person')!.items[0]!;
    expect(person.label).toBe('Nguyễn Tri Thức');
    expect(person.labelMatches.map((range) => person.label.slice(range.start, range.end))).toEqual([
      'Nguyễn Tri Thức',
    ]);
    expect(groups.map((group) => group.type)).toContain('source');
  });

  it('treats old and new tone-mark placement alike', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: editor },
      payload: {
        nameVi: 'Bệnh viện Hữu nghị Việt Nam – Cu Ba Đồng Hới, Quảng Bình, hoà bình',
        kind: 'hospital',
        countryCode: 'VN',
      },
    });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent('hòa bình')}`,
      headers: { cookie: editor },
    });
    expect(
      response.json().groups.find((group: { type: string }) => group.type === 'organisation')?.total,
    ).toBe(1);
  });
});
