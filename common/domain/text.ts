// Vietnamese-aware text folding for search and matching. Folding removes every tone and vowel
// mark and maps đ to d, so old and new tone placement (hoà/hòa, thuỷ/thủy) and unaccented typing
// (nguyen tri thuc) all meet on the same key.

const combiningMarks = /\p{M}+/gu;

/** Lower-case, mark-free, đ→d, whitespace collapsed: the key search and matching compare. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(combiningMarks, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
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
    const base = char.normalize('NFD').replace(combiningMarks, '').replace(/[đĐ]/g, 'd').toLowerCase();
    // Keep one UTF-16 unit per original unit so offsets line up; odd cases fall back to the original.
    folded += base.length === char.length ? base : char;
  }
  return folded;
}

/** Where each word of the query occurs in the text, ignoring case and diacritics: ranges of
 * the original text, for highlighting matches. */
export function findFoldedMatches(text: string, query: string): { start: number; end: number }[] {
  const haystack = foldByCharacter(text.normalize('NFC'));
  const ranges: { start: number; end: number }[] = [];
  for (const word of foldText(query).split(' ').filter(Boolean)) {
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(word, from);
      if (at < 0) break;
      ranges.push({ start: at, end: at + word.length });
      from = at + word.length;
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}
