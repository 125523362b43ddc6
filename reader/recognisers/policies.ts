import type { DraftPolicy } from '../../common/contracts/draft.ts';
import type { Article } from '../article.ts';
import { tuning } from '../tuning.ts';

// Vietnamese policy documents an article cites: "Nghị quyết số 72-NQ/TW", "Nghị quyết 57",
// "Resolution 57-NQ/TW", "Resolution No. 72". A number with its issuer's code is sure; a bare
// "Nghị quyết 57" is read as the Politburo's (NQ/TW), the way the press names its resolutions.

/** The document noun, then an optional "số"/"No.", then the number and, maybe, its code. Every
 * quantifier is bounded, so no input makes it backtrack. */
const citation =
  /\b(?:ngh[iị] quy[eế]t|resolution)(?: (?:s[oố]|no\.?))? {0,2}(\d{1,4})(?:\s?[-/]\s?(NQ)\s?[-/]\s?(TW|CP|QH\d{0,2}))?/iuy;
/** Where a citation can start: its noun. A scan for a pattern opening with \b tries every position
 * slowly (about 25 ns a character); the bare noun is found at memchr speed, and `citation` is then
 * tried only there (sticky), which finds the same matches. */
const citationNoun = /ngh[iị] quy[eế]t|resolution/giu;
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
  for (const match of citations(text)) {
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

/** Every match of `citation` in the text, left to right, as a global scan would find them. */
function* citations(text: string): Generator<RegExpExecArray> {
  citationNoun.lastIndex = 0;
  for (let noun = citationNoun.exec(text); noun !== null; noun = citationNoun.exec(text)) {
    citation.lastIndex = noun.index;
    const match = citation.exec(text);
    // A match ends past its noun: the next search starts after it, as a global scan's would.
    if (match) citationNoun.lastIndex = match.index + match[0].length;
    else citationNoun.lastIndex = noun.index + 1;
    if (match) yield match;
  }
}
