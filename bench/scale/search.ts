// Search latency: 200 realistic queries (Vietnamese phrases with and without marks, people's
// names, some with one wrong letter, English labels and names, partner codes; one to three words)
// one after another, beside the same number of one indexed primary-key lookups through the app.
import { foldText } from '../../common/domain/text.ts';
import { createRandom, type GeneratedData } from './generate.ts';

export type Percentiles = { p50: number; p95: number; p99: number };

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** One wrong letter in the middle of the longest word, as a hurried typist makes. */
function misspell(name: string, random: ReturnType<typeof createRandom>): string {
  const words = name.split(' ');
  const longest = words.reduce((best, word) => (word.length > best.length ? word : best), '');
  const at = 1 + random.int(Math.max(1, longest.length - 2));
  const wrong = longest.slice(0, at) + (longest[at] === 'a' ? 'e' : 'a') + longest.slice(at + 1);
  return words.map((word) => (word === longest ? wrong : word)).join(' ');
}

/** Words of a random sentence, `count` of them in a row, from a word-ish start. */
function phraseFrom(sentence: string, count: number, random: ReturnType<typeof createRandom>): string {
  const words = sentence
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((word) => word.length > 1);
  if (words.length <= count) return words.join(' ');
  const start = random.int(words.length - count);
  return words.slice(start, start + count).join(' ');
}

export function buildQueries(data: GeneratedData, count = 200): string[] {
  const random = createRandom(7);
  const queries: string[] = [];
  const english = [
    'vaccine',
    'hospital',
    'training',
    'cooperation',
    'tuberculosis',
    'traditional medicine',
    'health insurance',
    'Japan',
  ];
  while (queries.length < count) {
    const kind = queries.length % 10;
    if (kind <= 2) queries.push(phraseFrom(random.pick(data.sentences), 1 + random.int(3), random));
    else if (kind <= 4)
      queries.push(foldText(phraseFrom(random.pick(data.sentences), 1 + random.int(3), random)));
    else if (kind === 5) queries.push(random.pick(data.personNames));
    else if (kind === 6) queries.push(misspell(random.pick(data.personNames), random));
    else if (kind === 7)
      queries.push(random.next() < 0.5 ? random.pick(data.areaLabelsEn) : random.pick(english));
    else if (kind === 8)
      queries.push(random.next() < 0.5 ? random.pick(data.partnerCodes) : random.pick(data.partnerNamesEn));
    else queries.push(foldText(random.pick(data.personNames)).split(' ').slice(-2).join(' '));
  }
  return queries.map((query) => query.trim()).map((query) => query || 'y te');
}

async function timeEach(urls: string[], cookie: string): Promise<{ samples: number[]; errors: number }> {
  const samples: number[] = [];
  let errors = 0;
  for (const url of urls) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    samples.push(performance.now() - started);
    if (!response.ok) errors += 1;
  }
  return { samples, errors };
}

export type SearchFigures = {
  search: Percentiles & { errors: number };
  sourcesQ: Percentiles & { errors: number };
  baseline: Percentiles;
  queries: number;
};

export async function measureSearch(
  base: string,
  cookie: string,
  data: GeneratedData,
): Promise<SearchFigures> {
  const queries = buildQueries(data);
  const encode = (query: string) => encodeURIComponent(query);
  // A few first requests warm the caches and the query plans, as a running server's are.
  await timeEach(
    queries.slice(0, 10).map((query) => `${base}/api/v1/search?q=${encode(query)}`),
    cookie,
  );
  const search = await timeEach(
    queries.map((query) => `${base}/api/v1/search?q=${encode(query)}`),
    cookie,
  );
  const sourcesQ = await timeEach(
    queries.map((query) => `${base}/api/v1/sources?q=${encode(query)}`),
    cookie,
  );
  const random = createRandom(3);
  const baseline = await timeEach(
    queries.map(() => `${base}/api/v1/partners/${random.pick(data.partnerIds)}`),
    cookie,
  );
  return {
    search: { ...percentiles(search.samples), errors: search.errors },
    sourcesQ: { ...percentiles(sourcesQ.samples), errors: sourcesQ.errors },
    baseline: percentiles(baseline.samples),
    queries: queries.length,
  };
}
