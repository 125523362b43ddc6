// Vietnamese-aware text folding for search and matching. Folding removes every tone and vowel
// mark and maps đ to d, so old and new tone placement (hoà/hòa, thuỷ/thủy) and unaccented typing
// (nguyen tri thuc) all meet on the same key.

const combiningMarks = /\p{M}+/gu;

/** Lower-case, mark-free, đ→d, whitespace collapsed: the key search and matching compare. */
export function foldText(text: string): string {
  return foldByTable(text) ?? foldSlowly(text);
}

function foldSlowly(text: string): string {
  return markFree(text).replace(/\s+/g, ' ').trim();
}

function markFree(text: string): string {
  return text.normalize('NFD').replace(combiningMarks, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

// Latin, its combining marks and the Vietnamese block fold one character at a time (no character
// there decomposes into a mark that is kept or lower-cases by context), so a table of each one's
// fold replaces the NFD and four regex passes; text with any other character takes the full path.
const tableLimit = 0x1f00;
const isSpace = /^\s$/u;
const foldTable: (string | undefined)[] = [];
for (let code = 0; code < tableLimit; code++) {
  const inRange = code < 0x250 || (code >= 0x300 && code < 0x370) || code >= 0x1e00;
  if (!inRange || (code >= 0xd800 && code <= 0xdfff)) continue;
  const char = String.fromCharCode(code);
  const folded = markFree(char);
  // Whitespace is collapsed by the fold itself; a fold holding a space would need the full path.
  foldTable[code] = isSpace.test(char) ? ' ' : /\s/u.test(folded) ? undefined : folded;
}

/** foldText by the table, or null when the text has a character outside it. */
function foldByTable(text: string): string | null {
  let folded = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const part = code < tableLimit ? foldTable[code] : undefined;
    if (part === undefined) return null;
    if (part === ' ') {
      // Leading and repeated whitespace collapse to one space, trailing whitespace is trimmed.
      pendingSpace = folded.length > 0;
      continue;
    }
    if (part === '') continue;
    if (pendingSpace) {
      folded += ' ';
      pendingSpace = false;
    }
    folded += part;
  }
  return folded;
}

/** Splits folded text into words for word-level comparison. */
export function foldWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Folds one character at a time so that positions in the folded text equal positions in the
 * original (NFC Vietnamese letters fold to exactly one character each). */
function foldByCharacter(text: string): string {
  let folded = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const fromTable = char.length === 1 && code < tableLimit ? foldTable[code] : undefined;
    // Keep one UTF-16 unit per original unit so offsets line up; odd cases fall back to the original.
    if (fromTable !== undefined && fromTable.length === 1) {
      folded += fromTable;
      continue;
    }
    const base = char.normalize('NFD').replace(combiningMarks, '').replace(/[đĐ]/g, 'd').toLowerCase();
    folded += base.length === char.length ? base : char;
  }
  return folded;
}

type Range = { start: number; end: number };

const wordPattern = /[\p{L}\p{N}]+/gu;

/** A text's search words already folded (toSearchWords), marked so that they are not folded twice. */
export type FoldedWords = { readonly folded: string };

/** The folded words of a text joined by single spaces: what the search columns hold and what the
 * database's `simple` parser splits back into exactly these words, so query and index agree. */
export function toSearchWords(text: string): string {
  // foldWords(text).join(' ') without the array: for a 2 MB article that array is 700,000 strings,
  // and collecting them paused the server's thread for hundreds of milliseconds.
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Where the query occurs in the text, ignoring case and diacritics, as whole words: ranges of
 * the original text, for highlighting. When the query's words occur together as a phrase, only
 * the phrase is marked; otherwise each whole word. "hoa" never marks "khoa" or "hoạch", and
 * "ung thư" never marks "Cùng" or "thương". With `isLastWordPrefix`, the last word may be the
 * start of a word, as it is while someone is still typing it. */
export function findFoldedMatches(
  text: string,
  query: string,
  { isLastWordPrefix = false }: { isLastWordPrefix?: boolean } = {},
): Range[] {
  const words = foldWords(query);
  if (words.length === 0) return [];
  const haystack = foldByCharacter(text.normalize('NFC'));
  const tokens: { word: string; start: number; end: number }[] = [];
  for (const match of haystack.matchAll(wordPattern)) {
    tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  const last = words.length - 1;
  const isWordAt = (token: { word: string }, index: number) =>
    token.word === words[index] ||
    (isLastWordPrefix && index === last && token.word.startsWith(words[index]!));
  if (words.length > 1) {
    const phrases: Range[] = [];
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (words.every((_, k) => isWordAt(tokens[i + k]!, k))) {
        phrases.push({ start: tokens[i]!.start, end: tokens[i + last]!.end });
        i += last;
      }
    }
    if (phrases.length > 0) return phrases;
  }
  return tokens
    .filter((token) => words.some((_, index) => isWordAt(token, index)))
    .map(({ start, end }) => ({ start, end }));
}
