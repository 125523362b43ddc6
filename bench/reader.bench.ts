// Reader throughput on one core: a corpus of ≥5,000 articles recombined from the development
// set's sentences (generated in memory; benches may read ../shared, the app may not), beside a
// same-run floor pass (read + NFC + lower-case + split into words), plus worst cases up to 2 MB.
import { draftArticle } from '../reader/index.ts';
import { buildCorpus, hostileInputs } from './reader-corpus.ts';

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
  const hostile = hostileInputs(corpus);
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
