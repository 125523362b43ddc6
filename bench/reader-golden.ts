// Golden check for changes that must not change what the reader drafts (speed work, refactors):
//   npx tsx bench/reader-golden.ts write [FILE]    hashes every draft into FILE
//   npx tsx bench/reader-golden.ts compare [FILE]  drafts again and lists every input whose draft differs
//   npx tsx bench/reader-golden.ts show NAME       prints one input's draft (to diff two branches)
// Inputs: every article of the development, real and diagnostic holdout sets (never the blind ones),
// each also as one line, lower-cased, NFD and with a publication date; the bench corpus; the hostile
// worst cases at full size; and real articles with a hostile pattern appended. The hash covers
// JSON.stringify of the whole draft but its readerVersion.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DraftInput, draftArticle } from '../reader/index.ts';
import { articlesDir, buildCorpus, hostileInputs } from './reader-corpus.ts';

const fixtures = join(import.meta.dirname, '..', 'reader', 'fixtures');
// holdout-2, -9 and -10 are blind sets: never read here.
const sets = [
  articlesDir,
  join(articlesDir, 'real'),
  ...['holdout', 'holdout-3', 'holdout-4', 'holdout-5', 'holdout-6', 'holdout-7', 'holdout-8'].map((set) =>
    join(fixtures, set),
  ),
];

function* inputs(): Generator<[string, DraftInput]> {
  const articles: [string, string][] = [];
  for (const dir of sets) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.txt'))
        articles.push([`${dir.split('/').slice(-1)[0]}/${file}`, readFileSync(join(dir, file), 'utf8')]);
    }
  }
  for (const [name, text] of articles) {
    yield [name, { text }];
    yield [`${name} +published`, { text, published: '2025-03-04' }];
    yield [`${name} one line`, { text: text.replace(/\n+/g, ' ') }];
    yield [`${name} lower`, { text: text.toLowerCase() }];
    yield [`${name} NFD`, { text: text.normalize('NFD') }];
  }
  const corpus = buildCorpus();
  for (const [index, text] of corpus.entries()) yield [`corpus/${index}`, { text }];
  const small = hostileInputs(corpus, 20_000);
  for (const [index, [name, text]] of articles.entries()) {
    const [patternName, pattern] = small[index % small.length] as [string, string];
    yield [`${name} + ${patternName}`, { text: `${text}\n${pattern}` }];
    yield [`${patternName} + ${name}`, { text: `${pattern}\n${text}` }];
  }
  for (const [name, text] of hostileInputs(corpus)) yield [`hostile/${name}`, { text }];
}

function hashOf(input: DraftInput): string {
  const { readerVersion: _version, ...draft } = draftArticle(input);
  return createHash('sha256').update(JSON.stringify(draft)).digest('hex').slice(0, 24);
}

function main(): void {
  const [mode, arg] = process.argv.slice(2);
  if (mode === 'show') {
    for (const [name, input] of inputs()) {
      if (name === arg) console.log(JSON.stringify(draftArticle(input), null, 1));
    }
    return;
  }
  const file = arg ?? '/tmp/reader-golden.json';
  const started = performance.now();
  const hashes: Record<string, string> = {};
  for (const [name, input] of inputs()) hashes[name] = hashOf(input);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (mode === 'write') {
    writeFileSync(file, JSON.stringify(hashes, null, 1));
    console.log(`wrote ${Object.keys(hashes).length} hashes to ${file} (${seconds} s)`);
    return;
  }
  if (mode !== 'compare') {
    console.error('usage: npx tsx bench/reader-golden.ts write|compare [FILE] | show NAME');
    process.exit(2);
  }
  const golden = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const names = new Set([...Object.keys(golden), ...Object.keys(hashes)]);
  const differing = [...names].filter((name) => golden[name] !== hashes[name]);
  for (const name of differing.slice(0, 40)) console.log(`differs: ${name}`);
  console.log(`${names.size - differing.length} same, ${differing.length} differ (${seconds} s)`);
  process.exit(differing.length === 0 ? 0 : 1);
}

main();
