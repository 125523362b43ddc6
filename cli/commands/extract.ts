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

export async function extractFile(file: string): Promise<Record<string, unknown>> {
  const { toAnnotation } = await import('../../reader/annotation.ts');
  const { draftArticle } = await import('../../reader/assemble.ts');
  const { articleBudget, documentToText } = await import('../../server/extraction/document-text.ts');
  const type = documentTypes[extname(file).toLowerCase()];
  if (!type) throw new Error(`${file}: unsupported file type (use .txt, .html, .docx or .pdf)`);
  const text = await documentToText(new Uint8Array(readFileSync(file)), type, articleBudget);
  const draft = draftArticle({ text });
  return { ...toAnnotation(draft), draft };
}

export function registerExtractCommand(program: Command): Command {
  return program
    .command('extract')
    .description('draft events, partners, participants, agreements, areas and commitments from articles')
    .argument('<files...>', 'articles: .txt, .html, .docx or .pdf')
    .option('-o, --out <dir>', 'write DIR/NAME.json per input instead of printing JSON')
    .action(async (files: string[], options: { out?: string }) => {
      let failed = 0;
      if (options.out) mkdirSync(options.out, { recursive: true });
      for (const file of files) {
        try {
          const output = await extractFile(file);
          const json = `${JSON.stringify(output, null, 2)}\n`;
          if (options.out) {
            writeFileSync(join(options.out, `${basename(file, extname(file))}.json`), json);
          } else {
            process.stdout.write(json);
          }
        } catch (error) {
          failed++;
          console.error(error instanceof Error ? error.message : String(error));
        }
      }
      if (options.out) console.error(`wrote ${files.length - failed} draft(s) to ${options.out}`);
      if (failed > 0) process.exitCode = 1;
    });
}
