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

const feedTitle = 'hoptac — Hợp tác quốc tế về y tế';
const publisher = 'hoptac';

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

function renderEntry(entry: FeedEntry, baseUrl: string): string {
  const url = `${baseUrl}${publicPaths.article(entry)}`;
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
export function renderAtomFeed(entries: FeedEntry[], baseUrl: string): string {
  const updated =
    entries
      .map((entry) => entry.updatedAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    element('id', `${baseUrl}/`),
    textElement('title', feedTitle),
    element('updated', updated),
    `<author>${element('name', publisher)}</author>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(`${baseUrl}/feed.atom`)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(`${baseUrl}/`)}"/>`,
    ...entries.map((entry) => renderEntry(entry, baseUrl)),
    '</feed>',
  ].join('\n');
}
