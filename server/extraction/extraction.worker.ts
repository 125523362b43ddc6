// One extraction job, run in a worker thread of the pool (extraction-pool.ts): pasted text or an
// uploaded document in, the reader's draft out. Nothing here runs on the server's event loop.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'piscina';
import type { ArticleDraft } from '../../common/contracts/draft.ts';
import type { Language } from '../../common/domain/enums.ts';
import { toAnnotation } from '../../reader/annotation.ts';
import { draftArticle, htmlToText, unsupportedLanguage } from '../../reader/index.ts';
import { DocumentRefusal, type DocumentType, documentToText, type TextBudget } from './document-text.ts';
import { type DerivedText, deriveFromText } from './source-text.ts';

/** Drafting is background work: Linux keeps a nice value per thread, so this thread yields the CPU
 * to the server's event loop when both want it (on two cores a slow article otherwise competes
 * with every request). Elsewhere the thread keeps the process's priority. */
function yieldToEventLoop(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(threadId, Math.min(19, getPriority(threadId) + 10));
  } catch {
    // No /proc (not Linux) or not permitted: run at the process's priority.
  }
}
// A command that only drafts (hoptac extract, import, worker) has no event loop to yield to: its
// threads keep the process's priority, or on a busy machine they would get a tenth of their share.
if ((workerData as { isBackground?: boolean } | undefined)?.isBackground !== false) yieldToEventLoop();

export type ExtractionInput =
  | { kind: 'text'; text: string; format: 'text' | 'html' }
  | { kind: 'document'; bytes: Uint8Array; type: DocumentType; filename: string };

export type ExtractionJob = {
  input: ExtractionInput;
  published: string | null;
  lang: Language | undefined;
  budget: TextBudget;
  /** Told when the job starts, so its time limit does not count the wait in the queue. */
  started: MessagePort;
};

/** One article of a batch job. */
export type ExtractionItem = { input: ExtractionInput; published: string | null; lang: Language | undefined };

export type ExtractionBatchJob = {
  items: ExtractionItem[];
  budget: TextBudget;
  /** 'draft' as extractArticle; 'annotation' is `hoptac extract`'s JSON. */
  output: 'draft' | 'annotation';
  /** Told each item's index as it starts. */
  started: MessagePort;
};

export type AnnotationOutcome =
  | { kind: 'annotated'; json: string }
  | { kind: 'refused'; reason: RefusalReason; message: string };

export type RefusalReason = DocumentRefusal['reason'] | 'empty' | 'unsupported_language';

export type ExtractionOutcome =
  | { kind: 'drafted'; draft: ArticleDraft; firstLine: string; derived: DerivedText }
  | { kind: 'refused'; reason: RefusalReason; language?: string };

async function toPlainText(input: ExtractionInput, budget: TextBudget): Promise<string> {
  if (input.kind === 'document') return documentToText(input.bytes, input.type, budget);
  return input.format === 'html' ? htmlToText(input.text) : input.text;
}

export default async function extractArticle(job: ExtractionJob): Promise<ExtractionOutcome> {
  job.started.postMessage('started');
  job.started.close();
  return draftOne(job, job.budget);
}

async function draftOne(item: ExtractionItem, budget: TextBudget): Promise<ExtractionOutcome> {
  let plain: string;
  try {
    plain = await toPlainText(item.input, budget);
  } catch (error) {
    return { kind: 'refused', reason: error instanceof DocumentRefusal ? error.reason : 'unreadable' };
  }
  if (plain.trim().length === 0) return { kind: 'refused', reason: 'empty' };
  // A Chinese (or Russian, Korean …) article would be drafted into nonsense: refused, with its language.
  const language = unsupportedLanguage(plain);
  if (language !== null) return { kind: 'refused', reason: 'unsupported_language', language };
  const draft = draftArticle({ text: plain, published: item.published, lang: item.lang });
  return {
    kind: 'drafted',
    draft,
    firstLine: plain.trim().split('\n')[0]!.slice(0, 300),
    derived: deriveFromText(draft.text),
  };
}

/** `hoptac extract`'s output for one file: the annotation with the full draft under `draft`, as
 * indented JSON (built here, so the command's thread only writes it). As before the pool, every
 * decodable text is drafted, whatever its language. */
async function annotateOne(item: ExtractionItem, budget: TextBudget): Promise<AnnotationOutcome> {
  let text: string;
  try {
    text = await toPlainText(item.input, budget);
  } catch (error) {
    return {
      kind: 'refused',
      reason: error instanceof DocumentRefusal ? error.reason : 'unreadable',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const draft = draftArticle({ text, published: item.published, lang: item.lang });
  return { kind: 'annotated', json: `${JSON.stringify({ ...toAnnotation(draft), draft }, null, 2)}\n` };
}

/** Several articles in one job: a job's hand-off between threads costs about as much as drafting a
 * short article, so small files travel in batches (extraction-pool.ts sizes them by bytes). The
 * port is told the index of each item as it starts: the time limit is per article. */
export async function extractBatch(
  job: ExtractionBatchJob,
): Promise<(ExtractionOutcome | AnnotationOutcome)[]> {
  const outcomes: (ExtractionOutcome | AnnotationOutcome)[] = [];
  try {
    for (const [index, item] of job.items.entries()) {
      job.started.postMessage(index);
      outcomes.push(
        job.output === 'annotation' ? await annotateOne(item, job.budget) : await draftOne(item, job.budget),
      );
    }
  } finally {
    job.started.close();
  }
  return outcomes;
}
