// A faithful port of the reference scorer (shared/tools/score_reader.py): same folding, same sets, same greedy
// commitment matching and the same printed lines, so both tools report identical numbers.

type Json = unknown;

export const scoredFields = [
  'partners',
  'participants',
  'areas',
  'event_kinds',
  'event_dates',
  'agreements',
  'commitments',
] as const;
export type ScoredField = (typeof scoredFields)[number];

export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreReport {
  fields: Record<ScoredField, FieldScore>;
  macroF1: number;
  articles: number;
  missing: string[];
}

interface Sets {
  partners: Set<string>;
  participants: Set<string>;
  areas: Set<string>;
  event_kinds: Set<string>;
  event_dates: Set<string>;
  agreements: Set<string>;
  commitments: string[];
}

/** Python's fold: NFD, đ→d, drop category Mn, collapse whitespace, strip, lower. */
export function foldLikeScorer(value: Json): string {
  const text = pyStr(
    value === null || value === undefined || value === '' || value === false || value === 0 ? '' : value,
  );
  return text
    .normalize('NFD')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\p{Mn}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

function pyStr(value: Json): string {
  if (typeof value === 'string') return value;
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return String(value);
}

function pick(item: Json, ...keys: string[]): Json {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const record = item as Record<string, Json>;
    for (const key of keys) {
      if (record[key] !== null && record[key] !== undefined) return record[key];
    }
    return null;
  }
  return item;
}

function isTruthy(value: Json): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function listOf(doc: Record<string, Json>, key: string): Json[] {
  const value = doc[key];
  return Array.isArray(value) && value.length > 0 ? value : [];
}

function setsOf(doc: Record<string, Json>): Sets {
  const partners = new Set<string>();
  for (const p of listOf(doc, 'partners')) {
    const value = pick(p, 'code', 'id', 'name');
    if (isTruthy(value)) partners.add(foldLikeScorer(value).toUpperCase());
  }
  partners.delete('VN');
  const participants = new Set<string>();
  for (const p of listOf(doc, 'participants')) {
    const value = pick(p, 'name');
    if (isTruthy(value)) participants.add(foldLikeScorer(value));
  }
  const areas = new Set<string>();
  for (const a of listOf(doc, 'areas')) {
    const value = pick(a, 'id', 'area');
    if (isTruthy(value)) areas.add(foldLikeScorer(value));
  }
  const eventKinds = new Set<string>();
  const eventDates = new Set<string>();
  for (const e of listOf(doc, 'events')) {
    const kind = pick(e, 'kind');
    if (isTruthy(kind)) eventKinds.add(foldLikeScorer(kind));
    const start = pick(e, 'start');
    if (isTruthy(start)) eventDates.add(pyStr(start).slice(0, 10));
  }
  const agreements = new Set<string>();
  for (const a of listOf(doc, 'agreements')) {
    if (isTruthy(pick(a, 'kind')))
      agreements.add(`${foldLikeScorer(pick(a, 'kind'))}:${foldLikeScorer(pick(a, 'status'))}`);
  }
  const commitments: string[] = [];
  for (const c of listOf(doc, 'commitments')) {
    const value = pick(c, 'text');
    if (isTruthy(value)) commitments.push(foldLikeScorer(value));
  }
  return {
    partners,
    participants,
    areas,
    event_kinds: eventKinds,
    event_dates: eventDates,
    agreements,
    commitments,
  };
}

/** The items of one annotation or draft, keyed exactly as the scorer's sets are, kept as lists. */
export interface ScoredItems {
  /** Codes as `setsOf` keeps them (folded, upper case, VN dropped), duplicates collapsed. */
  partners: string[];
  /** Folded name, and the folded country code ('' when none) the participant's side is. */
  participants: { name: string; country: string }[];
  /** Folded ids, duplicates collapsed. */
  areas: string[];
  /** Folded kind ('' when none) and the first ten characters of the start ('' when none). */
  events: { kind: string; date: string }[];
  /** Folded kind and status, for agreements with a kind (the scorer skips the others). */
  agreements: { kind: string; status: string }[];
  /** Folded texts. */
  commitments: string[];
}

/** `setsOf` as lists: one entry per item, so duplicates a reviewer would delete stay visible. */
export function itemsOf(doc: Json): ScoredItems {
  const record = asRecord(doc);
  const sets = setsOf(record);
  const participants: ScoredItems['participants'] = [];
  for (const p of listOf(record, 'participants')) {
    const value = pick(p, 'name');
    if (isTruthy(value))
      participants.push({
        name: foldLikeScorer(value),
        country: foldLikeScorer(pick(p, 'country')).toUpperCase(),
      });
  }
  const events: ScoredItems['events'] = [];
  for (const e of listOf(record, 'events')) {
    const kind = pick(e, 'kind');
    const start = pick(e, 'start');
    if (!isTruthy(kind) && !isTruthy(start)) continue;
    events.push({
      kind: isTruthy(kind) ? foldLikeScorer(kind) : '',
      date: isTruthy(start) ? pyStr(start).slice(0, 10) : '',
    });
  }
  const agreements: ScoredItems['agreements'] = [];
  for (const a of listOf(record, 'agreements')) {
    if (isTruthy(pick(a, 'kind')))
      agreements.push({ kind: foldLikeScorer(pick(a, 'kind')), status: foldLikeScorer(pick(a, 'status')) });
  }
  return {
    partners: [...sets.partners],
    participants,
    areas: [...sets.areas],
    events,
    agreements,
    commitments: sets.commitments,
  };
}

/** Python's re.findall(r"\w+") on folded text. */
export function wordsOf(text: string): Set<string> {
  return new Set(text.match(/[\p{L}\p{N}_\p{Mc}\p{Mn}]+/gu) ?? []);
}

/** Greedy one-to-one pairs [gold index, predicted index] with word-set Jaccard ≥ 0.35, as the scorer does. */
export function pairCommitments(gold: readonly string[], predicted: readonly string[]): [number, number][] {
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  const predictedWords = predicted.map(wordsOf);
  gold.forEach((g, goldIndex) => {
    const goldWords = wordsOf(g);
    let best: number | null = null;
    let bestScore = 0;
    predictedWords.forEach((words, i) => {
      if (used.has(i)) return;
      let shared = 0;
      for (const word of goldWords) if (words.has(word)) shared++;
      const union = goldWords.size + words.size - shared;
      const score = shared / Math.max(1, union);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best !== null && bestScore >= 0.35) {
      used.add(best);
      pairs.push([goldIndex, best]);
    }
  });
  return pairs;
}

export function matchCommitments(
  gold: readonly string[],
  predicted: readonly string[],
): [number, number, number] {
  const tp = pairCommitments(gold, predicted).length;
  return [tp, predicted.length - tp, gold.length - tp];
}

/** What one draft missed and what it added beyond the annotation, per field (for diagnosis). */
export function findMisses(
  gold: Json,
  predicted: Json,
): Record<ScoredField, { missed: string[]; extra: string[] }> {
  const g = setsOf(asRecord(gold));
  const p = setsOf(asRecord(predicted));
  const misses = {} as Record<ScoredField, { missed: string[]; extra: string[] }>;
  for (const field of scoredFields) {
    if (field === 'commitments') {
      const pairs = pairCommitments(g.commitments, p.commitments);
      const goldMatched = new Set(pairs.map(([goldIndex]) => goldIndex));
      const predictedMatched = new Set(pairs.map(([, predictedIndex]) => predictedIndex));
      misses[field] = {
        missed: g.commitments.filter((_, i) => !goldMatched.has(i)),
        extra: p.commitments.filter((_, i) => !predictedMatched.has(i)),
      };
    } else {
      misses[field] = {
        missed: [...g[field]].filter((value) => !p[field].has(value)),
        extra: [...p[field]].filter((value) => !g[field].has(value)),
      };
    }
  }
  return misses;
}

/** Scores named predictions (NAME → parsed JSON or undefined when missing/unreadable) against gold. */
export function scoreDrafts(
  gold: ReadonlyMap<string, Json>,
  predicted: ReadonlyMap<string, Json | undefined>,
): ScoreReport {
  const tally = Object.fromEntries(scoredFields.map((f) => [f, [0, 0, 0]])) as Record<ScoredField, number[]>;
  const missing: string[] = [];
  const names = [...gold.keys()].sort(comparePython);
  for (const name of names) {
    const g = setsOf(asRecord(gold.get(name)));
    const raw = predicted.get(name);
    let p: Sets;
    if (raw === undefined) {
      p = setsOf({});
      missing.push(name);
    } else {
      try {
        p = setsOf(asRecord(raw));
      } catch {
        p = setsOf({});
        missing.push(name);
      }
    }
    for (const field of scoredFields) {
      let counts: [number, number, number];
      if (field === 'commitments') {
        counts = matchCommitments(g.commitments, p.commitments);
      } else {
        const gs = g[field];
        const ps = p[field];
        let tp = 0;
        for (const value of ps) if (gs.has(value)) tp++;
        counts = [tp, ps.size - tp, gs.size - tp];
      }
      const t = tally[field];
      t[0] = (t[0] ?? 0) + counts[0];
      t[1] = (t[1] ?? 0) + counts[1];
      t[2] = (t[2] ?? 0) + counts[2];
    }
  }
  const fields = {} as Record<ScoredField, FieldScore>;
  for (const field of scoredFields) {
    const [tp = 0, fp = 0, fn = 0] = tally[field];
    const precision = tp + fp ? tp / (tp + fp) : fn ? 0 : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    fields[field] = { tp, fp, fn, precision, recall, f1 };
  }
  const macroF1 = scoredFields.reduce((sum, f) => sum + fields[f].f1, 0) / scoredFields.length;
  return { fields, macroF1, articles: names.length, missing };
}

function asRecord(value: Json): Record<string, Json> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return value as Record<string, Json>;
  throw new Error('not an object');
}

function comparePython(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The report exactly as score_reader.py prints it. */
export function formatReport(report: ScoreReport): string {
  const lines: string[] = [];
  for (const field of scoredFields) {
    const s = report.fields[field];
    lines.push(
      `${field.padEnd(13)} P=${fixed3(s.precision)} R=${fixed3(s.recall)} F1=${fixed3(s.f1)}  (tp=${s.tp} fp=${s.fp} fn=${s.fn})`,
    );
  }
  if (report.missing.length > 0) {
    lines.push(
      `no usable draft for ${report.missing.length} of ${report.articles}: ${report.missing.slice(0, 8).join(', ')}`,
    );
  }
  lines.push(`macro F1 ${fixed3(report.macroF1)} over ${report.articles} articles`);
  return lines.join('\n');
}

/** Python's '{:.3f}': correctly rounded, ties to even on the exact binary value. */
export function fixed3(value: number): string {
  const exact = value.toFixed(25);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 4);
  if (/^50*$/.test(tail)) {
    const truncated = exact.slice(0, dot + 4);
    const lastDigit = Number(truncated.at(-1));
    if (lastDigit % 2 === 0) return truncated;
  }
  return value.toFixed(3);
}
