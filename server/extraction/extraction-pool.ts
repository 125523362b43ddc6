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
  ExtractionInput,
  ExtractionJob,
  ExtractionOutcome,
  RefusalReason,
} from './extraction.worker.ts';

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
 * for every core. */
export function createExtractionPool(
  extractionLimits: ExtractionLimits,
  {
    isWarm = false,
    threads = Math.min(2, availableParallelism()),
    onReaderFailures,
  }: {
    isWarm?: boolean;
    threads?: number;
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

  return {
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
