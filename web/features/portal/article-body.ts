import { foldText } from '../../../common/domain/text.ts';

/** The body's paragraphs without the ones the page already shows: a pasted article often repeats
 * its title (sometimes more than once) and its lead at the top of its text. */
export function splitBody(text: string, shown: (string | null)[]): string[] {
  const repeated = new Set(shown.filter((value): value is string => Boolean(value)).map(foldText));
  const paragraphs = text
    .split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  let start = 0;
  while (start < paragraphs.length && repeated.has(foldText(paragraphs[start] ?? ''))) start += 1;
  return paragraphs.slice(start);
}
