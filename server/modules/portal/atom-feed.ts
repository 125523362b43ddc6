import { publicPaths } from '../../../common/domain/public-urls.ts';

// The Atom feed (RFC 4287) of published news, written by hand: titles and leads are plain text and
// must be declared so (type="text"), which the general feed libraries do not allow.

export type FeedEntry = {
  id: string;
  title: string;
  lead: string | null;
  outlet: string | null;
  publishedAt: string | null;
  updatedAt: string;
};

const feedTitles = {
  vi: 'hoptac — Hợp tác quốc tế về y tế',
  en: 'hoptac — International health cooperation',
};
const publisher = 'hoptac';

/** Which news a feed carries: all, one language's, or one partner's (in the reader's language). */
export type FeedScope = {
  language: 'vi' | 'en';
  /** Only news in that language (`?lang=`); the whole feed otherwise, its labels in Vietnamese. */
  isLanguageOnly: boolean;
  partner: { code: string; nameVi: string; nameEn: string | null } | null;
};

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF);
// an uploaded document may hold them, and one would make the whole feed unreadable.
const notXmlCharacters =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeXml(text: string): string {
  return text
    .replace(notXmlCharacters, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

const textElement = (name: string, text: string) => element(name, text, ' type="text"');

function renderEntry(entry: FeedEntry, baseUrl: string, query: string): string {
  const url = `${baseUrl}${publicPaths.article(entry)}${query}`;
  return [
    '<entry>',
    // A source's UUID never changes, whatever address the portal moves to.
    element('id', `urn:uuid:${entry.id}`),
    textElement('title', entry.title),
    element('updated', entry.updatedAt),
    entry.publishedAt ? element('published', entry.publishedAt) : '',
    entry.outlet ? `<author>${element('name', entry.outlet)}</author>` : '',
    `<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    entry.lead ? textElement('summary', entry.lead) : '',
    '</entry>',
  ].join('');
}

/** The feed at baseUrl (the configured public address, never the request's Host header). Entries
 * without an outlet take the feed's author, as RFC 4287 §4.2.1 allows. */
export function renderAtomFeed(
  entries: FeedEntry[],
  baseUrl: string,
  scope: FeedScope = { language: 'vi', isLanguageOnly: false, partner: null },
): string {
  const { language, partner } = scope;
  // An English feed links to the English pages; the feed's own address repeats its scope, and its
  // id differs per scope (RFC 4287 §4.2.6: an id names one feed).
  const pageQuery = language === 'en' ? '?lang=en' : '';
  const feedQuery = new URLSearchParams({
    ...(scope.isLanguageOnly ? { lang: language } : {}),
    ...(partner ? { partner: partner.code.toLowerCase() } : {}),
  }).toString();
  const self = `${baseUrl}/feed.atom${feedQuery ? `?${feedQuery}` : ''}`;
  const home = partner
    ? `${baseUrl}${publicPaths.partner(partner.code)}${pageQuery}`
    : `${baseUrl}/${pageQuery}`;
  const partnerName = partner
    ? language === 'en'
      ? (partner.nameEn ?? partner.nameVi)
      : partner.nameVi
    : null;
  const title = partnerName ? `${feedTitles[language]} — ${partnerName}` : feedTitles[language];
  const updated =
    entries
      .map((entry) => entry.updatedAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
    element('id', feedQuery ? self : `${baseUrl}/`),
    textElement('title', title),
    element('updated', updated),
    `<author>${element('name', publisher)}</author>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    ...entries.map((entry) => renderEntry(entry, baseUrl, pageQuery)),
    '</feed>',
  ].join('\n');
}
