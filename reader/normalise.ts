// Step 2 of the pipeline: Unicode NFC and tokens with per-syllable keys. NFC alone does not make
// 'hoà' equal 'hòa' (old and new tone placement), so each syllable gets a key with its tone mark
// lifted out and appended, while the token keeps its offsets into the original text.

export interface Token {
  start: number;
  end: number;
  raw: string;
  /** Lower case, tone mark moved to the end: hòa and hoà share it, hoa does not. */
  key: string;
  /** Lower case without any mark, đ→d: for unaccented text (English articles, typed names). */
  fold: string;
  isWord: boolean;
  isNumber: boolean;
  /** First letter upper case. */
  isCapital: boolean;
  /** Two or more letters, all upper case (acronyms, all-caps bylines). */
  isUpper: boolean;
  /** Whitespace between this token and the previous one contains a line break. */
  afterBreak: boolean;
  /** No whitespace between this token and the previous one. */
  glued: boolean;
}

const toneMarks = new Map<string, string>([
  ['\u0300', '\u0300'],
  ['\u0301', '\u0301'],
  ['\u0303', '\u0303'],
  ['\u0309', '\u0309'],
  ['\u0323', '\u0323'],
]);
const anyMark = /\p{M}/u;
const allMarks = /\p{M}+/gu;
const tokenPattern = /[\p{L}\p{M}\p{N}]+|\S/gu;

// Vietnamese has a few thousand distinct syllables, so memoising keys makes long texts cheap.
const keyCache = new Map<string, [string, string]>();
const keyCacheLimit = 200_000;

/** NFC plus the input hygiene every later step relies on: no NULs or stray control characters. */
export function normaliseText(text: string): string {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/g, ' ');
  return cleaned.normalize('NFC');
}

/** The per-syllable key and the full fold of one word. */
export function keySyllable(word: string): [key: string, fold: string] {
  const cached = keyCache.get(word);
  if (cached) return cached;
  const lower = word.toLowerCase();
  let result: [string, string];
  if (isAscii(lower)) {
    result = [lower, lower];
  } else {
    const decomposed = lower.normalize('NFD');
    let base = '';
    let tone = '';
    for (const char of decomposed) {
      const mark = toneMarks.get(char);
      if (mark) tone = mark;
      else base += char;
    }
    const key = base.normalize('NFC') + tone;
    const fold = anyMark.test(decomposed)
      ? decomposed.replace(allMarks, '').replace(/đ/g, 'd')
      : decomposed.replace(/đ/g, 'd');
    result = [key, fold];
  }
  if (keyCache.size < keyCacheLimit) keyCache.set(word, result);
  return result;
}

/** Per-syllable keys of a phrase, for building lexicon tries. */
export function keyPhrase(phrase: string): string[] {
  return tokenize(normaliseText(phrase)).map((token) => token.key);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(text); match !== null; match = tokenPattern.exec(text)) {
    const raw = match[0];
    const start = match.index;
    const first = raw.charCodeAt(0);
    const isWord = raw.length > 1 || isWordChar(raw);
    const [key, fold] = isWord ? keySyllable(raw) : [raw, raw];
    const isNumber = first >= 48 && first <= 57 && /^\d+$/.test(raw);
    const firstChar = raw[0] ?? '';
    const isCapital = isWord && firstChar !== firstChar.toLowerCase();
    const isUpper = isWord && raw.length > 1 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
    let afterBreak = false;
    for (let i = previousEnd; i < start; i++) {
      if (text.charCodeAt(i) === 10) {
        afterBreak = true;
        break;
      }
    }
    tokens.push({
      start,
      end: start + raw.length,
      raw,
      key,
      fold,
      isWord,
      isNumber,
      isCapital,
      isUpper,
      afterBreak: afterBreak || tokens.length === 0,
      glued: start === previousEnd && tokens.length > 0,
    });
    previousEnd = start + raw.length;
  }
  return tokens;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

const wordChar = /[\p{L}\p{N}]/u;
function isWordChar(char: string): boolean {
  return wordChar.test(char);
}
