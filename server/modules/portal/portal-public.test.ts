import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPaths } from '../../../common/domain/public-urls.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

// The portal's public reads and pages: published records only, related news ranked, and pages
// that hold their content and meta tags as served, before any script runs.

const publicUrl = 'https://hoptac.example.vn';
const actor = { userId: null, email: 'test' };

let t: TestApp;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp({ HOPTAC_PUBLIC_URL: publicUrl });
});
afterAll(() => t.close());

async function addPartner(code: string, nameVi = `Đối tác ${code}`) {
  return t.services.partners.create({ kind: 'country', code, nameVi, nameEn: `Partner ${code}` }, actor);
}

type ArticleFields = {
  title: string;
  lead?: string | null;
  partnerIds?: string[];
  areaIds?: string[];
  publishedAt?: string;
  isPublished?: boolean;
  outlet?: string;
};

async function addArticle(fields: ArticleFields) {
  serial += 1;
  const source = await t.services.sources.create(
    {
      text: `${fields.title}\n\nBộ Y tế hai nước trao đổi kinh nghiệm số ${serial}.`,
      format: 'text',
      title: fields.title,
      ...(fields.outlet ? { outlet: fields.outlet } : {}),
    },
    actor,
  );
  return t.services.sources.update(
    source.id,
    {
      version: source.version,
      isPublished: fields.isPublished ?? true,
      lead: fields.lead ?? null,
      partnerIds: fields.partnerIds ?? [],
      areaIds: fields.areaIds ?? [],
      publishedAt: fields.publishedAt ?? new Date(Date.UTC(2024, 0, 1, 3, serial)).toISOString(),
    },
    actor,
  );
}

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('public agreements registry', () => {
  it('lists published agreements only, filtered by words without diacritics, partner, area, kind and status', async () => {
    const cuba = await addPartner('CU', 'Cu-ba');
    await t.services.agreements.create(
      {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ về đào tạo bác sĩ gia đình',
        status: 'in_force',
        partyIds: [cuba.id],
        areaIds: ['training'],
        signedOn: '2023-05-04',
        isPublished: true,
      },
      actor,
    );
    await t.services.agreements.create(
      {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ mật về đào tạo',
        status: 'in_force',
        partyIds: [cuba.id],
        areaIds: ['training'],
        isPublished: false,
      },
      actor,
    );
    const all = await get('/api/public/agreements?partner=cu');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items.map((item: { titleVi: string }) => item.titleVi)).toEqual([
      'Bản ghi nhớ về đào tạo bác sĩ gia đình',
    ]);
    expect(all.body).not.toContain('mật');
    const item = all.json().items[0];
    expect(item.parties).toEqual([{ code: 'CU', kind: 'country', nameVi: 'Cu-ba', nameEn: 'Partner CU' }]);
    expect(item.areas.map((area: { id: string }) => area.id)).toEqual(['training']);

    const folded = await get(
      '/api/public/agreements?q=dao%20tao%20bac%20si&area=training&kind=mou&status=in_force',
    );
    expect(folded.json().total).toBe(1);
    for (const miss of [
      'partner=cu&q=mat',
      'partner=cu&kind=agreement',
      'partner=cu&status=expired',
      'partner=cu&area=research',
      'partner=ZZ',
    ]) {
      const response = await get(`/api/public/agreements?${miss}`);
      expect(response.json().total, miss).toBe(0);
    }
    expect((await get('/api/public/agreements?status=nonsense')).statusCode).toBe(400);
  });

  it('shows a published agreement on its page and hides an unpublished one', async () => {
    const peru = await addPartner('PE');
    const article = await addArticle({ title: 'Ký kết với Peru', partnerIds: [peru.id] });
    const shown = await t.services.agreements.create(
      {
        kind: 'agreement',
        titleVi: 'Hiệp định y tế Peru',
        status: 'signed',
        partyIds: [peru.id],
        sourceIds: [article.id],
        isPublished: true,
      },
      actor,
    );
    await t.services.events.create(
      {
        kind: 'signing',
        title: 'Lễ ký Peru',
        startOn: '2024-02-02',
        agreementIds: [shown.id],
        isPublished: true,
      },
      actor,
    );
    await t.services.events.create(
      {
        kind: 'talks',
        title: 'Hội đàm kín',
        startOn: '2024-02-01',
        agreementIds: [shown.id],
        isPublished: false,
      },
      actor,
    );
    const hidden = await t.services.agreements.create(
      { kind: 'agreement', titleVi: 'Hiệp định chưa công bố', status: 'signed', isPublished: false },
      actor,
    );
    const page = await get(`/api/public/agreements/${shown.id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().news.map((news: { id: string }) => news.id)).toEqual([article.id]);
    expect(page.json().events.map((event: { title: string }) => event.title)).toEqual(['Lễ ký Peru']);
    const missing = await get(`/api/public/agreements/${hidden.id}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('chưa công bố');
    const html = await get(publicPaths.agreement({ id: hidden.id, titleVi: 'Hiệp định chưa công bố' }));
    expect(html.statusCode).toBe(404);
    expect(html.body).not.toContain('chưa công bố');
  });
});

describe('public area page and search', () => {
  it('holds only published records of the area, and the search box finds only published ones', async () => {
    const chile = await addPartner('CL', 'Chi-lê');
    await addArticle({
      title: 'Nghiên cứu lâm sàng với Chi-lê',
      partnerIds: [chile.id],
      areaIds: ['research'],
    });
    await addArticle({
      title: 'Nghiên cứu lâm sàng bí mật',
      partnerIds: [chile.id],
      areaIds: ['research'],
      isPublished: false,
    });
    const area = await get('/api/public/areas/research');
    expect(area.statusCode, area.body).toBe(200);
    const titles = area.json().news.map((news: { title: string }) => news.title);
    expect(titles).toContain('Nghiên cứu lâm sàng với Chi-lê');
    expect(area.body).not.toContain('bí mật');
    expect(area.json().partners.map((partner: { code: string }) => partner.code)).toContain('CL');
    expect((await get('/api/public/areas/no_such_area')).statusCode).toBe(404);

    const search = await get(`/api/public/search?q=${encodeURIComponent('nghien cuu lam sang')}`);
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().news.map((news: { title: string }) => news.title)).toEqual([
      'Nghiên cứu lâm sàng với Chi-lê',
    ]);
    const secret = await get(`/api/public/search?q=${encodeURIComponent('bí mật')}`);
    expect(secret.json().news).toEqual([]);
  });
});

describe('article', () => {
  it('ranks related news: shared partner and agreement first, then area, then the newest; never itself, the unrelated or the unpublished; at most six', async () => {
    const [ghana, kenya] = [await addPartner('GH'), await addPartner('KE')];
    const article = await addArticle({ title: 'Bài gốc', partnerIds: [ghana.id], areaIds: ['oncology'] });
    const both = await addArticle({ title: 'Cùng đối tác và thỏa thuận', partnerIds: [ghana.id] });
    const agreementOnly = await addArticle({ title: 'Cùng thỏa thuận', partnerIds: [kenya.id] });
    const areaOnly = await addArticle({
      title: 'Cùng lĩnh vực',
      partnerIds: [kenya.id],
      areaIds: ['oncology'],
    });
    await addArticle({ title: 'Không liên quan', partnerIds: [kenya.id], areaIds: ['training'] });
    await addArticle({ title: 'Chưa công bố', partnerIds: [ghana.id], isPublished: false });
    await t.services.agreements.create(
      {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ Ghana',
        status: 'signed',
        partyIds: [ghana.id],
        sourceIds: [article.id, both.id, agreementOnly.id],
        isPublished: true,
      },
      actor,
    );
    const response = await get(`/api/public/news/${article.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const related = response.json().related.map((news: { title: string }) => news.title);
    expect(related).toEqual(['Cùng đối tác và thỏa thuận', 'Cùng thỏa thuận', 'Cùng lĩnh vực']);
    expect(response.json().agreements.map((agreement: { titleVi: string }) => agreement.titleVi)).toEqual([
      'Bản ghi nhớ Ghana',
    ]);
    expect(areaOnly.id).toBeTruthy();

    for (let index = 0; index < 7; index += 1)
      await addArticle({ title: `Ghana ${index}`, partnerIds: [ghana.id] });
    const many = (await get(`/api/public/news/${article.id}`)).json().related;
    expect(many).toHaveLength(6);
    expect(many[0].title).toBe('Cùng đối tác và thỏa thuận');
  });

  it('marks a date-only publication as having no known time', async () => {
    const known = await addArticle({ title: 'Có giờ', publishedAt: '2024-10-08T10:06:00.000Z' });
    const dateOnly = await addArticle({ title: 'Chỉ có ngày', publishedAt: '2024-10-08T05:00:00.000Z' });
    expect((await get(`/api/public/news/${known.id}`)).json().isTimeKnown).toBe(true);
    expect((await get(`/api/public/news/${dateOnly.id}`)).json().isTimeKnown).toBe(false);
  });
});

describe('server-rendered pages', () => {
  it('serves an article with its title, lead, og: tags, JSON-LD and language before any script runs', async () => {
    const nepal = await addPartner('NP', 'Nê-pan');
    const article = await addArticle({
      title: 'Việt Nam – Nê-pan <hợp tác> y tế',
      lead: 'Hai bộ trưởng ký bản ghi nhớ về y tế cơ sở & đào tạo.',
      partnerIds: [nepal.id],
      outlet: 'Báo Sức khỏe',
    });
    const path = publicPaths.article(article);
    expect(path).toBe(`/tin/viet-nam-ne-pan-hop-tac-y-te-${article.id}`);
    const response = await get(path);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    const html = response.body;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<title>Việt Nam – Nê-pan &lt;hợp tác&gt; y tế — ');
    expect(html).toContain('<meta property="og:title" content="Việt Nam – Nê-pan &lt;hợp tác&gt; y tế" />');
    expect(html).toContain(
      '<meta property="og:description" content="Hai bộ trưởng ký bản ghi nhớ về y tế cơ sở &amp; đào tạo." />',
    );
    expect(html).toContain(`<link rel="canonical" href="${publicUrl}${path}" />`);
    expect(html).toContain('<meta name="twitter:card" content="summary" />');
    expect(html).toContain('"@type":"NewsArticle"');
    // The body as rendered by React: the title once as a heading, the lead, the partner link.
    expect(html.match(/<h1[^>]*>Việt Nam – Nê-pan &lt;hợp tác&gt; y tế<\/h1>/g)).toHaveLength(1);
    expect(html).toContain('Hai bộ trưởng ký bản ghi nhớ về y tế cơ sở &amp; đào tạo.');
    expect(html).toContain('href="/doi-tac/np"');
    expect(html).toContain('Nguồn: Báo Sức khỏe');
    expect(html).toContain('id="hoptac-state"');
    expect(response.headers['cache-control']).toBe('public, max-age=60');

    const etag = String(response.headers.etag);
    expect((await get(path, { 'if-none-match': etag })).statusCode).toBe(304);

    const english = await get(`${path}?lang=en`);
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Source: Báo Sức khỏe');
    expect(english.body).toContain(`<link rel="canonical" href="${publicUrl}${path}?lang=en" />`);
  });

  it('redirects old and misspelt addresses to the readable one, and hides unpublished articles', async () => {
    const article = await addArticle({ title: 'Địa chỉ cũ' });
    const path = publicPaths.article(article);
    const old = await get(`/news/${article.id}`);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(path);
    const misspelt = await get(`/tin/sai-ten-${article.id}?lang=en`);
    expect(misspelt.statusCode).toBe(301);
    expect(misspelt.headers.location).toBe(`${path}?lang=en`);
    const partner = await get('/partners/NP');
    expect(partner.statusCode).toBe(301);
    expect(partner.headers.location).toBe('/doi-tac/np');

    const hidden = await addArticle({ title: 'Bài nội bộ không công bố', isPublished: false });
    const response = await get(publicPaths.article(hidden));
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Bài nội bộ');
    expect((await get(`/news/${hidden.id}`)).statusCode).toBe(404);
  });

  it('serves partner, agreement and area pages with their names in title and og:title', async () => {
    const mongolia = await addPartner('MN', 'Mông Cổ');
    const agreement = await t.services.agreements.create(
      {
        kind: 'mou',
        // Long enough that slug and id pass the 100 characters a route parameter holds by default.
        titleVi:
          'Bản ghi nhớ về hợp tác trong lĩnh vực y học cổ truyền giữa Bộ Y tế Việt Nam và Bộ Y tế Mông Cổ giai đoạn 2025–2030',
        titleEn: 'MoU on traditional medicine with Mongolia',
        status: 'in_force',
        partyIds: [mongolia.id],
        areaIds: ['traditional_medicine'],
        isPublished: true,
      },
      actor,
    );
    const pages = [
      { path: '/doi-tac/mn', title: 'Mông Cổ' },
      { path: publicPaths.agreement(agreement), title: agreement.titleVi },
      { path: '/linh-vuc/traditional_medicine', title: null },
    ];
    for (const { path, title } of pages) {
      const response = await get(path);
      expect(response.statusCode, `${path}: ${response.body.slice(0, 300)}`).toBe(200);
      expect(response.body).toContain('data-ssr');
      expect(response.body).toMatch(/<meta property="og:title" content="[^"]+" \/>/);
      if (title) {
        expect(response.body).toContain(`<meta property="og:title" content="${title}" />`);
        expect(response.body).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
      }
    }
    const english = await get(`${publicPaths.agreement(agreement)}?lang=en`);
    expect(english.body).toContain(
      '<meta property="og:title" content="MoU on traditional medicine with Mongolia" />',
    );
    expect((await get('/doi-tac/MN')).headers.location).toBe('/doi-tac/mn');
  });

  it('points each Atom entry at the readable page, whose served HTML holds the title and og:title', async () => {
    const article = await addArticle({ title: 'Tin cho nguồn Atom', lead: 'Phần dẫn.' });
    const feed = (await get('/feed.atom')).body;
    const href = `${publicUrl}${publicPaths.article(article)}`;
    expect(feed).toContain(`<link rel="alternate" type="text/html" href="${href}"/>`);
    const page = await get(href.slice(publicUrl.length));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<meta property="og:title" content="Tin cho nguồn Atom" />');
  });

  it('lists published pages in the sitemap and names it in robots.txt', async () => {
    const shown = await addArticle({ title: 'Trong sơ đồ trang' });
    const hidden = await addArticle({ title: 'Ngoài sơ đồ trang', isPublished: false });
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(sitemap.body).toContain(`<loc>${publicUrl}${publicPaths.article(shown)}</loc>`);
    expect(sitemap.body).not.toContain(hidden.id);
    const robots = await get('/robots.txt');
    expect(robots.body).toContain(`Sitemap: ${publicUrl}/sitemap.xml`);
    expect(robots.body).toContain('Disallow: /app/');
  });
});
