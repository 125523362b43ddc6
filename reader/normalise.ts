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
  /** The key's number in the lexicons (registerKey), or -1 when no lexicon phrase uses it. */
  keyId: number;
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

// Vietnamese has a few thousand distinct syllables, so memoising keys makes long texts cheap.
const keyCache = new Map<string, [string, string]>();
const keyCacheLimit = 200_000;

// Lexicon keys as small integers, so the shared lexicon trie indexes arrays instead of hashing
// strings. Only lexicons register keys (at load): input never grows this table.
const lexiconKeyIds = new Map<string, number>();
let lexiconKeysVersion = 0;

// English number, handled once for every lexicon: a token spelled as the other number of a
// lexicon key ('medicines' for 'medicine', 'epidemic' for 'epidemics') takes that key's number,
// unless its own spelling is a key too ('aids' stays AIDS, never 'aid').
const numberVariantIds = new Map<string, number>();

/** The number of a lexicon key, registering it if new. */
export function registerKey(key: string): number {
  let id = lexiconKeyIds.get(key);
  if (id === undefined) {
    id = lexiconKeyIds.size;
    lexiconKeyIds.set(key, id);
    lexiconKeysVersion++;
    const variant = otherNumber(key);
    if (variant !== null && !numberVariantIds.has(variant)) numberVariantIds.set(variant, id);
  }
  return id;
}

/** The number a token's key goes by in the lexicons: its own, else its other number's, else -1. */
function lexiconIdOf(key: string): number {
  return lexiconKeyIds.get(key) ?? numberVariantIds.get(key) ?? -1;
}

/**
 * The other number of an English word (plural from singular, singular from plural), or null: only
 * words of four letters or more in a-z, which no Vietnamese syllable with a plain spelling ends
 * like ('thuốc', 'sinh' never take an s in text).
 */
export function otherNumber(word: string): string | null {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return null;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|uses)$/.test(word)) return word.slice(0, -2);
  if (/(?:ss|us)$/.test(word)) return `${word}es`;
  if (word.endsWith('is')) return `${word.slice(0, -2)}es`;
  if (word.endsWith('s')) return word.slice(0, -1);
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:ch|sh|x)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Everything a token needs from its spelling, memoised: one lookup instead of case maps. */
interface SpellingInfo {
  /** The spelling itself, shared by every token with it, so long texts hold one copy. */
  raw: string;
  /** FNV-1a over the spelling's code units: its slot in the spelling table. */
  hash: number;
  /** Its index in the shared spelling table, or -1 when the table had no room for it. */
  id: number;
  key: string;
  fold: string;
  keyId: number;
  /** lexiconKeysVersion when keyId was read: keys registered later refresh it. */
  keyVersion: number;
  isWord: boolean;
  isNumber: boolean;
  isCapital: boolean;
  isUpper: boolean;
}
// Spellings in an open-addressing table hashed (FNV-1a) from the text's code units while the
// tokenizer scans them: a token seen before costs no substring and no string hashing. The table
// starts small, so an article's few thousand spellings stay in cache, and doubles at half load.
const maxSpellingSlots = 1 << 19;
let spellingSlots = new Int32Array(1 << 12);
const spellings: SpellingInfo[] = [];

// The offset basis is seeded per process and probing is capped, so input crafted to collide in
// the table cannot turn lookups quadratic (a hash flood): the seed changes slots, never a draft.
const fnvOffset = (0x811c9dc5 ^ Math.floor(Math.random() * 0x1_0000_0000)) | 0;
const fnvPrime = 0x01000193;
const maxProbes = 32;

/** The spelling of text[start, end), whose FNV-1a hash over its code units the caller computed. */
function findSpelling(text: string, start: number, end: number, isWord: boolean, hash: number): SpellingInfo {
  const mask = spellingSlots.length - 1;
  let slot = hash & mask;
  let probes = 0;
  for (let entry = spellingSlots[slot] ?? 0; entry !== 0; entry = spellingSlots[slot] ?? 0) {
    const known = spellings[entry - 1] as SpellingInfo;
    if (known.hash === hash && isSameSpelling(known.raw, text, start, end)) return refreshKeyId(known);
    slot = (slot + 1) & mask;
    if (++probes >= maxProbes) break;
  }
  const raw = text.slice(start, end);
  const info = isWord ? describeWord(raw, hash) : describeSymbol(raw, hash);
  // A crowded cluster is not extended: the spelling is described again next time instead.
  if (spellings.length < keyCacheLimit && probes < maxProbes) {
    info.id = spellings.length;
    spellings.push(info);
    spellingSlots[slot] = spellings.length;
    if (spellings.length * 2 > spellingSlots.length && spellingSlots.length < maxSpellingSlots) {
      growSpellingSlots();
    }
  }
  return refreshKeyId(info);
}

/** The spelling of each one-code-unit token met so far: punctuation and digits are a third of the tokens. */
const singleUnitSpellings: (SpellingInfo | undefined)[] = new Array(0x10000).fill(undefined);

function growSpellingSlots(): void {
  const slots = new Int32Array(spellingSlots.length * 2);
  const mask = slots.length - 1;
  for (let index = 0; index < spellings.length; index++) {
    let slot = (spellings[index] as SpellingInfo).hash & mask;
    while ((slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    slots[slot] = index + 1;
  }
  spellingSlots = slots;
}

function isSameSpelling(raw: string, text: string, start: number, end: number): boolean {
  if (raw.length !== end - start) return false;
  for (let k = 0; k < raw.length; k++) if (raw.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function refreshKeyId(info: SpellingInfo): SpellingInfo {
  if (info.keyVersion !== lexiconKeysVersion) {
    info.keyId = lexiconIdOf(info.key);
    info.keyVersion = lexiconKeysVersion;
  }
  return info;
}

const afterBreakFlag = 1;
const gluedFlag = 2;

/**
 * An article's tokens as columns: the start, the spelling's number and the spacing flags of token i
 * at index i of three typed arrays. Millions of retained token objects cost far more to build than
 * filling arrays (hostile inputs make two million tokens); `at` hands out a short-lived view instead,
 * and hot loops read a column directly (`keyIdAt`, `rawAt`, ...).
 */
export class TokenList implements Iterable<Token> {
  readonly length: number;
  readonly #starts: Int32Array;
  /** Index into the shared spelling table, or ~index into #ownSpellings. */
  readonly #spellingIds: Int32Array;
  readonly #flags: Uint8Array;
  /** Spellings the shared table had no room for, kept by this list alone. */
  readonly #ownSpellings: readonly SpellingInfo[];

  constructor(
    length: number,
    starts: Int32Array,
    spellingIds: Int32Array,
    flags: Uint8Array,
    ownSpellings: readonly SpellingInfo[],
  ) {
    this.length = length;
    this.#starts = starts;
    this.#spellingIds = spellingIds;
    this.#flags = flags;
    this.#ownSpellings = ownSpellings;
  }

  /** Token `index`, or undefined outside the list (negative indices included, unlike Array.at). */
  at(index: number): Token | undefined {
    return index >= 0 && index < this.length ? new TokenView(this, index) : undefined;
  }

  /** The spelling of token `index` (which must be in the list). */
  spellingAt(index: number): SpellingInfo {
    const id = this.#spellingIds[index] as number;
    return (id >= 0 ? spellings[id] : this.#ownSpellings[~id]) as SpellingInfo;
  }

  startAt(index: number): number {
    return this.#starts[index] as number;
  }
  endAt(index: number): number {
    return (this.#starts[index] as number) + this.spellingAt(index).raw.length;
  }
  rawAt(index: number): string {
    return this.spellingAt(index).raw;
  }
  keyAt(index: number): string {
    return this.spellingAt(index).key;
  }
  keyIdAt(index: number): number {
    return this.spellingAt(index).keyId;
  }
  isWordAt(index: number): boolean {
    return this.spellingAt(index).isWord;
  }
  afterBreakAt(index: number): boolean {
    return ((this.#flags[index] as number) & afterBreakFlag) !== 0;
  }
  gluedAt(index: number): boolean {
    return ((this.#flags[index] as number) & gluedFlag) !== 0;
  }

  /** Views of tokens [from, to), as an array. */
  slice(from: number, to: number): Token[] {
    const views: Token[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) views.push(new TokenView(this, i));
    return views;
  }

  *[Symbol.iterator](): Iterator<Token> {
    for (let i = 0; i < this.length; i++) yield new TokenView(this, i);
  }
}

// One class for every view keeps property reads monomorphic; each getter reads the list's columns.
class TokenView implements Token {
  readonly #list: TokenList;
  readonly #index: number;

  constructor(list: TokenList, index: number) {
    this.#list = list;
    this.#index = index;
  }

  get start(): number {
    return this.#list.startAt(this.#index);
  }
  get end(): number {
    return this.#list.endAt(this.#index);
  }
  get isWord(): boolean {
    return this.#list.spellingAt(this.#index).isWord;
  }
  get afterBreak(): boolean {
    return this.#list.afterBreakAt(this.#index);
  }
  get glued(): boolean {
    return this.#list.gluedAt(this.#index);
  }
  get raw(): string {
    return this.#list.spellingAt(this.#index).raw;
  }
  get key(): string {
    return this.#list.spellingAt(this.#index).key;
  }
  get fold(): string {
    return this.#list.spellingAt(this.#index).fold;
  }
  get keyId(): number {
    return this.#list.spellingAt(this.#index).keyId;
  }
  get isNumber(): boolean {
    return this.#list.spellingAt(this.#index).isNumber;
  }
  get isCapital(): boolean {
    return this.#list.spellingAt(this.#index).isCapital;
  }
  get isUpper(): boolean {
    return this.#list.spellingAt(this.#index).isUpper;
  }
}

function describeWord(raw: string, hash: number): SpellingInfo {
  const [key, fold] = keySyllable(raw);
  const isNumber = isDigits(raw);
  const head = raw[0] ?? '';
  const isCapital = !isNumber && head !== head.toLowerCase();
  const isUpper = isCapital && raw.length > 1 && raw === raw.toUpperCase();
  return {
    raw,
    hash,
    id: -1,
    key,
    fold,
    keyId: -1,
    keyVersion: -1,
    isWord: true,
    isNumber,
    isCapital,
    isUpper,
  };
}

function describeSymbol(raw: string, hash: number): SpellingInfo {
  return {
    raw,
    hash,
    id: -1,
    key: raw,
    fold: raw,
    keyId: -1,
    keyVersion: -1,
    isWord: false,
    isNumber: false,
    isCapital: false,
    isUpper: false,
  };
}

// What each character asks of normaliseText: nothing, the control-character rewrite, or an NFC pass.
// Most articles are Latin and Vietnamese letters already composed; a table check spares them the
// copy that String.prototype.normalize always makes.
const needsControlRewrite = 1;
const needsComposition = 2;
const normalTableLimit = 0x3000;
const normalTable = buildNormalTable();

function isControlCode(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10) || code === 0x7f || code === 0xfeff;
}

function buildNormalTable(): Uint8Array {
  const table = new Uint8Array(normalTableLimit);
  const mark = /\p{M}/u;
  for (let code = 0; code < normalTableLimit; code++) {
    const char = String.fromCharCode(code);
    if (isControlCode(code)) table[code] = needsControlRewrite;
    // Marks combine with what precedes them, Hangul jamo with each other; a few characters change alone.
    else if (mark.test(char) || (code >= 0x1100 && code <= 0x11ff) || char.normalize('NFC') !== char) {
      table[code] = needsComposition;
    }
  }
  return table;
}

/** NFC plus the input hygiene every later step relies on: no NULs or stray control characters. */
export function normaliseText(text: string): string {
  let needs = 0;
  for (let i = 0; i < text.length && needs !== 3; i++) {
    const code = text.charCodeAt(i);
    if (code < normalTableLimit) needs |= normalTable[code] ?? 0;
    else needs |= code === 0xfeff ? needsControlRewrite | needsComposition : needsComposition;
  }
  const cleaned = (needs & needsControlRewrite) === 0 ? text : stripControls(text.replace(/\r\n?/g, '\n'));
  return (needs & needsComposition) === 0 ? cleaned : cleaned.normalize('NFC');
}

function stripControls(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControlCode(code)) continue;
    out += `${text.slice(from, i)} `;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
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
  const tokens = tokenize(normaliseText(phrase));
  const keys: string[] = [];
  for (let i = 0; i < tokens.length; i++) keys.push(tokens.keyAt(i));
  return keys;
}

export function tokenize(text: string): TokenList {
  // A token takes at least one code unit, so the text's length bounds the count: no growing.
  const starts = new Int32Array(text.length);
  const spellingIds = new Int32Array(text.length);
  const flagColumn = new Uint8Array(text.length);
  const ownSpellings: SpellingInfo[] = [];
  let count = 0;
  let previousEnd = 0;
  let sawBreak = true;
  const length = text.length;
  let i = 0;
  // A hand-written scanner over a code-unit class table: a regex with \p{...} classes costs about
  // a microsecond per token, which dominates on token-dense input.
  while (i < length) {
    const code = text.charCodeAt(i);
    const kind = classOf(text, i, code);
    if (kind === spaceClass) {
      if (code === 10) sawBreak = true;
      i++;
      continue;
    }
    const start = i;
    let hash = Math.imul(fnvOffset ^ code, fnvPrime);
    i++;
    // A surrogate pair is one character: its low half joins whatever token the high half starts.
    if (code >= 0xd800 && code <= 0xdbff && i < length) {
      hash = Math.imul(hash ^ text.charCodeAt(i), fnvPrime);
      i++;
    }
    if (kind === wordClass) {
      while (i < length) {
        const next = text.charCodeAt(i);
        if (classOf(text, i, next) !== wordClass) break;
        hash = Math.imul(hash ^ next, fnvPrime);
        i++;
        if (next >= 0xd800 && next <= 0xdbff) {
          hash = Math.imul(hash ^ text.charCodeAt(i), fnvPrime);
          i++;
        }
      }
    }
    const isWord = kind === wordClass;
    let spelling: SpellingInfo;
    if (i - start === 1) {
      // One code unit (a digit, a stop, a quote): its spelling by its code, no probe or compare.
      const known = singleUnitSpellings[code];
      if (known === undefined) {
        spelling = findSpelling(text, start, i, isWord, hash);
        // Numbered even when the table is full (at most one per code unit), so the list never keeps its own copy.
        if (spelling.id < 0) {
          spelling.id = spellings.length;
          spellings.push(spelling);
        }
        singleUnitSpellings[code] = spelling;
      } else spelling = refreshKeyId(known);
    } else spelling = findSpelling(text, start, i, isWord, hash);
    starts[count] = start;
    if (spelling.id >= 0) spellingIds[count] = spelling.id;
    else {
      ownSpellings.push(spelling);
      spellingIds[count] = ~(ownSpellings.length - 1);
    }
    flagColumn[count] =
      (sawBreak ? afterBreakFlag : 0) | (start === previousEnd && count > 0 ? gluedFlag : 0);
    count++;
    sawBreak = false;
    previousEnd = i;
  }
  return new TokenList(count, starts, spellingIds, flagColumn, ownSpellings);
}

const spaceClass = 0;
const wordClass = 1;
const otherClass = 2;
const classTable = buildClassTable();

function buildClassTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const word = /[\p{L}\p{M}\p{N}]/u;
  const space = /\s/u;
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) {
      table[code] = otherClass;
      continue;
    }
    const char = String.fromCharCode(code);
    table[code] = word.test(char) ? wordClass : space.test(char) ? spaceClass : otherClass;
  }
  return table;
}

const astralWord = /^[\p{L}\p{M}\p{N}]/u;
function classOf(text: string, index: number, code: number): number {
  if (code >= 0xd800 && code <= 0xdbff) {
    return astralWord.test(text.slice(index, index + 2)) ? wordClass : otherClass;
  }
  return classTable[code] ?? otherClass;
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
