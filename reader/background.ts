// Background by time: a sentence that sets an earlier time ('Năm 2022, ...', 'tháng 5/2025, ...' in an
// article of September 2025) tells history, so the events and people in it are not the report's own;
// so does a clause that refers to an earlier event ('kết quả đạt được trong cuộc điện đàm giữa ...').
import { type DateMention, resolveDate, type YearHints } from './dates.ts';
import {
  addPhrase,
  createLexicon,
  hasMatch,
  type Lexicon,
  type LexiconMarks,
  matchLongest,
} from './lexicon.ts';
import agreements from './lexicons/agreements.json' with { type: 'json' };
import history from './lexicons/history.json' with { type: 'json' };
import { keyPhrase, type Token, type TokenList } from './normalise.ts';
import { kindLexicon } from './phrases.ts';
import type { Sentence } from './segment.ts';
import { lowerBound, lowerBoundBy } from './sorted.ts';

export interface TimeContext {
  tokens: TokenList;
  sentences: readonly Sentence[];
  /** The sentence of each token. */
  sentenceOf: Int32Array;
  dates: readonly DateMention[];
  years: YearHints;
  published: string | null;
  marks: LexiconMarks;
}

const earlierEventLexicon: Lexicon<true> = createLexicon();
for (const phrase of history.earlierEvent) addPhrase(earlierEventLexicon, phrase, true);
const currentLexicon: Lexicon<true> = createLexicon();
for (const word of history.currentWords) addPhrase(currentLexicon, word, true);
const basisLexicon: Lexicon<true> = createLexicon();
for (const cue of agreements.basisCues) addPhrase(basisLexicon, cue, true);
const signLexicon: Lexicon<true> = createLexicon();
for (const verb of agreements.signVerbs) addPhrase(signLexicon, verb, true);
const basisFillers = new Set(history.basisFillers.map((word) => keyPhrase(word)[0] ?? ''));
const justKeys = new Set(history.justWords.map((word) => keyPhrase(word)[0] ?? ''));
const auxiliaries = new Set(history.auxiliaries.map((word) => keyPhrase(word)[0] ?? ''));
/** Punctuation that closes the clause a reference to an earlier event runs to. */
const clauseEnds = new Set([',', ';', ':', '(']);
/** Years before this are not times ('1500 ca'); after 'năm'/'in' a year from 1800 on is ('năm 1821'). */
const earliestYear = 1800;

/** Words that make a bare year a time: 'năm 2022', 'in 2023' (not '2022 ca bệnh'). */
const timeWords = new Set(['năm', 'in'].map((word) => keyPhrase(word)[0] ?? ''));

/** The article's year: its publication, else the latest year it writes. 0 when neither is known. */
export function referenceYear(context: Pick<TimeContext, 'published' | 'years'>): number {
  return context.published ? Number(context.published.slice(0, 4)) : context.years.latestYear;
}

/** Times a sentence sets, in order: where each starts (a code-unit offset) and whether it is earlier. */
interface SentenceTimes {
  at: number[];
  isEarlier: boolean[];
}

/** Questions for the whole draft about the times its sentences set. */
export interface History {
  /** Token `index` sits after a time its sentence sets well before the article's ('Năm 2022, ...'). */
  isSetEarlier(index: number): boolean;
  /** The first time the sentence sets after token `index`, within `reach` tokens, is well before the article's ('ký ... hồi tháng 3/2024'). */
  isDatedEarlier(index: number, reach: number): boolean;
  /** Token `index` sits in a clause that refers to an earlier event ('signed during the visit of X in 2019'). */
  refersToEarlier(index: number): boolean;
}

/** Each sentence's times are read once, on first ask, so asking for every cue and every name stays linear. */
export function createHistory(context: TimeContext): History {
  const reference = referenceYear(context);
  const bySentence: (SentenceTimes | undefined)[] = new Array(context.sentences.length);
  const timesOf = (index: number): SentenceTimes | null => {
    const sentence = context.sentenceOf[index] ?? -1;
    if (!reference || sentence === -1) return null;
    let times = bySentence[sentence];
    if (!times) {
      times = readTimes(context, sentence, reference);
      bySentence[sentence] = times;
    }
    return times;
  };
  const references = findReferences(context);
  return {
    refersToEarlier(index) {
      return references[index] === 1;
    },
    isSetEarlier(index) {
      const times = timesOf(index);
      if (!times) return false;
      const before = lowerBound(times.at, context.tokens.at(index)?.start ?? 0) - 1;
      return before >= 0 && times.isEarlier[before] === true;
    },
    isDatedEarlier(index, reach) {
      const times = timesOf(index);
      if (!times) return false;
      const sentence = context.sentences[context.sentenceOf[index] ?? -1] as Sentence;
      const limit = context.tokens.at(Math.min(index + reach, sentence.last - 1))?.end ?? 0;
      const next = lowerBound(times.at, context.tokens.at(index)?.end ?? 0);
      return next < times.at.length && (times.at[next] as number) < limit && times.isEarlier[next] === true;
    },
  };
}

function readTimes(context: TimeContext, number: number, reference: number): SentenceTimes {
  const { tokens } = context;
  const sentence = context.sentences[number] as Sentence;
  const marks: [at: number, isEarlier: boolean][] = [];
  const from = tokens.at(sentence.first)?.start ?? 0;
  const to = tokens.at(sentence.last - 1)?.end ?? from;
  for (let d = lowerBoundBy(context.dates, from, (date) => date.start); d < context.dates.length; d++) {
    const mention = context.dates[d] as DateMention;
    if (mention.start >= to) break;
    if (mention.isDocumentDate) continue;
    const resolved = resolveDate(mention, context.years, context.published).start;
    marks.push([mention.start, resolved !== null && isBeforeArticle(resolved, reference, context.published)]);
  }
  for (let i = sentence.first + 1; i < sentence.last; i++) {
    const token = tokens.at(i) as Token;
    if (!token.isNumber || token.raw.length !== 4) continue;
    if (!timeWords.has(tokens.at(i - 1)?.key ?? '') || isPeriodYear(tokens, i)) continue;
    const year = Number(token.raw);
    if (year >= earliestYear) marks.push([token.start, year < reference]);
  }
  marks.sort((a, b) => a[0] - b[0]);
  return { at: marks.map((mark) => mark[0]), isEarlier: marks.map((mark) => mark[1]) };
}

/** Per token, 1 inside a reference to an earlier event: from its phrase to the end of its clause. */
function findReferences(context: TimeContext): Uint8Array {
  const { tokens, marks } = context;
  const inside = new Uint8Array(tokens.length);
  let filledTo = 0;
  for (const start of marks.starts[earlierEventLexicon.id] ?? []) {
    // Inside a reference already filled: the same clause, so the same end (and the pass stays linear).
    if (start < filledTo) continue;
    const match = matchLongest(earlierEventLexicon, marks, start);
    if (!match || auxiliaries.has(tokens.at(start - 1)?.key ?? '')) continue;
    const last = context.sentences[context.sentenceOf[start] ?? -1]?.last ?? match.end;
    let end = match.end;
    let isCurrent = false;
    while (end < last && !clauseEnds.has(tokens.at(end)?.raw ?? '')) {
      if (hasMatch(currentLexicon, marks, end)) isCurrent = true;
      end++;
    }
    filledTo = end;
    if (!isCurrent) inside.fill(1, start, end);
  }
  markBasisSignings(context, inside);
  return inside;
}

/**
 * 'Trên cơ sở Hiệp định … ký năm 1998, …', 'thực hiện Biên bản ghi nhớ … được ký giữa hai Sở': a
 * document in force, named after a basis cue, was signed before; its signing to the end of the
 * clause is an earlier event. Not when the clause says the signing is now ('vừa được ký', 'này').
 */
function markBasisSignings(context: TimeContext, inside: Uint8Array): void {
  const { tokens, marks } = context;
  const signs = marks.starts[signLexicon.id] ?? [];
  // Documents of one clause share its end, found once: a clause of many documents stays linear.
  let clauseEnd = -1;
  let isCurrent = false;
  for (const start of marks.starts[kindLexicon.id] ?? []) {
    if (inside[start] === 1) continue;
    const document = matchLongest(kindLexicon, marks, start);
    const entry = document?.values[0];
    if (!document || !entry || (entry.isCapitalOnly && !tokens.at(start)?.isCapital)) continue;
    let before = start;
    while (before > 0 && basisFillers.has(tokens.at(before - 1)?.key ?? '')) before--;
    let isBasis = false;
    for (let i = Math.max(0, before - 4); i < start && !isBasis; i++) {
      const cue = matchLongest(basisLexicon, marks, i)?.end;
      isBasis = cue === before || cue === start;
    }
    if (!isBasis) continue;
    if (document.end > clauseEnd) {
      const last = context.sentences[context.sentenceOf[start] ?? -1]?.last ?? document.end;
      clauseEnd = document.end;
      isCurrent = false;
      while (clauseEnd < last && !clauseEnds.has(tokens.at(clauseEnd)?.raw ?? '')) {
        if (hasMatch(currentLexicon, marks, clauseEnd) || justKeys.has(tokens.at(clauseEnd)?.key ?? ''))
          isCurrent = true;
        clauseEnd++;
      }
    }
    const at = lowerBound(signs, document.end);
    const sign = at < signs.length ? (signs[at] as number) : clauseEnd;
    if (sign < clauseEnd && !isCurrent) inside.fill(1, sign, clauseEnd);
  }
}

/** A date (YYYY, YYYY-MM or YYYY-MM-DD) in an earlier year, or two months or more before publication. */
export function isBeforeArticle(date: string, reference: number, published: string | null): boolean {
  const year = Number(date.slice(0, 4));
  if (year < reference) return true;
  if (!published || published.length < 7 || date.length < 7) return false;
  const month = year * 12 + Number(date.slice(5, 7));
  return month < Number(published.slice(0, 4)) * 12 + Number(published.slice(5, 7)) - 1;
}

/** '2020 - 2026': a year that bounds a period, not a time the sentence is set in. */
export function isPeriodYear(tokens: TokenList, i: number): boolean {
  const next = tokens.at(i + 1)?.raw;
  const previous = tokens.at(i - 1)?.raw;
  return next === '-' || next === '–' || previous === '-' || previous === '–';
}
