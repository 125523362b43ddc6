// Batch import: articles are staged in the database (import_items, bytes included), then drafted
// by the reader's worker pool and written in batches. A batch's sources, their audit rows and the
// items' new status commit in one transaction, so a rerun after a crash (or a second worker) skips
// what is settled and repeats only what no transaction acknowledged: exactly once.
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { ImportProgress } from '../../../common/contracts/imports.ts';
import type { CreateSource } from '../../../common/contracts/sources.ts';
import type { Database, Transaction } from '../../db/client.ts';
import type { Actor } from '../../db/records.ts';
import { type DocumentType, documentTypeOf } from '../../extraction/document-text.ts';
import { ExtractionFailure, type ExtractionPool } from '../../extraction/extraction-pool.ts';
import { addressKey, findStoredArticles, lockSourceWrites } from '../sources/sources.duplicates.ts';
import type { SourcesService } from '../sources/sources.service.ts';
import { toNewSource } from '../sources/sources.service.ts';
import { importItems, imports } from './imports.table.ts';

/** Articles written per transaction. */
export const importBatchSize = 200;

export type StagedItem = { path: string; bytes: Uint8Array | null; reason?: string };

export type ImportCounts = {
  total: number;
  imported: number;
  duplicates: number;
  failed: number;
  pending: number;
};

export type ImportFailure = { path: string; reason: string };

type Pending = { seq: number; path: string; bytes: Uint8Array | null };

type Outcome =
  | { seq: number; kind: 'drafted'; source: CreateSource; hash: string; url: string | null }
  | { seq: number; kind: 'failed'; reason: string };

const failureWords: Record<string, string> = {
  empty: 'no article text was found',
  unreadable: 'the file could not be read; is it damaged?',
  too_large: 'the file unpacks to far more than an article',
  text_too_long: 'the file holds more text than one source may have',
  timed_out: 'reading it took too long and was stopped',
  out_of_memory: 'reading it needed more memory than allowed',
  busy: 'the reader was busy',
  unsupported_language: 'it is not in Vietnamese or English, the languages the reader reads',
};

export function createImportsService({
  db,
  extraction,
  sources: sourcesService,
}: {
  db: Database;
  extraction: ExtractionPool;
  sources: SourcesService;
}) {
  /** Drafts a batch's items in the pool's batch jobs (several articles per job: one job per
   * article cost as much in hand-offs as drafting a short one). */
  async function draftItems(items: Pending[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = new Array(items.length);
    const toDraft: { index: number; item: Pending; type: DocumentType }[] = [];
    items.forEach((item, index) => {
      const type = documentTypeOf(item.path);
      if (!type)
        outcomes[index] = { seq: item.seq, kind: 'failed', reason: 'not a .txt, .html, .docx or .pdf file' };
      else if (!item.bytes)
        outcomes[index] = { seq: item.seq, kind: 'failed', reason: 'the file could not be read' };
      else toDraft.push({ index, item, type });
    });
    const drafted = await extraction.draftMany(
      toDraft.map(({ item, type }) => ({
        input: { kind: 'document' as const, bytes: item.bytes!, type, filename: item.path },
        published: null,
        lang: undefined,
      })),
    );
    toDraft.forEach(({ index, item }, at) => {
      const outcome = drafted[at]!;
      if (outcome instanceof ExtractionFailure) {
        outcomes[index] = {
          seq: item.seq,
          kind: 'failed',
          reason: failureWords[outcome.reason] ?? outcome.reason,
        };
        return;
      }
      outcomes[index] = {
        seq: item.seq,
        kind: 'drafted',
        source: toNewSource(outcome, {}),
        hash: outcome.derived.textHash,
        url: outcome.draft.url,
      };
    });
    return outcomes;
  }

  /** Writes one batch: new sources, duplicates skipped, every item settled, in one transaction.
   * Items another worker settled meanwhile are left alone. */
  async function writeBatch(importId: string, outcomes: Outcome[], actor: Actor): Promise<void> {
    if (outcomes.length === 0) return;
    await db.transaction(async (tx) => {
      // One writer at a time across processes (pastes included): the duplicate check below then
      // sees every earlier batch. Drafting, the expensive part, stays parallel.
      await lockSourceWrites(tx);
      const seqs = outcomes.map((outcome) => outcome.seq);
      const stillPending = await tx
        .select({ seq: importItems.seq })
        .from(importItems)
        .where(
          and(
            eq(importItems.importId, importId),
            sql`${importItems.seq} = any(${sql.param(seqs)}::int[])`,
            eq(importItems.status, 'pending'),
          ),
        )
        .for('update');
      const open = new Set(stillPending.map((row) => row.seq));
      const mine = outcomes.filter((outcome) => open.has(outcome.seq));
      const drafted = mine.filter((outcome) => outcome.kind === 'drafted');
      const seen = await findStored(tx, drafted);
      const settled: { seq: number; status: string; reason: string | null; sourceId: string | null }[] = [];
      const fresh: (Outcome & { kind: 'drafted' })[] = [];
      for (const outcome of mine) {
        if (outcome.kind === 'failed') {
          settled.push({ seq: outcome.seq, status: 'failed', reason: outcome.reason, sourceId: null });
        } else if (seen.has(outcome.hash) || (outcome.url && seen.has(`url:${addressKey(outcome.url)}`))) {
          settled.push({ seq: outcome.seq, status: 'duplicate', reason: null, sourceId: null });
        } else {
          seen.add(outcome.hash);
          if (outcome.url) seen.add(`url:${addressKey(outcome.url)}`);
          fresh.push(outcome);
        }
      }
      const rows = await sourcesService.createDrafted(
        fresh.map((outcome) => outcome.source),
        actor,
        tx,
      );
      rows.forEach((row, index) => {
        settled.push({ seq: fresh[index]!.seq, status: 'imported', reason: null, sourceId: row.id });
      });
      await settleItems(tx, importId, settled);
    });
  }

  /** Hashes and addresses of these drafts already stored, as `hash` and `url:KEY` (addressKey). */
  async function findStored(tx: Transaction, drafted: { hash: string; url: string | null }[]) {
    const seen = new Set<string>();
    for (const row of await findStoredArticles(tx, drafted)) {
      if (row.textHash) seen.add(row.textHash);
      if (row.url) seen.add(`url:${addressKey(row.url)}`);
    }
    return seen;
  }

  async function settleItems(
    tx: Transaction,
    importId: string,
    settled: { seq: number; status: string; reason: string | null; sourceId: string | null }[],
  ) {
    if (settled.length === 0) return;
    const column = <K extends keyof (typeof settled)[number]>(key: K) =>
      sql.param(settled.map((item) => item[key]));
    await tx.execute(sql`
      update import_items as i
      set status = v.status, reason = v.reason, source_id = v.source_id, bytes = null, settled_at = now()
      from unnest(${column('seq')}::int[], ${column('status')}::text[], ${column('reason')}::text[],
                  ${column('sourceId')}::uuid[]) as v(seq, status, reason, source_id)
      where i.import_id = ${importId} and i.seq = v.seq`);
  }

  async function readPending(importId: string, afterSeq: number, toSeq: number | undefined) {
    return db
      .select({ seq: importItems.seq, path: importItems.path, bytes: importItems.bytes })
      .from(importItems)
      .where(
        and(
          eq(importItems.importId, importId),
          eq(importItems.status, 'pending'),
          gt(importItems.seq, afterSeq),
          toSeq === undefined ? undefined : lte(importItems.seq, toSeq),
        ),
      )
      .orderBy(asc(importItems.seq))
      .limit(importBatchSize);
  }

  return {
    /** The unfinished import started with this key (a rerun resumes it), or a new one. */
    async openImport(key: string, actor: Actor): Promise<{ id: string; isResumed: boolean }> {
      const [created] = await db
        .insert(imports)
        .values({ key, createdBy: actor.userId, createdByEmail: actor.email })
        .onConflictDoNothing({ target: imports.key, where: sql`status <> 'done'` })
        .returning({ id: imports.id });
      if (created) return { id: created.id, isResumed: false };
      const [open] = await db
        .select({ id: imports.id })
        .from(imports)
        .where(and(eq(imports.key, key), sql`${imports.status} <> 'done'`));
      if (!open) throw new Error('The import was finished by another process meanwhile; run it again.');
      return { id: open.id, isResumed: true };
    },

    async stagedPaths(importId: string): Promise<Set<string>> {
      const rows = await db
        .select({ path: importItems.path })
        .from(importItems)
        .where(eq(importItems.importId, importId));
      return new Set(rows.map((row) => row.path));
    },

    /** Stages items after the import's last one; a path staged before is skipped. */
    async stageItems(importId: string, items: StagedItem[]): Promise<void> {
      if (items.length === 0) return;
      await db.transaction(async (tx) => {
        const [last] = await tx
          .select({ seq: sql<number>`coalesce(max(${importItems.seq}), 0)::int` })
          .from(importItems)
          .where(eq(importItems.importId, importId));
        const first = Number(last?.seq ?? 0) + 1;
        await tx
          .insert(importItems)
          .values(
            items.map((item, index) => ({
              importId,
              seq: first + index,
              path: item.path,
              bytes: item.reason ? null : item.bytes,
              ...(item.reason
                ? { status: 'failed' as const, reason: item.reason, settledAt: new Date() }
                : {}),
            })),
          )
          .onConflictDoNothing();
      });
    },

    /** Ends staging: the items are all there, workers may take them. */
    async markQueued(importId: string): Promise<number> {
      const [row] = await db
        .update(imports)
        .set({
          status: sql`case when ${imports.status} = 'done' then 'done' else 'queued' end`,
          total: sql`(select count(*)::int from import_items where import_id = ${importId})`,
        })
        .where(eq(imports.id, importId))
        .returning({ total: imports.total });
      return row?.total ?? 0;
    },

    /** The actor an import's sources are written by in the audit trail. */
    async actorOf(importId: string): Promise<Actor> {
      const [row] = await db
        .select({ userId: imports.createdBy, email: imports.createdByEmail })
        .from(imports)
        .where(eq(imports.id, importId));
      return row ?? { userId: null, email: null };
    },

    /** Drafts and writes the pending items (of seq range (fromSeq, toSeq], or all), reading and
     * drafting the next batch while the current one is written. */
    async processItems(
      importId: string,
      actor: Actor,
      range: { fromSeq?: number; toSeq?: number } = {},
      onBatch: () => void | Promise<void> = () => {},
    ): Promise<void> {
      let after = range.fromSeq ?? 0;
      let batch = await readPending(importId, after, range.toSeq);
      let writing: Promise<void> = Promise.resolve();
      while (batch.length > 0) {
        after = batch[batch.length - 1]!.seq;
        const nextRead = readPending(importId, after, range.toSeq);
        const outcomes = await draftItems(batch);
        await writing;
        writing = writeBatch(importId, outcomes, actor).then(onBatch);
        batch = await nextRead;
      }
      await writing;
    },

    /** Marks the import done when nothing is left pending; answers whether it is. */
    async finishIfSettled(importId: string): Promise<boolean> {
      const updated = await db
        .update(imports)
        .set({ status: 'done', finishedAt: new Date() })
        .where(
          and(
            eq(imports.id, importId),
            eq(imports.status, 'queued'),
            sql`not exists (select 1 from import_items where import_id = ${importId} and status = 'pending')`,
          ),
        )
        .returning({ id: imports.id });
      if (updated.length > 0) return true;
      const [row] = await db.select({ status: imports.status }).from(imports).where(eq(imports.id, importId));
      return row?.status === 'done';
    },

    async countItems(importId: string): Promise<ImportCounts> {
      const rows = await db
        .select({ status: importItems.status, n: sql<number>`count(*)::int` })
        .from(importItems)
        .where(eq(importItems.importId, importId))
        .groupBy(importItems.status);
      const by = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
      const counts = {
        imported: by.imported ?? 0,
        duplicates: by.duplicate ?? 0,
        failed: by.failed ?? 0,
        pending: by.pending ?? 0,
      };
      return { total: counts.imported + counts.duplicates + counts.failed + counts.pending, ...counts };
    },

    /** Imports fully staged but not yet settled: on PGlite, what a restarted server carries on with. */
    async listQueued(): Promise<string[]> {
      const rows = await db.select({ id: imports.id }).from(imports).where(eq(imports.status, 'queued'));
      return rows.map((row) => row.id);
    },

    /** Where the import stands, for the web's progress bar. */
    async getProgress(importId: string): Promise<ImportProgress | null> {
      const [row] = await db.select({ status: imports.status }).from(imports).where(eq(imports.id, importId));
      if (!row) return null;
      const counts = await this.countItems(importId);
      const failures = await this.listFailures(importId, 200);
      return { id: importId, status: row.status, ...counts, failures };
    },

    async listFailures(importId: string, limit?: number): Promise<ImportFailure[]> {
      const rows = await db
        .select({ path: importItems.path, reason: importItems.reason })
        .from(importItems)
        .where(and(eq(importItems.importId, importId), eq(importItems.status, 'failed')))
        .orderBy(asc(importItems.seq))
        .limit(limit ?? 2 ** 31 - 1);
      return rows.map((row) => ({ path: row.path, reason: row.reason ?? '' }));
    },

    /** Ranges of item seqs of about `size` items each, for jobs on the queue. */
    async seqRanges(importId: string, size = importBatchSize): Promise<{ fromSeq: number; toSeq: number }[]> {
      const [row] = await db
        .select({ last: sql<number>`coalesce(max(${importItems.seq}), 0)::int` })
        .from(importItems)
        .where(eq(importItems.importId, importId));
      const last = Number(row?.last ?? 0);
      const ranges = [];
      for (let from = 0; from < last; from += size)
        ranges.push({ fromSeq: from, toSeq: Math.min(from + size, last) });
      return ranges;
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;

/** A CSV of the failures (path, reason), quoted as RFC 4180 says. */
export function toFailuresCsv(failures: ImportFailure[]): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return ['path,reason', ...failures.map((failure) => `${quote(failure.path)},${quote(failure.reason)}`)]
    .map((line) => `${line}\r\n`)
    .join('');
}
