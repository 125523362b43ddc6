// Commitments: each agreed action, proposal or follow-up as its own item. A clause counts when it
// carries a cue (sẽ, tiếp tục, đề nghị, will, promised...) that is not an opinion ('tin tưởng ...
// sẽ'); enumerations ('bao gồm: a; b; c') become one item per element, unless the elements are
// bare field names, which read better as one list.
import type { DraftCommitment } from '../common/contracts/draft.ts';
import {
  addPhrase,
  createLexicon,
  hasMatch,
  type Lexicon,
  type LexiconMarks,
  matchLongest,
} from './lexicon.ts';
import cues from './lexicons/cues.json' with { type: 'json' };
import { keyPhrase, type Token } from './normalise.ts';
import type { Lang } from './partners.ts';
import type { Sentence } from './segment.ts';

export interface CommitmentContext {
  text: string;
  tokens: readonly Token[];
  marks: LexiconMarks;
  sentences: readonly Sentence[];
  lang: Lang;
  /** Sentences to ignore: the title line, quotations. */
  skipSentence: (index: number) => boolean;
  /** 1 where a commitment cue starts; filled by findCommitments. */
  cueAt?: Uint8Array;
}

/** One left-to-right pass: cues that are not opinions ('tin tưởng ... sẽ') nor outcomes ('sẽ giúp'). */
function markCues(context: CommitmentContext): Uint8Array {
  const { tokens, marks: lexicons } = context;
  const marks = new Uint8Array(tokens.length);
  let lastBelief = -100;
  let lastPurpose = -100;
  let i = 0;
  while (i < tokens.length) {
    if (purposeMarkers.has(tokens[i]?.key)) lastPurpose = i;
    // Most tokens start no phrase at all: skip them without asking each lexicon.
    if (lexicons.head[i] === -1) {
      i++;
      continue;
    }
    if (hasMatch(beliefLexicon, lexicons, i)) lastBelief = i;
    const match = matchLongest(cueLexicons[context.lang], lexicons, i);
    if (!match) {
      i++;
      continue;
    }
    const isCue = match.values[0] === true;
    const isOutcome = hasMatch(outcomeLexicon, lexicons, match.end);
    // 'Đây là định hướng quan trọng để hai bên có thể ...': a cue inside a purpose clause states
    // why, not what was agreed.
    const isPurpose = i - lastPurpose <= 4;
    if (isCue && !isOutcome && !isPurpose && i - lastBelief > beliefReach) marks[i] = 1;
    i = match.end;
  }
  return marks;
}

interface Piece {
  first: number;
  last: number;
  confidence: number;
}

// Negative phrases sit in the same trie so that 'bàn giao cho' is not read as the cue 'giao cho'.
const cueLexicons: Record<Lang, Lexicon<boolean>> = { vi: createLexicon(), en: createLexicon() };
for (const cue of cues.vi) addPhrase(cueLexicons.vi, cue, true);
for (const cue of cues.en) addPhrase(cueLexicons.en, cue, true);
for (const phrase of cues.negative) {
  addPhrase(cueLexicons.vi, phrase, false);
  addPhrase(cueLexicons.en, phrase, false);
}
const outcomeLexicon: Lexicon<true> = createLexicon();
for (const phrase of cues.outcomes) addPhrase(outcomeLexicon, phrase, true);
const beliefLexicon: Lexicon<true> = createLexicon();
for (const word of cues.belief) addPhrase(beliefLexicon, word, true);
const splitterLexicon: Lexicon<true> = createLexicon();
for (const word of cues.splitters) addPhrase(splitterLexicon, word, true);
const enumerationLexicon: Lexicon<true> = createLexicon();
for (const word of cues.enumeration) addPhrase(enumerationLexicon, word, true);
const aidLexicon: Lexicon<true> = createLexicon();
for (const head of cues.aidHeads) addPhrase(aidLexicon, head, true);
const contentLexicon: Lexicon<true> = createLexicon();
for (const head of cues.contentHeads) addPhrase(contentLexicon, head, true);
const joinedLexicon: Lexicon<true> = createLexicon();
for (const verb of cues.joinedActions) addPhrase(joinedLexicon, verb, true);
const reportingLexicon: Lexicon<true> = createLexicon();
for (const verb of cues.reporting) addPhrase(reportingLexicon, verb, true);
const purposeMarkers: ReadonlySet<string | undefined> = new Set(['nhằm', 'để'].map((w) => keyPhrase(w)[0]));
const conjunctions: ReadonlySet<string | undefined> = new Set(['và', 'and'].map((w) => keyPhrase(w)[0]));
// A plural noun right before the list ('các nội dung hợp tác gồm:', 'the following:') is only the
// list's lead-in; a head that goes on after it ('... theo Lộ trình đến 2030') says more.
const leadInMarkers = new Set(['các', 'những', 'following'].map((w) => keyPhrase(w)[0]));
const leadInWords = 5;
/** 'tin tưởng thông qua hợp tác chặt chẽ, hai nước sẽ ...': a belief governs the clauses after it. */
const beliefReach = 20;
/** Both halves of 'A sẽ cử ... và hỗ trợ ...' need this many words to stand as promises. */
const joinedHalfWords = 5;
const joinedReach = 40;
const leadingAdverbials = new Set(
  [
    'theo',
    'tại',
    'về',
    'trong',
    'nhân',
    'với',
    'sau',
    'ngoài',
    'đồng',
    'bên',
    'từ',
    'cụ',
    'đặc',
    'hiện',
    'according',
    'at',
    'during',
    'in',
    'on',
    'speaking',
    'talking',
    'meanwhile',
    'besides',
    'earlier',
    'later',
    'also',
  ].map((w) => keyPhrase(w)[0]),
);
const minWords = 4;
const shortItemWords = 6;
const shortListWords = 7;

export function findCommitments(context: CommitmentContext): DraftCommitment[] {
  const pieces: Piece[] = [];
  context = { ...context, cueAt: markCues(context) };
  const { sentences } = context;
  for (let s = 0; s < sentences.length; s++) {
    if (context.skipSentence(s)) continue;
    const sentence = sentences[s];
    if (!sentence) continue;
    const consumed = readSentence(context, s, pieces);
    s += consumed;
  }
  return finish(context, pieces);
}

/** Reads one sentence (and, for a list laid out line by line, the lines that follow). */
function readSentence(context: CommitmentContext, index: number, out: Piece[]): number {
  const { tokens, sentences } = context;
  const sentence = sentences[index];
  if (!sentence) return 0;
  const cue = firstCue(context, sentence.first, sentence.last);
  const colon = findEnumerationColon(context, sentence);
  if (colon !== -1) {
    const headCue = firstCue(context, sentence.first, colon);
    const items = splitAt(tokens, colon + 1, sentence.last, ';');
    let consumed = 0;
    // A list laid out one element per line continues while lines end with ';'.
    if (items.length === 0 || (items.length === 1 && isEmptyRange(tokens, colon + 1, sentence.last))) {
      items.length = 0;
      for (let next = index + 1; next < sentences.length && consumed < 40; next++) {
        const line = sentences[next];
        if (!line) break;
        items.push(...splitAt(tokens, line.first, line.last, ';'));
        consumed++;
        if (tokens[line.last - 1]?.raw !== ';') break;
      }
    }
    const isAid = hasMatch(aidLexicon, context.marks, sentence.first);
    // 'với các nội dung chính: a; b' lists what was agreed even without a cue word.
    const isContent = hasMatchIn(contentLexicon, context, sentence.first, colon);
    if (headCue === -1 && cue === -1 && !isAid && !isContent) return consumed;
    const nonEmpty = items.filter((item) => item.last > item.first);
    const averageWords =
      nonEmpty.reduce((sum, item) => sum + countWords(tokens, item.first, item.last), 0) /
      Math.max(1, nonEmpty.length);
    if (nonEmpty.length >= 2 && averageWords < shortItemWords) {
      const last = nonEmpty[nonEmpty.length - 1]?.last ?? colon;
      out.push({
        first: clauseStart(context, sentence.first, headCue === -1 ? colon : headCue),
        last,
        confidence: 0.6,
      });
      return consumed;
    }
    const headFirst = lastCue(context, sentence.first, colon);
    // The head is an item of its own only when it says more than 'trao đổi về các nội dung'.
    const headLast = enumerationWordBefore(context, sentence.first, colon);
    if (
      headCue !== -1 &&
      countWords(tokens, headFirst, headLast) >= 6 &&
      !hasKey(tokens, Math.max(headFirst, headLast - leadInWords), headLast, leadInMarkers)
    ) {
      out.push({ first: headFirst, last: headLast, confidence: 0.5 });
    }
    for (const item of nonEmpty) {
      // The last element of 'a; b; and c' carries the list's conjunction, not its own.
      const first = conjunctions.has(tokens[item.first]?.key) ? item.first + 1 : item.first;
      out.push({ first, last: item.last, confidence: 0.6 });
    }
    return consumed;
  }
  if (cue === -1) {
    if (
      hasMatch(aidLexicon, context.marks, sentence.first) &&
      hasNumber(tokens, sentence.first, sentence.last)
    ) {
      out.push({ first: sentence.first, last: sentence.last, confidence: 0.4 });
    }
    return 0;
  }
  const segments = splitAt(tokens, sentence.first, sentence.last, ';');
  const rest = segments.slice(1);
  const restWords = rest.reduce((sum, seg) => sum + countWords(tokens, seg.first, seg.last), 0);
  const short = rest.length >= 2 && restWords / rest.length <= shortListWords;
  if (short) {
    pushSplit(
      context,
      { first: clauseStart(context, sentence.first, cue), last: sentence.last, confidence: 0.6 },
      out,
      true,
    );
    return 0;
  }
  // Segments before the first cue are narrative; the ones after it continue its list.
  let started = false;
  for (const segment of segments) {
    const segmentCue = firstCue(context, segment.first, segment.last);
    if (!started && segmentCue === -1) continue;
    const first = started ? segment.first : clauseStart(context, segment.first, segmentCue);
    pushSplit(context, { first, last: segment.last, confidence: started ? 0.55 : 0.6 }, out, false, !started);
    started = true;
  }
  return 0;
}

/** Splits a piece at 'đồng thời', 'trong đó' (and English 'and decides to'). */
function pushSplit(
  context: CommitmentContext,
  piece: Piece,
  out: Piece[],
  keepWhole: boolean,
  needsCue = true,
): void {
  const { tokens } = context;
  let first = piece.first;
  for (let i = piece.first + 1; i < piece.last; i++) {
    if (isJoinedPromise(context, first, i, piece.last)) {
      pushPiece(context, { first, last: i, confidence: piece.confidence }, out, needsCue);
      needsCue = false;
      first = i + 1;
      continue;
    }
    const match = matchLongest(splitterLexicon, context.marks, i);
    if (!match) continue;
    const before = tokens[i - 1]?.raw;
    if (before !== ',' && before !== ';' && context.lang === 'vi') continue;
    if (keepWhole && i > piece.first + 1) {
      pushPiece(context, { first, last: i - 1, confidence: piece.confidence }, out, needsCue);
      first = match.end;
      out.push({ first, last: piece.last, confidence: piece.confidence });
      return;
    }
    pushPiece(
      context,
      { first, last: before === ',' || before === ';' ? i - 1 : i, confidence: piece.confidence },
      out,
      needsCue,
    );
    needsCue = false;
    first = context.lang === 'vi' ? match.end : i + 1;
    i = match.end - 1;
  }
  pushPiece(context, { first, last: piece.last, confidence: piece.confidence }, out, needsCue);
}

/** 'và'/'and' + an action verb after a cue, with enough words on both sides, opens a second promise. */
function isJoinedPromise(context: CommitmentContext, first: number, at: number, last: number): boolean {
  const { tokens } = context;
  if (!conjunctions.has(tokens[at]?.key ?? '')) return false;
  const verb = tokens[at + 1]?.key === keyPhrase('also')[0] ? at + 2 : at + 1;
  if (!hasMatch(joinedLexicon, context.marks, verb)) return false;
  // Scans stay within a clause's reach so that a long run of 'và' stays linear.
  const from = Math.max(first, at - joinedReach);
  const cue = firstCue(context, from, at);
  if (cue === -1) return false;
  // After 'nhằm'/'để' (in order to) the coordination belongs to the purpose, not to the promise.
  for (let i = cue; i < at; i++) if (purposeMarkers.has(tokens[i]?.key)) return false;
  return (
    countWords(tokens, from, at) >= joinedHalfWords &&
    countWords(tokens, at + 1, Math.min(last, at + 1 + joinedReach)) >= joinedHalfWords
  );
}

/**
 * A split part before any cue ('đánh giá cao ..., đồng thời đề nghị ...') is praise or narrative;
 * a part whose cue follows a reporting verb ('X cho biết Y sẽ ...') starts after the speaker.
 */
function pushPiece(context: CommitmentContext, piece: Piece, out: Piece[], needsCue: boolean): void {
  const cue = firstCue(context, piece.first, piece.last);
  if (cue === -1) {
    if (!needsCue) out.push(piece);
    return;
  }
  let first = piece.first;
  for (let i = piece.first; i < cue; i++) {
    const match = matchLongest(reportingLexicon, context.marks, i);
    if (match && match.end <= cue) first = match.end;
  }
  const that = context.tokens[first]?.key;
  if (first > piece.first && (that === keyPhrase('rằng')[0] || that === keyPhrase('that')[0])) first++;
  out.push({ ...piece, first });
}

function hasMatchIn(
  lexicon: Lexicon<true>,
  context: CommitmentContext,
  first: number,
  last: number,
): boolean {
  for (let i = first; i < last; i++) if (hasMatch(lexicon, context.marks, i)) return true;
  return false;
}

function hasKey(
  tokens: readonly Token[],
  first: number,
  last: number,
  keys: ReadonlySet<string | undefined>,
): boolean {
  for (let i = first; i < last; i++) if (keys.has(tokens[i]?.key)) return true;
  return false;
}

function firstCue(context: CommitmentContext, first: number, last: number): number {
  for (let i = first; i < last; i++) if (context.cueAt?.[i] === 1) return i;
  return -1;
}

function lastCue(context: CommitmentContext, first: number, last: number): number {
  let found = first;
  for (let i = first; i < last; i++) if (context.cueAt?.[i] === 1) found = i;
  return found;
}

function findEnumerationColon(context: CommitmentContext, sentence: Sentence): number {
  const { tokens } = context;
  for (let i = sentence.first; i < sentence.last; i++) {
    if (tokens[i]?.raw !== ':') continue;
    for (let back = Math.max(sentence.first, i - 4); back < i; back++) {
      if (hasMatch(enumerationLexicon, context.marks, back)) return i;
    }
  }
  return -1;
}

function enumerationWordBefore(context: CommitmentContext, first: number, colon: number): number {
  for (let back = Math.max(first, colon - 4); back < colon; back++) {
    const match = matchLongest(enumerationLexicon, context.marks, back);
    if (match && match.end === colon) return back;
  }
  return colon;
}

/** Drops a leading adverbial ('Theo đó,', 'Tại buổi làm việc,') before the clause with the cue. */
function clauseStart(context: CommitmentContext, first: number, cue: number): number {
  const { tokens } = context;
  if (!leadingAdverbials.has(tokens[first]?.key ?? '')) return first;
  for (let i = first; i < cue; i++) if (tokens[i]?.raw === ',') return i + 1;
  return first;
}

function splitAt(tokens: readonly Token[], first: number, last: number, separator: string): Piece[] {
  const pieces: Piece[] = [];
  let start = first;
  for (let i = first; i < last; i++) {
    if (tokens[i]?.raw === separator) {
      pieces.push({ first: start, last: i, confidence: 0 });
      start = i + 1;
    }
  }
  if (start < last) pieces.push({ first: start, last, confidence: 0 });
  return pieces;
}

function isEmptyRange(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (tokens[i]?.isWord) return false;
  return true;
}

function countWords(tokens: readonly Token[], first: number, last: number): number {
  let count = 0;
  for (let i = first; i < last; i++) if (tokens[i]?.isWord) count++;
  return count;
}

function hasNumber(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (tokens[i]?.isNumber) return true;
  return false;
}

const trailing = new Set([',', ';', ':', '.', '…', '-', '–', '/']);
function finish(context: CommitmentContext, pieces: readonly Piece[]): DraftCommitment[] {
  const { tokens, text } = context;
  const kept: { item: DraftCommitment; words: Set<string> }[] = [];
  for (const piece of pieces) {
    let first = piece.first;
    let last = piece.last;
    while (first < last && !tokens[first]?.isWord && tokens[first]?.raw !== '“') first++;
    while (last > first && trailing.has(tokens[last - 1]?.raw ?? '')) last--;
    if (countWords(tokens, first, last) < minWords) continue;
    const start = tokens[first]?.start ?? 0;
    const end = tokens[last - 1]?.end ?? start;
    const words = new Set<string>();
    for (let i = first; i < last; i++) if (tokens[i]?.isWord) words.add(tokens[i]?.fold ?? '');
    if (kept.slice(-50).some((other) => jaccard(other.words, words) >= 0.7)) continue;
    const body = text.slice(start, end);
    const sentenceText = body.charAt(0).toUpperCase() + body.slice(1);
    kept.push({ item: { text: sentenceText, spans: [{ start, end }], confidence: piece.confidence }, words });
  }
  return kept.map((entry) => entry.item);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}
