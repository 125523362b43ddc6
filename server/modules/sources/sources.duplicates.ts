// The one rule that recognises an article already stored, for a paste, an upload and a batch
// import alike: the same text once case, Unicode form and spacing are normalised (its hash), or
// the same address, once what does not name the page is set aside (scheme, "www.", a trailing
// slash, tracking parameters, the fragment).
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { sources } from './sources.table.ts';

/** Query parameters that say where a reader came from, never which page: newsletters, social
 * networks and ads add them to the same article's address. */
const trackingParameter =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|zarsrc|mc_cid|mc_eid|igshid|_ga)$/i;

/** The address as stored: tracking parameters and the fragment dropped (the host is lower-cased by
 * the URL parser). An address that does not parse is kept as given. */
export function cleanArticleAddress(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  for (const name of [...url.searchParams.keys()]) {
    if (trackingParameter.test(name)) url.searchParams.delete(name);
  }
  url.hash = '';
  return url.toString();
}

/** What every address of one page shares: http and https, with or without "www." and a trailing
 * slash are the same article. */
export function addressKey(address: string): string {
  const clean = cleanArticleAddress(address);
  return clean
    .replace(/^https?:\/\/(www\.)?/i, '')
    .replace(/\/+(?=\?|$)/, '')
    .toLowerCase();
}

/** The forms an address may have been stored in (cleaned on the way in), for the index look-up. */
function storedForms(address: string): string[] {
  const clean = cleanArticleAddress(address);
  const match = /^https?:\/\/(?:www\.)?([^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(clean);
  if (!match) return [address, clean];
  const [, host, path = '', query = ''] = match;
  const trimmed = path.replace(/\/+$/, '');
  const forms = new Set([address, clean]);
  for (const scheme of ['https://', 'http://'])
    for (const www of ['', 'www.'])
      for (const tail of trimmed === '' ? ['/', ''] : [trimmed, `${trimmed}/`])
        forms.add(`${scheme}${www}${host}${tail}${query}`);
  return [...forms];
}

export type ArticleKey = { hash: string; url: string | null };

export type StoredArticle = {
  id: string;
  title: string;
  publishedAt: Date | null;
  textHash: string | null;
  url: string | null;
};

/** One writer of new sources at a time, across processes, until the transaction ends: a duplicate
 * check made after it sees every article written before, so two identical pastes cannot both pass. */
export async function lockSourceWrites(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('hoptac:source-write', 0))`);
}

/** Stored sources with one of these texts or addresses, oldest first. */
export async function findStoredArticles(
  executor: Database | Transaction,
  keys: readonly ArticleKey[],
): Promise<StoredArticle[]> {
  if (keys.length === 0) return [];
  const hashes = keys.map((key) => key.hash);
  const urls = keys.flatMap((key) => (key.url ? storedForms(key.url) : []));
  return executor
    .select({
      id: sources.id,
      title: sources.title,
      publishedAt: sources.publishedAt,
      textHash: sources.textHash,
      url: sources.url,
    })
    .from(sources)
    .where(
      sql`${sources.textHash} = any(${sql.param(hashes)}::text[]) or ${sources.url} = any(${sql.param(urls)}::text[])`,
    )
    .orderBy(sources.createdAt);
}

/** The stored article this one repeats, and whether by address or by text; the address first,
 * the surer sign. */
export function findRepeated(
  key: ArticleKey,
  stored: readonly StoredArticle[],
): { article: StoredArticle; matchedBy: 'url' | 'text' } | null {
  const wanted = key.url ? addressKey(key.url) : null;
  const byUrl = wanted
    ? stored.find((article) => article.url && addressKey(article.url) === wanted)
    : undefined;
  if (byUrl) return { article: byUrl, matchedBy: 'url' };
  const byText = stored.find((article) => article.textHash === key.hash);
  return byText ? { article: byText, matchedBy: 'text' } : null;
}
