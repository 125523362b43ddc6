import { foldText } from '../../../common/domain/text.ts';

/** The lead and body paragraphs to show. A pasted article often repeats its title (sometimes more
 * than once) at the top of its text, and a lead cut from the first paragraph ends in "…": the
 * title is shown once, and a cut lead gives way to the whole paragraph it was cut from. */
export function splitArticle(
  text: string,
  title: string,
  lead: string | null,
): { lead: string | null; paragraphs: string[] } {
  const paragraphs = text
    .split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const foldedTitle = foldText(title);
  let start = 0;
  while (start < paragraphs.length && foldText(paragraphs[start] ?? '') === foldedTitle) start += 1;
  const first = paragraphs[start];
  if (lead && first) {
    const foldedLead = foldText(lead.replace(/…$/, ''));
    const foldedFirst = foldText(first);
    if (foldedFirst === foldedLead || (lead.endsWith('…') && foldedFirst.startsWith(foldedLead)))
      return { lead: first, paragraphs: paragraphs.slice(start + 1) };
  }
  return { lead, paragraphs: paragraphs.slice(start) };
}
