// The worker threads that decode documents and run the reader, so that one hostile article (a zip
// bomb, a PDF of millions of characters, text built to be slow) never stalls other requests. Built
// once by buildApp and closed with the app.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ReaderFailure } from '../../common/contracts/draft.ts';
import type { Language } from '../../common/domain/enums.ts';
import type { Config } from '../config.ts';
import { articleBudget } from './document-text.ts';
import type {
  AnnotationOutcome,
  ExtractionBatchJob,
  ExtractionInput,
  ExtractionItem,
  ExtractionJob,
  ExtractionOutcome,
  RefusalReason,
} from './extraction.worker.ts';

/** A batch job holds articles up to about this many bytes (and at most `batchItems`): enough that
 * the hand-off between threads is a small part of the job, small enough that both threads stay busy
 * until the end of a run and that one batch's drafts are little memory. */
const batchBytes = 256 * 1024;
const batchItems = 32;

function sizeOf(input: ExtractionInput): number {
  return input.kind === 'document' ? input.bytes.byteLength : input.text.length * 2;
}

/** Splits items into runs of consecutive items, each within the batch's bytes and count. */
export function toBatches<T>(items: T[], bytesOf: (item: T) => number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (current.length > 0 && (current.length >= batchItems || bytes + size > batchBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** How long a job may run once a worker has started it, and the heap a worker may use: past
 * either the worker is ended (and replaced) and the article refused. */
export type ExtractionLimits = Pick<Config, 'HOPTAC_READER_TIME_LIMIT_MS' | 'HOPTAC_READER_MEMORY_LIMIT_MB'>;

export type FailureReason = RefusalReason | 'timed_out' | 'out_of_memory' | 'busy';

/** An article that was not drafted, and why; the sources service words it for the user. */
export class ExtractionFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    /** The language of an article refused as 'unsupported_language' ('zh'). */
    readonly language?: string,
  ) {
    super(`extraction ${reason}`);
  }
}

// Compiled (cli/dist, built by cli/build.mjs) the worker is JavaScript beside this code; run from
// TypeScript (tests, tsx) it loads through tsx, as the rest of the program does.
const isCompiled = !import.meta.url.endsWith('.ts');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** `isWarm` starts a worker now, for the server; otherwise (start-up seeding, the CLI) the first
 * job starts one and an unused pool costs nothing. `threads` defaults to two; a batch import asks
 * for every core. `isBackground` lowers the threads' priority below the event loop's (the server);
 * a command that only drafts turns it off. */
export function createExtractionPool(
  extractionLimits: ExtractionLimits,
  {
    isWarm = false,
    threads = Math.min(2, availableParallelism()),
    isBackground = true,
    onReaderFailures,
  }: {
    isWarm?: boolean;
    threads?: number;
    isBackground?: boolean;
    /** Told when a draft was made with recognisers that failed (the server logs it). */
    onReaderFailures?: (failures: readonly ReaderFailure[]) => void;
  } = {},
) {
  // Two cores are enough that one slow article leaves a worker for the next; more would only
  // multiply the memory a burst of hostile uploads can take.
  const pool = new Piscina<ExtractionJob, ExtractionOutcome>({
    filename: new URL(isCompiled ? './extraction.worker.mjs' : './extraction.worker.ts', import.meta.url)
      .href,
    execArgv: isCompiled ? [] : ['--import', tsxLoader],
    minThreads: isWarm ? 1 : 0,
    maxThreads: threads,
    // Piscina ends a thread the moment it idles (default 0 ms); a batch whose queue empties for an
    // instant between files would then start a new thread, loader and reader for every file.
    idleTimeout: 10_000,
    maxQueue: threads * 4,
    workerData: { isBackground },
    resourceLimits: { maxOldGenerationSizeMb: extractionLimits.HOPTAC_READER_MEMORY_LIMIT_MB },
  });

  async function runJob(job: Omit<ExtractionJob, 'started'>): Promise<ExtractionOutcome> {
    const { port1: onStart, port2: started } = new MessageChannel();
    const timeout = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    onStart.once('message', () => {
      timer = setTimeout(() => timeout.abort(), extractionLimits.HOPTAC_READER_TIME_LIMIT_MS);
    });
    try {
      return await pool.run({ ...job, started }, { signal: timeout.signal, transferList: [started] });
    } catch (error) {
      if (timeout.signal.aborted) throw new ExtractionFailure('timed_out');
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new ExtractionFailure('out_of_memory');
      }
      if ((error as Error).message === 'Task queue is at limit') throw new ExtractionFailure('busy');
      throw error;
    } finally {
      clearTimeout(timer);
      onStart.close();
    }
  }

  type BatchOutcome<O> = O | ExtractionFailure;

  /** One batch job. Its time limit restarts as each item starts; an item that runs past it ends the
   * worker and is failed alone, the batch's other items are run again. On any other loss of the
   * worker (out of memory) each item is run again alone, so only the one at fault fails. */
  async function runBatch<O>(
    items: ExtractionItem[],
    output: ExtractionBatchJob['output'],
  ): Promise<BatchOutcome<O>[]> {
    const { port1: onStart, port2: started } = new MessageChannel();
    const timeout = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let running = -1;
    onStart.on('message', (index: number) => {
      running = index;
      clearTimeout(timer);
      timer = setTimeout(() => timeout.abort(), extractionLimits.HOPTAC_READER_TIME_LIMIT_MS);
    });
    let lost: unknown;
    try {
      return await (pool as unknown as Piscina<ExtractionBatchJob, O[]>).run(
        { items, budget: articleBudget, output, started } satisfies ExtractionBatchJob,
        { name: 'extractBatch', signal: timeout.signal, transferList: [started] },
      );
    } catch (error) {
      if ((error as Error).message === 'Task queue is at limit') {
        return items.map(() => new ExtractionFailure('busy'));
      }
      lost = error;
    } finally {
      clearTimeout(timer);
      onStart.close();
    }
    if (timeout.signal.aborted && running >= 0) {
      const others = items.filter((_, index) => index !== running);
      const rerun = others.length > 0 ? await runBatch<O>(others, output) : [];
      rerun.splice(running, 0, new ExtractionFailure('timed_out'));
      return rerun;
    }
    if (items.length === 1) {
      if ((lost as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        return [new ExtractionFailure('out_of_memory')];
      }
      throw lost;
    }
    return Promise.all(items.map(async (item) => (await runBatch<O>([item], output))[0]!));
  }

  /** Every item through batch jobs, at most two jobs per thread in flight; outcomes in order. */
  async function runMany<O>(
    items: ExtractionItem[],
    output: ExtractionBatchJob['output'],
  ): Promise<BatchOutcome<O>[]> {
    const batches = toBatches(items, (item) => sizeOf(item.input));
    const results: BatchOutcome<O>[][] = new Array(batches.length);
    let next = 0;
    const lanes = Array.from({ length: Math.min(threads * 2, batches.length) }, async () => {
      while (next < batches.length) {
        const index = next++;
        results[index] = await runBatch<O>(batches[index]!, output);
      }
    });
    await Promise.all(lanes);
    return results.flat();
  }

  return {
    /** Many articles' drafts in batch jobs (a batch import): per article its outcome or the
     * failure, in the input's order. */
    async draftMany(
      items: ExtractionItem[],
    ): Promise<(Extract<ExtractionOutcome, { kind: 'drafted' }> | ExtractionFailure)[]> {
      const outcomes = await runMany<ExtractionOutcome>(items, 'draft');
      return outcomes.map((outcome) => {
        if (outcome instanceof ExtractionFailure) return outcome;
        if (outcome.kind !== 'drafted') return new ExtractionFailure(outcome.reason, outcome.language);
        const failures = outcome.draft.readerFailures;
        if (failures && failures.length > 0) onReaderFailures?.(failures);
        return outcome;
      });
    },
    /** `hoptac extract`'s JSON per file (or why the file could not be read), in order. */
    annotateMany: (items: ExtractionItem[]) => runMany<AnnotationOutcome>(items, 'annotation'),
    /** The reader's draft of pasted text or an uploaded document, and the text's first line. */
    async draft(input: ExtractionInput, options: { published: string | null; lang: Language | undefined }) {
      const outcome = await runJob({ input, budget: articleBudget, ...options });
      if (outcome.kind === 'refused') throw new ExtractionFailure(outcome.reason, outcome.language);
      const failures = outcome.draft.readerFailures;
      if (failures && failures.length > 0) onReaderFailures?.(failures);
      return outcome;
    },
    /** Jobs the pool holds at most (running and queued): a batch keeps fewer than this in flight. */
    capacity: threads * 5,
    close: () => pool.destroy(),
  };
}

export type ExtractionPool = ReturnType<typeof createExtractionPool>;
