// Reader throughput on one core: a corpus of ≥5,000 articles recombined from the development
// set's sentences (generated in memory; benches may read ../shared, the app may not), beside a
// same-run floor pass (read + NFC + lower-case + split into words), plus worst cases up to 2 MB.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftArticle } from '../reader/index.ts';

const articlesDir = join(import.meta.dirname, '..', '..', 'shared', 'articles');
const corpusSize = 5000;

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function buildCorpus(): string[] {
  const texts = readdirSync(articlesDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(articlesDir, name), 'utf8'));
  const titles = texts.map((text) => text.split('\n')[0] ?? '');
  const sentences = texts.flatMap((text) =>
    text
      .split('\n')
      .slice(1)
      .flatMap((line) => line.split(/(?<=[.!?])\s+/u))
      .filter((sentence) => sentence.trim().length > 20),
  );
  const random = createRandom(42);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const corpus: string[] = [];
  for (let i = 0; i < corpusSize; i++) {
    const body: string[] = [];
    const count = 6 + Math.floor(random() * 18);
    for (let s = 0; s < count; s++) body.push(pick(sentences));
    corpus.push(
      `${pick(titles)}\n${random() < 0.5 ? '08/10/2024 | 17:06 PM' : ''}\n\n${body.join(random() < 0.5 ? ' ' : '\n')}`,
    );
  }
  return corpus;
}

function floorPass(text: string): number {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).length;
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

function main(): void {
  const corpus = buildCorpus();
  const bytes = corpus.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  const megabytes = bytes / 1024 / 1024;
  let sink = 0;
  // The target is the warm rate: a server or an import reads thousands of articles in one
  // process. The first pass (JIT, the syllable-key cache and the heap still growing) is timed and
  // shown too; the warm pass is the same corpus read again.
  const firstSeconds = time(() => {
    for (const text of corpus) sink += draftArticle({ text }).partners.length;
  });
  const floorSeconds = time(() => {
    for (const text of corpus) sink += floorPass(text);
  });
  const readerSeconds = time(() => {
    for (const text of corpus) sink += draftArticle({ text }).partners.length;
  });
  const big = 2 * 1024 * 1024;
  const sample = corpus.slice(0, 400).join('\n\n');
  const hostile: [string, string][] = [
    ['real text, 2 MB', sample.repeat(Math.ceil(big / sample.length)).slice(0, big)],
    ['one char x 2M', 'a'.repeat(big)],
    ['"Ông " x 512k', 'Ông '.repeat(big / 4)],
    ['"1/" x 1M', '1/'.repeat(big / 2)],
    ['open quotes x 1M', '“'.repeat(big / 2)],
    ['title+name; x 80k', 'Bộ trưởng Nguyễn Văn An; '.repeat(Math.floor(big / 26))],
    ['broken HTML', '<div><p class="x">'.repeat(Math.floor(big / 18))],
    ['one line, no stops', 'hợp tác y tế giữa hai nước '.repeat(Math.floor(big / 28))],
    ['dates, 2 MB', '5/3 và 6/8/2024, '.repeat(Math.floor(big / 17))],
    ['"1 May " x 350k', '1 May '.repeat(Math.floor(big / 6))],
    ['"12 " x 700k', '12 '.repeat(Math.floor(big / 3))],
    ['ranges, 2 MB', 'từ 1 đến 2/3 và from 3 to 7 May, '.repeat(Math.floor(big / 33))],
    ['"sẽ " x 700k', 'sẽ '.repeat(Math.floor(big / 3))],
  ];
  const worst = hostile.map(([name, text]) => [name, time(() => draftArticle({ text }))] as const);
  const rows: [string, string][] = [
    ['corpus', `${corpus.length} articles, ${megabytes.toFixed(1)} MB`],
    [
      'reader, warm',
      `${(corpus.length / readerSeconds).toFixed(0)} articles/s, ${(megabytes / readerSeconds).toFixed(1)} MB/s`,
    ],
    ['reader, first pass', `${(megabytes / firstSeconds).toFixed(1)} MB/s (cold: JIT and caches warming)`],
    [
      'floor',
      `${(corpus.length / floorSeconds).toFixed(0)} articles/s, ${(megabytes / floorSeconds).toFixed(1)} MB/s`,
    ],
    ['reader/floor', `${(readerSeconds / floorSeconds).toFixed(1)}x the floor's time`],
    ...worst.map(
      ([name, seconds]) => [`worst: ${name}`, `${(seconds * 1000).toFixed(0)} ms`] as [string, string],
    ),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log('reader bench (one core)');
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  if (sink < 0) console.log(sink);
}

main();
