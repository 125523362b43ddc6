// hoptac extract FILE... [--out DIR]: one draft per input, written as DIR/NAME.json (or printed).
// The top level is the plain annotation format, so score_reader.py and `npm run eval` read the file
// directly; the full draft with spans and confidences sits under `draft`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';

import type { DocumentType } from '../../server/extraction/document-text.ts';

const documentTypes: Record<string, DocumentType> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** The reader's modules, loaded lazily (so `--help` stays fast) and once: a dynamic import per
 * file cost about a third of a 3,000-file run. */
let readerModules:
  | Promise<
      [
        typeof import('../../reader/annotation.ts'),
        typeof import('../../reader/assemble.ts'),
        typeof import('../../server/extraction/document-text.ts'),
      ]
    >
  | undefined;

export async function extractFile(file: string): Promise<Record<string, unknown>> {
  readerModules ??= Promise.all([
    import('../../reader/annotation.ts'),
    import('../../reader/assemble.ts'),
    import('../../server/extraction/document-text.ts'),
  ]);
  const [{ toAnnotation }, { draftArticle }, { articleBudget, documentToText }] = await readerModules;
  const type = documentTypes[extname(file).toLowerCase()];
  if (!type) throw new Error(`${file}: unsupported file type (use .txt, .html, .docx or .pdf)`);
  const text = await documentToText(new Uint8Array(readFileSync(file)), type, articleBudget);
  const draft = draftArticle({ text });
  return { ...toAnnotation(draft), draft };
}

/** Files read per round: enough batches to keep every thread busy, few enough that memory stays
 * small for any number of files. */
const filesPerRound = 256;

/** Drafts files in the reader's worker pool, on every core, several small files per job; writes
 * each file's JSON (or its error) in the order given. */
export async function extractFiles(
  files: string[],
  write: (file: string, json: string) => void,
  fail: (message: string) => void,
): Promise<number> {
  const { availableParallelism } = await import('node:os');
  const { readConfig } = await import('../../server/config.ts');
  const { createExtractionPool } = await import('../../server/extraction/extraction-pool.ts');
  const config = readConfig({ LOG_LEVEL: 'silent' });
  const pool = createExtractionPool(config, {
    threads: Math.max(1, Math.min(availableParallelism(), Math.ceil(files.length / 4))),
    isBackground: false,
  });
  /** Reads a round of files and hands them to the pool; the drafts come back while the previous
   * round's outputs are written, so the threads never wait on the disk. */
  const startRound = (from: number) => {
    const round = files.slice(from, from + filesPerRound);
    const readable: { file: string; type: DocumentType; bytes: Uint8Array }[] = [];
    const errors = new Map<number, string>();
    round.forEach((file, index) => {
      const type = documentTypes[extname(file).toLowerCase()];
      if (!type) {
        errors.set(index, `${file}: unsupported file type (use .txt, .html, .docx or .pdf)`);
        return;
      }
      try {
        readable.push({ file, type, bytes: new Uint8Array(readFileSync(file)) });
      } catch (error) {
        errors.set(index, error instanceof Error ? error.message : String(error));
      }
    });
    const outcomes = pool.annotateMany(
      readable.map(({ file, type, bytes }) => ({
        input: { kind: 'document' as const, bytes, type, filename: file },
        published: null,
        lang: undefined,
      })),
    );
    return { round, errors, outcomes };
  };
  let failed = 0;
  try {
    let next = files.length > 0 ? startRound(0) : null;
    for (let from = 0; next; from += filesPerRound) {
      const { round, errors, outcomes: drafting } = next;
      const outcomes = await drafting;
      next = from + filesPerRound < files.length ? startRound(from + filesPerRound) : null;
      let at = 0;
      round.forEach((file, index) => {
        const error = errors.get(index);
        const outcome = error === undefined ? outcomes[at++] : undefined;
        if (outcome && !(outcome instanceof Error) && outcome.kind === 'annotated') {
          write(file, outcome.json);
          return;
        }
        failed++;
        if (!outcome) fail(error!);
        else if (outcome instanceof Error) fail(`${file}: ${outcome.reason.replaceAll('_', ' ')}`);
        else fail(`${file}: ${outcome.message}`);
      });
    }
  } finally {
    await pool.close();
  }
  return failed;
}

export function registerExtractCommand(program: Command): Command {
  return program
    .command('extract')
    .description('draft events, partners, participants, agreements, areas and commitments from articles')
    .argument('<files...>', 'articles: .txt, .html, .docx or .pdf')
    .option('-o, --out <dir>', 'write DIR/NAME.json per input instead of printing JSON')
    .action(async (files: string[], options: { out?: string }) => {
      if (options.out) mkdirSync(options.out, { recursive: true });
      const failed = await extractFiles(
        files,
        (file, json) => {
          if (options.out) writeFileSync(join(options.out, `${basename(file, extname(file))}.json`), json);
          else process.stdout.write(json);
        },
        (message) => console.error(message),
      );
      if (options.out) console.error(`wrote ${files.length - failed} draft(s) to ${options.out}`);
      if (failed > 0) process.exitCode = 1;
    });
}
