// What the server keeps of an article's text besides the text itself: the hash that recognises the
// same article again, and the folded words it is searched by. Both walk megabytes for a long article
// and allocate as they go, so they are computed in the extraction worker beside the draft; on the
// server's thread their garbage paused every other request.
import { createHash } from 'node:crypto';
import { type FoldedWords, toSearchWords } from '../../common/domain/text.ts';

/** The hash batch imports compare to skip an article already stored. */
export function hashSourceText(text: string): string {
  const normalised = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex');
}

export type DerivedText = { textHash: string; textWords: FoldedWords };

export function deriveFromText(text: string): DerivedText {
  return { textHash: hashSourceText(text), textWords: { folded: toSearchWords(text) } };
}
