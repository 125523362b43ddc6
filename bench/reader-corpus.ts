// The reader bench's inputs, shared by the bench and the golden check (bench/reader-golden.ts):
// a corpus of articles recombined from the development set's sentences (seeded, so every run reads
// the same texts) and the hostile 2 MB worst cases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const articlesDir = join(import.meta.dirname, '..', '..', 'shared', 'articles');

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export function buildCorpus(corpusSize = 5000): string[] {
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

/** The worst cases: each about `size` characters (2 MB in the bench) of one hostile pattern. */
export function hostileInputs(corpus: readonly string[], size = 2 * 1024 * 1024): [string, string][] {
  const sample = corpus.slice(0, 400).join('\n\n');
  return [
    ['real text, 2 MB', sample.repeat(Math.ceil(size / sample.length)).slice(0, size)],
    ['one char x 2M', 'a'.repeat(size)],
    ['"Ông " x 512k', 'Ông '.repeat(size / 4)],
    ['"1/" x 1M', '1/'.repeat(size / 2)],
    ['open quotes x 1M', '“'.repeat(size / 2)],
    ['title+name; x 80k', 'Bộ trưởng Nguyễn Văn An; '.repeat(Math.floor(size / 26))],
    ['broken HTML', '<div><p class="x">'.repeat(Math.floor(size / 18))],
    ['one line, no stops', 'hợp tác y tế giữa hai nước '.repeat(Math.floor(size / 28))],
    ['dates, 2 MB', '5/3 và 6/8/2024, '.repeat(Math.floor(size / 17))],
    ['"1 May " x 350k', '1 May '.repeat(Math.floor(size / 6))],
    ['"12 " x 700k', '12 '.repeat(Math.floor(size / 3))],
    ['ranges, 2 MB', 'từ 1 đến 2/3 và from 3 to 7 May, '.repeat(Math.floor(size / 33))],
    ['"sẽ " x 700k', 'sẽ '.repeat(Math.floor(size / 3))],
  ];
}
