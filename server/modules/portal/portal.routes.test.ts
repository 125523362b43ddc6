import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

const publicUrl = 'https://hoptac.example.vn';
const actor = { userId: null, email: 'test' };

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ HOPTAC_PUBLIC_URL: publicUrl });
});
afterAll(() => t.close());

async function addPartner(code: string) {
  return t.services.partners.create({ kind: 'country', code }, actor);
}

async function publishArticle(fields: { title: string; lead: string | null; partnerIds?: string[] }) {
  const source = await t.services.sources.create(
    {
      text: `${fields.title}\n\nBộ Y tế hai nước trao đổi kinh nghiệm.`,
      format: 'text',
      title: fields.title,
    },
    actor,
  );
  return t.services.sources.update(
    source.id,
    { version: source.version, isPublished: true, lead: fields.lead, partnerIds: fields.partnerIds ?? [] },
    actor,
  );
}

describe('public partner page', () => {
  it('does not exist for a partner known only from unpublished records', async () => {
    const korea = await addPartner('KP');
    await t.services.agreements.create(
      { kind: 'mou', titleVi: 'Bản ghi nhớ chưa công bố', status: 'signed', partyIds: [korea.id] },
      actor,
    );
    const response = await t.app.inject({ method: 'GET', url: '/api/public/partners/KP' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Triều Tiên');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/partners/QQ' });
    expect(response.json().detail).toBe(unknown.json().detail.replace('QQ', 'KP'));
  });

  it('exists once a published agreement names the partner, even one no longer in force', async () => {
    const laos = await addPartner('LA');
    await t.services.agreements.create(
      {
        kind: 'agreement',
        titleVi: 'Hiệp định đã hết hạn',
        status: 'expired',
        validTo: '2020-01-01',
        partyIds: [laos.id],
        isPublished: true,
      },
      actor,
    );
    const response = await t.app.inject({ method: 'GET', url: '/api/public/partners/la' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().partner.code).toBe('LA');
    expect(response.json().agreements).toEqual([]);
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/partners' })).json();
    const codes = list.items.map((item: { code: string }) => item.code);
    expect(codes).toContain('LA');
    expect(codes).not.toContain('KP');
    expect(list.items.find((item: { code: string }) => item.code === 'LA').agreementCount).toBe(1);
  });
});

const atom = 'http://www.w3.org/2005/Atom';
// RFC 3339 date-time, as RFC 4287 §3.3 requires.
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const textConstructs = ['title', 'subtitle', 'summary', 'rights'];

function parseStrictly(xml: string): Document {
  const fail = (message: string) => {
    throw new Error(`not well-formed XML: ${message}`);
  };
  return new DOMParser({
    errorHandler: { warning: () => {}, error: fail, fatalError: fail },
  }).parseFromString(xml, 'application/xml');
}

function children(parent: Element, name: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element =>
      node.nodeType === 1 && (node as Element).namespaceURI === atom && (node as Element).localName === name,
  );
}

/** The problems RFC 4287 §4.1 would find: required elements, their counts, dates, absolute ids,
 * and text constructs that must be plain text. */
function findAtomProblems(xml: string): string[] {
  const problems: string[] = [];
  const feed = parseStrictly(xml).documentElement;
  if (feed.namespaceURI !== atom || feed.localName !== 'feed') return ['the root is not atom:feed'];
  const entries = children(feed, 'entry');
  const checkContainer = (element: Element, where: string) => {
    for (const name of ['id', 'title', 'updated']) {
      const count = children(element, name).length;
      if (count !== 1) problems.push(`${where} has ${count} atom:${name}, exactly one is required`);
    }
    for (const id of children(element, 'id'))
      if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(id.textContent ?? '')) problems.push(`${where} id is not an IRI`);
    for (const updated of [...children(element, 'updated'), ...children(element, 'published')])
      if (!dateTime.test(updated.textContent ?? ''))
        problems.push(`${where} has a date that is not RFC 3339`);
    for (const name of textConstructs)
      for (const construct of children(element, name)) {
        if ((construct.getAttribute('type') || 'text') !== 'text')
          problems.push(`${where} atom:${name} is declared ${construct.getAttribute('type')}, not text`);
        if (Array.from(construct.childNodes).some((node) => node.nodeType === 1))
          problems.push(`${where} atom:${name} holds elements`);
      }
    for (const author of children(element, 'author'))
      if (children(author, 'name').length !== 1) problems.push(`${where} author has no single atom:name`);
    const links = children(element, 'link');
    if (links.some((link) => !link.getAttribute('href'))) problems.push(`${where} has a link without href`);
  };
  checkContainer(feed, 'the feed');
  const hasFeedAuthor = children(feed, 'author').length > 0;
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    checkContainer(entry, where);
    if (!hasFeedAuthor && children(entry, 'author').length === 0)
      problems.push(`${where} has no author and the feed has none`);
    const alternates = children(entry, 'link').filter(
      (link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate',
    );
    if (children(entry, 'content').length === 0 && alternates.length === 0)
      problems.push(`${where} has neither content nor an alternate link`);
  });
  return problems;
}

describe('Atom feed', () => {
  it('is valid Atom, with titles and leads as plain text and links at the public address', async () => {
    const japan = await addPartner('JP');
    await publishArticle({
      title: 'Việt Nam & Nhật Bản: <b>hợp tác</b> y tế',
      lead: '<img src=x onerror=alert(1)> Hai bên ký kết.\u0001',
      partnerIds: [japan.id],
    });
    await publishArticle({ title: 'Tin không có phần dẫn', lead: null });
    const response = await t.app.inject({
      method: 'GET',
      url: '/feed.atom',
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(findAtomProblems(response.body)).toEqual([]);
    expect(response.body).not.toContain('evil.example');

    const feed = parseStrictly(response.body).documentElement;
    const first = children(feed, 'entry').find((entry) => children(entry, 'summary').length > 0);
    expect(children(first!, 'title')[0]?.textContent).toBe('Việt Nam & Nhật Bản: <b>hợp tác</b> y tế');
    expect(children(first!, 'summary')[0]?.textContent).toBe('<img src=x onerror=alert(1)> Hai bên ký kết.');
    const links = [...children(feed, 'link'), ...children(first!, 'link')].map((link) =>
      link.getAttribute('href'),
    );
    expect(links.every((href) => href?.startsWith(`${publicUrl}/`))).toBe(true);
    expect(children(feed, 'id')[0]?.textContent).toBe(`${publicUrl}/`);
  });

  it('has one feed per language and one per partner, each valid, scoped and named by its own address', async () => {
    const cuba = await addPartner('CU');
    await publishArticle({ title: 'Hợp tác y tế Việt Nam – Cuba', lead: null, partnerIds: [cuba.id] });
    const english = await publishArticle({ title: 'Vietnam and Cuba discuss health', lead: null });
    await t.services.sources.update(english.id, { version: english.version, language: 'en' }, actor);
    const titlesOf = (xml: string) =>
      children(parseStrictly(xml).documentElement, 'entry').map(
        (entry) => children(entry, 'title')[0]?.textContent,
      );

    const inEnglish = await t.app.inject({ method: 'GET', url: '/feed.atom?lang=en' });
    expect(findAtomProblems(inEnglish.body)).toEqual([]);
    expect(titlesOf(inEnglish.body)).toEqual(['Vietnam and Cuba discuss health']);
    const englishFeed = parseStrictly(inEnglish.body).documentElement;
    expect(englishFeed.getAttribute('xml:lang')).toBe('en');
    expect(children(englishFeed, 'id')[0]?.textContent).toBe(`${publicUrl}/feed.atom?lang=en`);
    const entryLink = children(children(englishFeed, 'entry')[0]!, 'link')[0]?.getAttribute('href');
    expect(entryLink).toMatch(/\?lang=en$/);

    const aboutCuba = await t.app.inject({ method: 'GET', url: '/feed.atom?partner=cu' });
    expect(findAtomProblems(aboutCuba.body)).toEqual([]);
    expect(titlesOf(aboutCuba.body)).toEqual(['Hợp tác y tế Việt Nam – Cuba']);
    const cubaFeed = parseStrictly(aboutCuba.body).documentElement;
    expect(children(cubaFeed, 'id')[0]?.textContent).toBe(`${publicUrl}/feed.atom?partner=cu`);
    expect(children(cubaFeed, 'link').map((link) => link.getAttribute('href'))).toContain(
      `${publicUrl}/doi-tac/cu`,
    );

    expect((await t.app.inject({ method: 'GET', url: '/feed.atom?partner=QQ' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/feed.atom?lang=fr' })).statusCode).toBe(400);
  });

  it('finds the problems RFC 4287 names, so a passing feed means something', () => {
    const broken = `<feed xmlns="${atom}"><title type="html">&lt;b&gt;x</title><updated>yesterday</updated>
      <entry><id>urn:uuid:1</id><title>t</title><updated>2024-10-08T05:00:00Z</updated></entry></feed>`;
    expect(findAtomProblems(broken)).toEqual([
      'the feed has 0 atom:id, exactly one is required',
      'the feed has a date that is not RFC 3339',
      'the feed atom:title is declared html, not text',
      'entry 1 has no author and the feed has none',
      'entry 1 has neither content nor an alternate link',
    ]);
  });
});
