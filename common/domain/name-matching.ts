import { foldWords } from './text.ts';

// Names of people and organisations compared across spellings: Vietnamese with and without marks,
// given and family names in either order, and Slavic names in their several Latin transliterations
// (Belarusian "Uladzimir Baravikou" and Russian "Vladimir Borovikov" are one ambassador).

/** Titles written before a name that say nothing about who it is. */
const honorifics = new Set([
  'ong',
  'ba',
  'mr',
  'mrs',
  'ms',
  'dr',
  'ts',
  'ths',
  'pgs',
  'gs',
  'bs',
  'prof',
  'he',
  'ngai',
]);

/** The folded words of a name, honorifics before it dropped (never the last word). */
export function nameWords(name: string): string[] {
  const words = foldWords(name);
  let start = 0;
  while (start < words.length - 1 && honorifics.has(words[start]!)) start++;
  return words.slice(start);
}

/** The key two spellings of one name share: no marks, no case, no punctuation, words in
 * alphabetical order (so "Nguyễn Văn An" and "An, Nguyen Van" meet). */
export function nameKey(name: string): string {
  return [...nameWords(name)].sort().join(' ');
}

// Applied in order to a folded word: each rule brings transliterations of one sound together.
const transliterationRules: [RegExp, string][] = [
  [/^u(?=[^aeiouy])/, 'v'], // Belarusian ў at the start: Uladzimir / Vladimir
  [/(?<=[aeo])u$/, 'v'], // final ў: Baravikou / Borovikov, Ivanou / Ivanov
  [/(?<=[aeo])w$/, 'v'],
  [/shch|sch/g, 'sc'],
  [/dzh/g, 'j'],
  [/dz/g, 'd'], // Belarusian дз for д: Dzmitry / Dmitry
  [/zh/g, 'j'],
  [/kh|ch(?=[^aeiou])/g, 'h'],
  [/ph/g, 'f'],
  [/ts|tz/g, 'c'],
  [/w/g, 'v'],
  [/ck|q/g, 'k'],
  [/x/g, 'ks'],
  [/j/g, 'i'],
  [/y/g, 'i'],
  [/o/g, 'a'], // Belarusian akanye: Baravikou / Borovikov
  [/ie|ii|iy/g, 'i'],
  [/e/g, 'i'],
  [/(.)\1+/g, '$1'], // doubled letters: Aleksandr / Alexander after x → ks
];

/** A folded word with its transliteration variants mapped to one spelling. */
export function transliterationKey(word: string): string {
  let key = word;
  for (const [pattern, replacement] of transliterationRules) key = key.replace(pattern, replacement);
  return key;
}

/** Levenshtein distance with one row of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function wordSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** How alike two names are, 0 to 1, once marks, case, word order and transliteration are set aside:
 * each word of the shorter name paired with its most alike word of the other, averaged over the
 * longer name's words (a missing middle name costs its share). */
export function nameSimilarity(a: string, b: string): number {
  const left = nameWords(a).map(transliterationKey);
  const right = nameWords(b).map(transliterationKey);
  if (left.length === 0 || right.length === 0) return 0;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  const unused = [...longer];
  let total = 0;
  for (const word of shorter) {
    let bestIndex = 0;
    let best = -1;
    unused.forEach((candidate, index) => {
      const similarity = wordSimilarity(word, candidate);
      if (similarity > best) {
        best = similarity;
        bestIndex = index;
      }
    });
    total += best;
    unused.splice(bestIndex, 1);
  }
  return Math.round((total / longer.length) * 1000) / 1000;
}

/** The similarity from which two names are suggested as one. */
export const likelySameName = 0.85;

/** Why two names may be one, or null: the same key, or alike through transliteration. */
export function compareNames(
  a: string,
  b: string,
): { reason: 'same_name' | 'transliteration'; similarity: number } | null {
  if (nameKey(a) !== '' && nameKey(a) === nameKey(b)) return { reason: 'same_name', similarity: 1 };
  const similarity = nameSimilarity(a, b);
  return similarity >= likelySameName ? { reason: 'transliteration', similarity } : null;
}

/** Keys that put alike names into the same bucket, so duplicates are looked for among few
 * candidates rather than every pair: the first three letters of each transliterated word. */
export function nameBuckets(name: string): string[] {
  return [...new Set(nameWords(name).map((word) => transliterationKey(word).slice(0, 3)))].filter(
    (key) => key.length >= 2,
  );
}
