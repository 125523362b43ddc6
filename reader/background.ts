// Background by time: a sentence that sets an earlier time ('Năm 2022, ...', 'tháng 5/2025, ...' in an
// article of September 2025) tells history, so the events and people in it are not the report's own.
import { type DateMention, resolveDate, type YearHints } from './dates.ts';
import { keyPhrase, type Token } from './normalise.ts';
import type { Sentence } from './segment.ts';
import { lowerBoundBy } from './sorted.ts';

export interface TimeContext {
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  dates: readonly DateMention[];
  years: YearHints;
  published: string | null;
}

/** Words that make a bare year a time: 'năm 2022', 'in 2023' (not '2022 ca bệnh'). */
const timeWords = new Set(['năm', 'in'].map((word) => keyPhrase(word)[0] ?? ''));

/** The article's year: its publication, else the latest year it writes. 0 when neither is known. */
export function referenceYear(context: Pick<TimeContext, 'published' | 'years'>): number {
  return context.published ? Number(context.published.slice(0, 4)) : context.years.latestYear;
}

/** True when the latest time the sentence sets before token `index` is well before the article's. */
export function isInEarlierTime(context: TimeContext, index: number, sentence: number): boolean {
  const { tokens } = context;
  const reference = referenceYear(context);
  const first = context.sentences[sentence]?.first;
  if (!reference || first === undefined) return false;
  const from = tokens[first]?.start ?? 0;
  const to = tokens[index]?.start ?? 0;
  let latestAt = -1;
  let isEarlier = false;
  for (let d = lowerBoundBy(context.dates, from, (date) => date.start); d < context.dates.length; d++) {
    const mention = context.dates[d] as DateMention;
    if (mention.start >= to) break;
    if (mention.isDocumentDate) continue;
    const resolved = resolveDate(mention, context.years, context.published).start;
    latestAt = mention.start;
    isEarlier = resolved !== null && isBeforeArticle(resolved, reference, context.published);
  }
  for (let i = first + 1; i < index; i++) {
    const token = tokens[i] as Token;
    if (!token.isNumber || token.raw.length !== 4 || token.start < latestAt) continue;
    if (!timeWords.has(tokens[i - 1]?.key ?? '') || isPeriodYear(tokens, i)) continue;
    const year = Number(token.raw);
    if (year < 1900) continue;
    latestAt = token.start;
    isEarlier = year < reference;
  }
  return isEarlier;
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
export function isPeriodYear(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]?.raw;
  const previous = tokens[i - 1]?.raw;
  return next === '-' || next === '–' || previous === '-' || previous === '–';
}
