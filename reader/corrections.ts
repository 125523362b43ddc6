// npm run corrections -- DIR [--per-article] [--reader DIR]: how many corrections an officer makes in
// review to turn the reader's draft of every NAME.txt in DIR into its annotation NAME.json.
//
// Items. The draft (draftArticle, then toAnnotation, as `npm run eval` does) and the annotation are
// read into items per kind by score.ts's `itemsOf`, with the scorer's own keys and folding:
// partners (codes, VN dropped) and areas (ids) as sets, as the review picks them from a list;
// participants (name, side = country), events (kind, start date), agreements (kind, status) and
// commitments (text) as lists, so a duplicate the officer has to delete counts.
//
// Right items. An annotation item and a draft item are the same and right when the scorer would
// match them: equal keys one to one (participants by name, events by kind and date, agreements by
// kind and status), commitments by score.ts's `pairCommitments` (greedy word-set Jaccard ≥ 0.35).
//
// Corrections, per kind:
// - edit: one draft item changed into one annotation item. Among the items left unmatched, an
//   annotation item and a draft item of the same kind pair up, greedily in annotation order (first
//   fitting draft item in draft order; best overlap for commitments), when they are the same thing
//   with one field wrong:
//     events        same kind, other date (field `date`); else same date, other kind (`kind`);
//     agreements    same kind, other status (`status`); else same status, other kind (`kind`);
//     participants  one name's words all within the other's, the shorter of at least two words
//                   (a rank or part of the name left on or cut off: `name`);
//     commitments   word-set overlap |A∩B| / min(|A|,|B|) ≥ 0.6, the shorter of at least three
//                   words (a fragment, a sentence holding several items, an outlet's prefix: `text`).
//   A participant right by name whose side is wrong (the annotation gives a country, the draft
//   another or none) is an edit too (`side`). Partners and areas have no edits: a code is picked
//   from a list, so a wrong one is a delete and an add.
// - delete: a draft item left unmatched and unpaired (extra).
// - add: an annotation item left unmatched and unpaired (missed).
// total = deletes + adds + edits. A commitment the scorer matches is right even if worded otherwise.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { itemsOf, pairCommitments, type ScoredItems, wordsOf } from './score.ts';

export const correctionKinds = [
  'partners',
  'participants',
  'areas',
  'events',
  'agreements',
  'commitments',
] as const;
export type CorrectionKind = (typeof correctionKinds)[number];

export interface KindCorrections {
  deletes: number;
  adds: number;
  edits: number;
}

export interface Corrections {
  kinds: Record<CorrectionKind, KindCorrections>;
  /** Edits by field, e.g. `events.date`, `participants.side`. */
  editFields: Record<string, number>;
}

function emptyCorrections(): Corrections {
  const kinds = {} as Record<CorrectionKind, KindCorrections>;
  for (const kind of correctionKinds) kinds[kind] = { deletes: 0, adds: 0, edits: 0 };
  return { kinds, editFields: {} };
}

export function totalOf(counts: KindCorrections): number {
  return counts.deletes + counts.adds + counts.edits;
}

export function grandTotal(corrections: Corrections): number {
  return correctionKinds.reduce((sum, kind) => sum + totalOf(corrections.kinds[kind]), 0);
}

/** Indexes of annotation and draft items left after `pairs` [annotation, draft] took theirs. */
function leftOver(gold: number, draft: number, pairs: readonly [number, number][]): [number[], number[]] {
  const usedGold = new Set(pairs.map(([g]) => g));
  const usedDraft = new Set(pairs.map(([, d]) => d));
  return [
    Array.from({ length: gold }, (_, i) => i).filter((i) => !usedGold.has(i)),
    Array.from({ length: draft }, (_, i) => i).filter((i) => !usedDraft.has(i)),
  ];
}

/** One-to-one pairs, greedily in annotation order, each with the first unused fitting draft item. */
function pairInOrder<G, D>(
  gold: readonly G[],
  goldIndexes: readonly number[],
  draft: readonly D[],
  draftIndexes: readonly number[],
  fits: (g: G, d: D) => boolean,
): [number, number][] {
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  for (const g of goldIndexes) {
    const d = draftIndexes.find((i) => !used.has(i) && fits(gold[g] as G, draft[i] as D));
    if (d === undefined) continue;
    used.add(d);
    pairs.push([g, d]);
  }
  return pairs;
}

/** Leaves of one kind after right pairs, then edit passes in order; each pass names its field. */
function correct<T>(
  out: Corrections,
  kind: CorrectionKind,
  gold: readonly T[],
  draft: readonly T[],
  right: (g: T, d: T) => boolean,
  passes: readonly { field: string; fits: (g: T, d: T) => boolean }[],
): [number, number][] {
  const rightPairs = pairInOrder(gold, indexes(gold), draft, indexes(draft), right);
  let [goldLeft, draftLeft] = leftOver(gold.length, draft.length, rightPairs);
  for (const pass of passes) {
    const pairs = pairInOrder(gold, goldLeft, draft, draftLeft, pass.fits);
    addEdits(out, kind, pass.field, pairs.length);
    const usedGold = new Set(pairs.map(([g]) => g));
    const usedDraft = new Set(pairs.map(([, d]) => d));
    goldLeft = goldLeft.filter((i) => !usedGold.has(i));
    draftLeft = draftLeft.filter((i) => !usedDraft.has(i));
  }
  out.kinds[kind].adds += goldLeft.length;
  out.kinds[kind].deletes += draftLeft.length;
  return rightPairs;
}

function indexes(list: readonly unknown[]): number[] {
  return list.map((_, i) => i);
}

function addEdits(out: Corrections, kind: CorrectionKind, field: string, count: number): void {
  if (count === 0) return;
  out.kinds[kind].edits += count;
  const key = `${kind}.${field}`;
  out.editFields[key] = (out.editFields[key] ?? 0) + count;
}

/** The words of the shorter name all within the longer one, the shorter of at least two words. */
function sameNamePerson(a: string, b: string): boolean {
  const [short, long] = [wordsOf(a), wordsOf(b)].sort((x, y) => x.size - y.size) as [
    Set<string>,
    Set<string>,
  ];
  if (short.size < 2) return false;
  for (const word of short) if (!long.has(word)) return false;
  return true;
}

/** Word-set overlap |A∩B| / min(|A|,|B|); 0 when the shorter has fewer than three words. */
export function commitmentOverlap(a: string, b: string): number {
  const x = wordsOf(a);
  const y = wordsOf(b);
  const smaller = Math.min(x.size, y.size);
  if (smaller < 3) return 0;
  let shared = 0;
  for (const word of x) if (y.has(word)) shared++;
  return shared / smaller;
}

const commitmentEditOverlap = 0.6;

/** The corrections that turn one draft into its annotation (both in the annotation format). */
export function countCorrections(annotation: unknown, draft: unknown): Corrections {
  const out = emptyCorrections();
  const gold: ScoredItems = itemsOf(annotation);
  const drafted: ScoredItems = itemsOf(draft);

  for (const kind of ['partners', 'areas'] as const) {
    const g = new Set(gold[kind]);
    const d = new Set(drafted[kind]);
    out.kinds[kind].adds += [...g].filter((value) => !d.has(value)).length;
    out.kinds[kind].deletes += [...d].filter((value) => !g.has(value)).length;
  }

  const byName = correct(
    out,
    'participants',
    gold.participants,
    drafted.participants,
    (g, d) => g.name === d.name,
    [{ field: 'name', fits: (g, d) => sameNamePerson(g.name, d.name) }],
  );
  const wrongSides = byName.filter(([g, d]) => {
    const want = gold.participants[g]?.country ?? '';
    return want !== '' && want !== drafted.participants[d]?.country;
  }).length;
  addEdits(out, 'participants', 'side', wrongSides);

  correct(out, 'events', gold.events, drafted.events, (g, d) => g.kind === d.kind && g.date === d.date, [
    { field: 'date', fits: (g, d) => g.kind === d.kind },
    { field: 'kind', fits: (g, d) => g.date === d.date },
  ]);

  correct(
    out,
    'agreements',
    gold.agreements,
    drafted.agreements,
    (g, d) => g.kind === d.kind && g.status === d.status,
    [
      { field: 'status', fits: (g, d) => g.kind === d.kind },
      { field: 'kind', fits: (g, d) => g.status === d.status },
    ],
  );

  // Commitments: the scorer's pairs are right; the rest pair by best overlap, greedily.
  const right = pairCommitments(gold.commitments, drafted.commitments);
  const [goldLeft, draftLeft] = leftOver(gold.commitments.length, drafted.commitments.length, right);
  const usedDraft = new Set<number>();
  let edits = 0;
  for (const g of goldLeft) {
    let best: number | undefined;
    let bestScore = 0;
    for (const d of draftLeft) {
      if (usedDraft.has(d)) continue;
      const score = commitmentOverlap(gold.commitments[g] ?? '', drafted.commitments[d] ?? '');
      if (score > bestScore) {
        best = d;
        bestScore = score;
      }
    }
    if (best !== undefined && bestScore >= commitmentEditOverlap) {
      usedDraft.add(best);
      edits++;
    }
  }
  addEdits(out, 'commitments', 'text', edits);
  out.kinds.commitments.adds += goldLeft.length - edits;
  out.kinds.commitments.deletes += draftLeft.length - edits;
  return out;
}

export function sumCorrections(list: readonly Corrections[]): Corrections {
  const sum = emptyCorrections();
  for (const item of list) {
    for (const kind of correctionKinds) {
      sum.kinds[kind].deletes += item.kinds[kind].deletes;
      sum.kinds[kind].adds += item.kinds[kind].adds;
      sum.kinds[kind].edits += item.kinds[kind].edits;
    }
    for (const [field, count] of Object.entries(item.editFields))
      sum.editFields[field] = (sum.editFields[field] ?? 0) + count;
  }
  return sum;
}

/** The table: kind, deletes, adds, edits, total; then all kinds, and the edits by field. */
export function formatCorrections(sum: Corrections, articles: number): string {
  const row = (cells: (string | number)[]) =>
    cells.map((cell, i) => (i === 0 ? String(cell).padEnd(13) : String(cell).padStart(8))).join('');
  const lines = [row(['kind', 'deletes', 'adds', 'edits', 'total'])];
  const all: KindCorrections = { deletes: 0, adds: 0, edits: 0 };
  for (const kind of correctionKinds) {
    const counts = sum.kinds[kind];
    lines.push(row([kind, counts.deletes, counts.adds, counts.edits, totalOf(counts)]));
    all.deletes += counts.deletes;
    all.adds += counts.adds;
    all.edits += counts.edits;
  }
  lines.push(row(['all', all.deletes, all.adds, all.edits, totalOf(all)]));
  const fields = Object.entries(sum.editFields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (fields.length > 0)
    lines.push(`edits by field: ${fields.map(([field, count]) => `${field} ${count}`).join(', ')}`);
  lines.push(
    `${totalOf(all)} corrections over ${articles} articles (${(totalOf(all) / Math.max(1, articles)).toFixed(2)} per article)`,
  );
  return lines.join('\n');
}

type Draft = (text: string) => unknown;

/** The reader of this checkout, or the one in another checkout's reader folder (to compare). */
async function loadReader(folder: string | undefined): Promise<Draft> {
  const base = folder ? resolve(folder) : import.meta.dirname;
  const assemble = (await import(pathToFileURL(join(base, 'assemble.ts')).href)) as {
    draftArticle: (input: { text: string }) => unknown;
  };
  const annotation = (await import(pathToFileURL(join(base, 'annotation.ts')).href)) as {
    toAnnotation: (draft: never) => unknown;
  };
  return (text) =>
    JSON.parse(JSON.stringify(annotation.toAnnotation(assemble.draftArticle({ text }) as never)));
}

/** Corrections of every NAME.txt / NAME.json pair in DIR, by NAME. */
export function correctDirectory(dir: string, draft: Draft): Map<string, Corrections> {
  const result = new Map<string, Corrections>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue;
    const name = basename(file, '.json');
    let text: string;
    try {
      text = readFileSync(join(dir, `${name}.txt`), 'utf8');
    } catch {
      continue; // an annotation without its text is no pair
    }
    const annotation: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    result.set(name, countCorrections(annotation, draft(text)));
  }
  return result;
}

function formatPerArticle(perArticle: ReadonlyMap<string, Corrections>): string {
  const width = Math.max(7, ...[...perArticle.keys()].map((name) => name.length)) + 2;
  const short = ['partn', 'partic', 'areas', 'events', 'agree', 'commit'];
  const lines = [
    `${'article'.padEnd(width)}${'total'.padStart(6)}${short.map((s) => s.padStart(7)).join('')}`,
  ];
  for (const [name, corrections] of perArticle) {
    const cells = correctionKinds.map((kind) => String(totalOf(corrections.kinds[kind])).padStart(7));
    lines.push(`${name.padEnd(width)}${String(grandTotal(corrections)).padStart(6)}${cells.join('')}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const readerAt = args.indexOf('--reader');
  const readerFolder = readerAt >= 0 ? args[readerAt + 1] : undefined;
  const dir = args.find((arg, i) => !arg.startsWith('--') && (readerAt < 0 || i !== readerAt + 1));
  if (!dir || (readerAt >= 0 && !readerFolder)) {
    console.error('usage: npm run corrections -- DIR [--per-article] [--reader READER_FOLDER]');
    process.exit(2);
  }
  const perArticle = correctDirectory(dir, await loadReader(readerFolder));
  if (args.includes('--per-article')) console.log(`${formatPerArticle(perArticle)}\n`);
  console.log(formatCorrections(sumCorrections([...perArticle.values()]), perArticle.size));
}

if (process.argv[1] && basename(process.argv[1]).startsWith('corrections')) await main();
