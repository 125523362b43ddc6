// The one rule that recognises an article already stored, for a paste, an upload and a batch
// import alike: the same text once case, Unicode form and spacing are normalised (its hash), or
// the same address.
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { sources } from './sources.table.ts';

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
  const urls = keys.flatMap((key) => (key.url ? [key.url] : []));
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
  const byUrl = key.url ? stored.find((article) => article.url === key.url) : undefined;
  if (byUrl) return { article: byUrl, matchedBy: 'url' };
  const byText = stored.find((article) => article.textHash === key.hash);
  return byText ? { article: byText, matchedBy: 'text' } : null;
}
