// Step 3: sentences over tokens. Intl.Segmenter breaks after 'GS.TS.', 'TP.', 'ThS.' and initials,
// so boundaries are decided here with an abbreviation guard; a line break always ends a sentence.
import type { Token, TokenList } from './normalise.ts';

export interface Sentence {
  /** Token range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
}

const abbreviations = new Set([
  'gs',
  'pgs',
  'ts',
  'ths',
  'bs',
  'bsck',
  'bsckii',
  'bscki',
  'ds',
  'cn',
  'ks',
  'tp',
  'tt',
  'q',
  'p',
  'ubnd',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'vs',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'gen',
  'col',
  'capt',
  'lt',
  'sgt',
  'h.e',
  'u.s',
  'e.g',
  'i.e',
  'etc',
  'tr',
  'nxb',
  'ths.bs',
  'ts.bs',
  'ttnd',
  'ttưt',
  'ngnd',
]);
const terminators = new Set(['.', '!', '?', '…']);
// Longer 'sentences' are not prose (lists, tables, junk); cutting them bounds every per-sentence scan.
const maxSentenceTokens = 400;
const closers = new Set(['"', '”', '’', "'", ')', ']', '»']);

export function segmentSentences(tokens: TokenList): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number): void => {
    if (last > first) {
      const head = tokens.at(first);
      const tail = tokens.at(last - 1);
      if (head && tail) sentences.push({ first, last, start: head.start, end: tail.end });
    }
    first = last;
  };
  // End of the glued run of closers after the latest terminator: a terminator inside that run
  // ends at the same place, so a run of a million dots is scanned once, not once per dot.
  let runEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > first && (tokens.afterBreakAt(i) || i - first >= maxSentenceTokens)) close(i);
    // Words are most tokens and never terminators: skip them before reading the spelling (from the
    // columns: a view per token would be garbage per token).
    if (tokens.isWordAt(i) || !terminators.has(tokens.rawAt(i))) continue;
    const token = tokens.at(i) as Token;
    let last = Math.max(i + 1, runEnd);
    // Keep closing quotes, repeated dots and the Vietnamese './.' ending with the sentence.
    while (last < tokens.length) {
      const next = tokens.at(last);
      if (!next || next.afterBreak || !next.glued) break;
      if (closers.has(next.raw) || terminators.has(next.raw) || next.raw === '/') last++;
      else break;
    }
    runEnd = last;
    const next = tokens.at(last);
    if (!next) continue;
    if (next.afterBreak) continue;
    if (token.raw === '.' && isAbbreviationBefore(tokens, i)) continue;
    if (token.raw === '.' && isListNumber(tokens, i)) continue;
    if (token.raw === '.' && next.glued && (next.isWord || next.isNumber) && !isGluedSentenceEnd(tokens, i))
      continue;
    if (!startsSentence(next)) continue;
    close(last);
    i = last - 1;
  }
  close(tokens.length);
  return sentences;
}

function isAbbreviationBefore(tokens: TokenList, dot: number): boolean {
  const previous = tokens.at(dot - 1);
  if (!previous || (!previous.glued && dot > 0 && tokens.at(dot)?.glued === false)) return false;
  if (!previous.isWord) return false;
  if (previous.raw.length === 1 && previous.isCapital) return true;
  if (previous.isNumber) return false;
  return abbreviations.has(previous.key) || abbreviations.has(previous.fold);
}

/** '1. Chia sẻ thông tin ...', 'II. Nội dung': the number that opens a list line, not a sentence end. */
function isListNumber(tokens: TokenList, dot: number): boolean {
  const label = tokens.at(dot - 1);
  if (!label?.afterBreak || !label.isWord) return false;
  return (label.isNumber && label.raw.length <= 2) || /^[IVX]{1,4}$/.test(label.raw);
}

/**
 * 'hợp tác.Hai bên': a full stop pasted without its space. A lower-case word of two letters or more
 * before the dot and a capitalised word of lower-case letters after it are two sentences; a domain
 * ('VTV.vn'), a decimal, a date, an acronym ('TP.HCM', 'U.S.') or an abbreviation stays whole.
 */
function isGluedSentenceEnd(tokens: TokenList, dot: number): boolean {
  const before = tokens.at(dot - 1);
  const after = tokens.at(dot + 1);
  if (!before?.isWord || !after?.isWord || before.isNumber || !tokens.at(dot)?.glued) return false;
  if (before.isCapital || before.raw.length < 2 || !after.isCapital || after.isUpper) return false;
  if (abbreviations.has(before.key) || abbreviations.has(before.fold)) return false;
  // A word glued on the far side ('hợp tác.Hai-bên' is still prose; 'a.Bc.d' is a code).
  const following = tokens.at(dot + 2);
  return !(following?.glued && following.raw === '.');
}

function startsSentence(token: Token): boolean {
  if (token.isCapital || token.isNumber) return true;
  return (
    token.raw === '"' || token.raw === '“' || token.raw === '(' || token.raw === '-' || token.raw === '–'
  );
}
