// The Article: one value that every recogniser reads, built once per draft by readArticle (the way
// spaCy passes one Doc through its components). It holds the text and everything read from it
// before any recogniser runs: tokens and their lexicon marks, sentences, language, publication date,
// dates and years, the times sentences set (history), the country and organisation mentions
// (entities) and which sentences are quotations. Recognisers never change it; what a later
// recogniser needs from an earlier one (people mentions, partners) is handed to it as an argument
// by the pipeline in assemble.ts.

import { createHistory, type History } from './background.ts';
import type { CleanedArticle } from './clean.ts';
import { type DateMention, describeYears, findDates, findWeekdays, type YearHints } from './dates.ts';
import { type EntityMention, findEntities, type Lang, maskEntities } from './entities.ts';
import { type LexiconMarks, markLexicons } from './lexicon.ts';
import { type TokenList, tokenize } from './normalise.ts';
import { type Sentence, segmentSentences } from './segment.ts';

export type { Lang } from './entities.ts';

export interface ArticleInput {
  published?: string | null;
  lang?: 'vi' | 'en';
}

export interface Article {
  /** The cleaned text every offset points into. */
  readonly text: string;
  readonly title: string | null;
  readonly byline: string | null;
  readonly sourceLine: string | null;
  readonly url: string | null;
  readonly tokens: TokenList;
  /** Every lexicon's longest phrase at each token, from one pass over the shared trie. */
  readonly marks: LexiconMarks;
  readonly sentences: readonly Sentence[];
  /** The sentence of each token (-1 for none). */
  readonly sentenceOf: Int32Array;
  readonly lang: Lang;
  /** YYYY-MM-DD or YYYY-MM: the caller's date when valid, else the date line under the title. */
  readonly published: string | null;
  /** The clock time the date line prints ('21:29', '08:15+07:00') when `published` is that line's date; else null. */
  readonly publishedTime: string | null;
  /** Dates and weekdays in text order. */
  readonly dates: readonly DateMention[];
  readonly years: YearHints;
  /** The times sentences set: 'Năm 2022, ...' tells history. */
  readonly history: History;
  /** Country and organisation mentions, in text order. */
  readonly entities: readonly EntityMention[];
  /** For each token, the entity covering it (index into entities) or -1. */
  readonly entityMask: Int32Array;
  /** 1 for a sentence inside quotation marks (speech, not the record). */
  readonly quoted: Uint8Array;
  /** Whether the first line is a title (and there is more than it). */
  readonly hasTitle: boolean;
  /** Token index where the body starts (after the title line). */
  readonly bodyStart: number;
}

/** A person the people recogniser found; the participants recogniser groups them. */
export interface PersonMention {
  /** Token range of the name. */
  first: number;
  last: number;
  /** Token range of the title phrase with its organisation, when one was found. */
  titleFirst: number;
  titleLast: number;
  sentence: number;
  isBackground: boolean;
}

/** Builds the Article of a cleaned text; the caller's lang and published win when valid. */
export function readArticle(cleaned: CleanedArticle, input: ArticleInput): Article {
  const text = cleaned.text;
  const tokens = tokenize(text);
  const marks = markLexicons(tokens);
  const sentences = segmentSentences(tokens);
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  sentences.forEach((sentence, index) => {
    sentenceOf.fill(index, sentence.first, sentence.last);
  });
  const lang: Lang = input.lang === 'vi' || input.lang === 'en' ? input.lang : detectLanguage(text);
  const published = validPublished(input.published) ?? cleaned.published;
  // The date line's time belongs to its date only: a caller's other date gets no time.
  const publishedTime = published !== null && published === cleaned.published ? cleaned.publishedTime : null;
  const entities = findEntities(marks, lang);
  const entityMask = maskEntities(tokens.length, entities);
  const dates = [...findDates(text), ...findWeekdays(text, published)].sort((a, b) => a.start - b.start);
  const years = describeYears(dates);
  const hasTitle = cleaned.title !== null && sentences.length > 1;
  const bodyStart = hasTitle ? (sentences[1]?.first ?? 0) : 0;
  const quoted = markQuotedSentences(tokens, sentences);
  const history = createHistory({ tokens, sentences, sentenceOf, dates, years, published, marks });
  return {
    text,
    title: cleaned.title,
    byline: cleaned.byline,
    sourceLine: cleaned.sourceLine,
    url: cleaned.url,
    tokens,
    marks,
    sentences,
    sentenceOf,
    lang,
    published,
    publishedTime,
    dates,
    years,
    history,
    entities,
    entityMask,
    quoted,
    hasTitle,
    bodyStart,
  };
}

/**
 * Token `index` in a sentence set in an earlier time ('Năm 2022, GS. X ...') or in a reference to an
 * earlier event ('đạt được trong cuộc điện đàm giữa ...'): history, not what this article reports.
 */
export function isHistoryAt(article: Article, index: number): boolean {
  return article.history.isSetEarlier(index) || article.history.refersToEarlier(index);
}

/** Sentences inside quotation marks are speech: rhetoric, not the record of what was agreed. */
function markQuotedSentences(tokens: TokenList, sentences: readonly Sentence[]): Uint8Array {
  const quoted = new Uint8Array(sentences.length);
  let depth = 0;
  let sentence = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (sentence < sentences.length && (sentences[sentence]?.last ?? 0) <= i) sentence++;
    // A word is never a quote mark: skip reading its spelling. Columns, not a view: every token passes here.
    const raw = tokens.isWordAt(i) ? '' : tokens.rawAt(i);
    const afterBreak = tokens.afterBreakAt(i);
    const current = sentences[sentence];
    // A straight quote opens after a space or a line start and closes glued to the word before it.
    const opens = raw === '“' || (raw === '"' && (!tokens.gluedAt(i) || afterBreak));
    const closes = raw === '”' || (raw === '"' && !opens);
    if (opens) {
      if (current && current.first === i) quoted[sentence] = 1;
      depth = 1;
    } else if (closes) {
      depth = 0;
    } else if (depth > 0 && current && current.first === i) {
      quoted[sentence] = 1;
    }
    if (afterBreak && depth > 0 && !opens) depth = 0;
  }
  return quoted;
}

const vietnameseMarks = new Set('ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ');
// Latin and Vietnamese letters all sit below U+2000: a table there spares two case mappings per char.
const tableLimit = 0x2000;
const letterTable = new Uint8Array(tableLimit);
const markTable = new Uint8Array(tableLimit);
for (let code = 0; code < tableLimit; code++) {
  const [letters, marks] = countLetters(String.fromCharCode(code));
  letterTable[code] = letters;
  markTable[code] = marks;
}

/** countLetters of the code points above the table met so far, bounded so input cannot grow it. */
const countedPoints = new Map<number, [letters: number, marks: number]>();

/** Letters and Vietnamese-marked letters in the lower-case form of one character. */
function countLetters(char: string): [letters: number, marks: number] {
  let letters = 0;
  let marks = 0;
  for (const lower of char.toLowerCase()) {
    const isMarked = vietnameseMarks.has(lower);
    if (isMarked) marks++;
    if (isMarked || lower.toUpperCase() !== lower.toLowerCase()) letters++;
  }
  return [letters, marks];
}

/** Vietnamese when more than 3% of the letters in the opening carry Vietnamese marks. */
function detectLanguage(text: string): Lang {
  const sample = text.slice(0, 3000);
  let letters = 0;
  let marks = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < tableLimit) {
      letters += letterTable[code] ?? 0;
      marks += markTable[code] ?? 0;
      continue;
    }
    const point = sample.codePointAt(i) ?? code;
    if (point > 0xffff) i++;
    // Curly quotes and dashes sit above the table and recur in every article: count each once.
    let counted = countedPoints.get(point);
    if (counted === undefined) {
      counted = countLetters(String.fromCodePoint(point));
      if (countedPoints.size < 10_000) countedPoints.set(point, counted);
    }
    letters += counted[0];
    marks += counted[1];
  }
  if (letters === 0) return 'vi';
  return marks / letters > 0.03 ? 'vi' : 'en';
}

/** The caller's publication date when it is a real YYYY-MM(-DD), else null. */
export function validPublished(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value.trim());
  if (!match) return null;
  const month = Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  return day === null ? `${match[1]}-${match[2]}` : `${match[1]}-${match[2]}-${match[3]}`;
}
