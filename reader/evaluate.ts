// npm run eval -- DIR: drafts every NAME.txt in DIR, scores it against NAME.json and prints the
// per-field table and macro F1 exactly as the reference scorer (shared/tools/score_reader.py) does;
// --misses first lists, per article, what the drafts missed (-) and added (+).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { toAnnotation } from './annotation.ts';
import { draftArticle } from './assemble.ts';
import { findMisses, formatReport, type ScoreReport, scoreDrafts, scoredFields } from './score.ts';

/** Annotations and drafts of every NAME.json / NAME.txt pair in DIR (a missing text drafts nothing). */
function draftDirectory(dir: string): { gold: Map<string, unknown>; predicted: Map<string, unknown> } {
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
  return { gold, predicted };
}

export function evaluateDirectory(dir: string): ScoreReport {
  const { gold, predicted } = draftDirectory(dir);
  return scoreDrafts(gold, predicted);
}

/** Per article, what the drafts missed (-) and added (+) against the annotation. */
function formatMisses(dir: string): string {
  const { gold, predicted } = draftDirectory(dir);
  const lines: string[] = [];
  for (const [name, annotation] of gold) {
    const draft = predicted.get(name);
    if (draft === undefined) continue;
    const misses = findMisses(annotation, draft);
    const rows = scoredFields.flatMap((field) => [
      ...misses[field].missed.map((value) => `  - ${field}: ${value}`),
      ...misses[field].extra.map((value) => `  + ${field}: ${value}`),
    ]);
    if (rows.length > 0) lines.push(name, ...rows);
  }
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find((arg) => !arg.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval -- DIR [--misses]');
    process.exit(2);
  }
  if (args.includes('--misses')) console.log(formatMisses(dir));
  console.log(formatReport(evaluateDirectory(dir)));
}

if (process.argv[1] && basename(process.argv[1]).startsWith('evaluate')) main();
