import type { DraftPolicy } from '../../common/contracts/draft.ts';
import type { Article } from '../article.ts';
import { tuning } from '../tuning.ts';

// Vietnamese policy documents an article cites: "Nghị quyết số 72-NQ/TW", "Nghị quyết 57",
// "Resolution 57-NQ/TW", "Resolution No. 72". A number with its issuer's code is sure; a bare
// "Nghị quyết 57" is read as the Politburo's (NQ/TW), the way the press names its resolutions.

/** The document noun, then an optional "số"/"No.", then the number and, maybe, its code. Every
 * quantifier is bounded, so no input makes it backtrack. */
const citation =
  /\b(?:ngh[iị] quy[eế]t|resolution)(?: (?:s[oố]|no\.?))? {0,2}(\d{1,4})(?:\s?[-/]\s?(NQ)\s?[-/]\s?(TW|CP|QH\d{0,2}))?/giu;
/** A number with the resolution code alone: "72-NQ/TW". */
const bareNumber = /\b(\d{1,4})-NQ\/(TW|CP|QH\d{0,2})\b/gu;

const sure = tuning.policies.sure;
const assumedPolitburo = tuning.policies.assumedPolitburo;

/** Each policy cited once, in the order first cited, with every span that cites it. */
export function findPolicies({ text }: Pick<Article, 'text'>): DraftPolicy[] {
  const found = new Map<string, DraftPolicy>();
  const claimed: { start: number; end: number }[] = [];
  const add = (number: string, start: number, end: number, confidence: number) => {
    claimed.push({ start, end });
    const known = found.get(number);
    if (known) {
      known.spans.push({ start, end });
      known.confidence = Math.max(known.confidence, confidence);
    } else found.set(number, { number, spans: [{ start, end }], confidence });
  };
  for (const match of text.matchAll(citation)) {
    const code = match[3] ? `NQ/${match[3].toUpperCase()}` : 'NQ/TW';
    add(
      `${match[1]}-${code}`,
      match.index,
      match.index + match[0].length,
      match[3] ? sure : assumedPolitburo,
    );
  }
  for (const match of text.matchAll(bareNumber)) {
    const start = match.index;
    if (claimed.some((span) => start >= span.start && start < span.end)) continue;
    add(`${match[1]}-NQ/${match[2]}`, start, start + match[0].length, sure);
  }
  return [...found.values()];
}
