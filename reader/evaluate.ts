// npm run eval -- DIR: drafts every NAME.txt in DIR, scores it against NAME.json and prints the
// per-field table and macro F1 exactly as the reference scorer (shared/tools/score_reader.py) does.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { toAnnotation } from './annotation.ts';
import { draftArticle } from './assemble.ts';
import { formatReport, type ScoreReport, scoreDrafts } from './score.ts';

export function evaluateDirectory(dir: string): ScoreReport {
  const gold = new Map<string, unknown>();
  const predicted = new Map<string, unknown>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue;
    gold.set(file, JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const textFile = join(dir, `${basename(file, '.json')}.txt`);
    try {
      const text = readFileSync(textFile, 'utf8');
      predicted.set(file, JSON.parse(JSON.stringify(toAnnotation(draftArticle({ text })))));
    } catch {
      // No text beside the annotation: counted as a missing draft, as the reference scorer does.
    }
  }
  return scoreDrafts(gold, predicted);
}

function main(): void {
  const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval -- DIR');
    process.exit(2);
  }
  const report = evaluateDirectory(dir);
  console.log(formatReport(report));
}

if (process.argv[1] && basename(process.argv[1]).startsWith('evaluate')) main();
