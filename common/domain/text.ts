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
