// Phrase lexicons that more than one part of the reader asks: the names of cooperation documents
// (agreements, commitments, events), the heads of organisations inside titles (people, participants)
// and the cues of a data source (people, entities). One home each, so recognisers never import
// one another.
import type { AgreementKind } from '../common/contracts/draft.ts';
import { addPhrase, createLexicon, hasMatch, type Lexicon, type LexiconMarks } from './lexicon.ts';
import agreements from './lexicons/agreements.json' with { type: 'json' };
import people from './lexicons/people.json' with { type: 'json' };
import titles from './lexicons/titles.json' with { type: 'json' };
import { keyPhrase } from './normalise.ts';
import { lowerBound } from './sorted.ts';

export interface KindEntry {
  kind: AgreementKind;
  isCapitalOnly: boolean;
  needsSigning: boolean;
}

export const kindLexicon: Lexicon<KindEntry> = createLexicon();
const capitalOnly = new Set(agreements.capitalOnly.map((p) => keyPhrase(p).join(' ')));
for (const [kind, phrases] of Object.entries(agreements.kinds)) {
  for (const phrase of phrases) {
    const isLower = phrase === phrase.toLowerCase();
    addPhrase(kindLexicon, phrase, {
      kind: kind as AgreementKind,
      isCapitalOnly: capitalOnly.has(keyPhrase(phrase).join(' ')),
      needsSigning: kind === 'other' || (kind === 'protocol' && isLower),
    });
  }
}
export const notDocumentLexicon: Lexicon<true> = createLexicon();
for (const phrase of agreements.notDocuments) addPhrase(notDocumentLexicon, phrase, true);
export const orgHeadLexicon: Lexicon<true> = createLexicon();
for (const head of titles.orgHeads) addPhrase(orgHeadLexicon, head, true);
const dataSourceLexicon: Lexicon<true> = createLexicon();
for (const cue of people.dataSources) addPhrase(dataSourceLexicon, cue, true);

/** Whether a cooperation document's name (Bản ghi nhớ, Kế hoạch, agreement ...) starts in [first, last). */
export function mentionsDocument(marks: LexiconMarks, first: number, last: number): boolean {
  const starts = marks.starts[kindLexicon.id] ?? [];
  const at = lowerBound(starts, first);
  return at < starts.length && (starts[at] as number) < last;
}

/** 'biên bản bàn giao' at `index`: the record of an act (a handover), not a cooperation document. */
export function isRecordOfAct(marks: LexiconMarks, index: number): boolean {
  return hasMatch(notDocumentLexicon, marks, index);
}

/**
 * 'Theo số liệu do TS. X công bố', 'Theo ước tính của WHO', 'according to figures from Dr X': a
 * data-source cue starting in [from, first) makes what follows the source of a figure.
 */
export function isAfterDataSource(marks: LexiconMarks, first: number, from: number): boolean {
  const starts = marks.starts[dataSourceLexicon.id] ?? [];
  const at = lowerBound(starts, Math.max(0, from));
  return at < starts.length && (starts[at] as number) < first;
}

/** The organisation inside a title: from the first organisation head to the end of the title. */
export function findOrgInTitle(marks: LexiconMarks, first: number, last: number): [number, number] | null {
  for (let i = first; i < last; i++) {
    if (hasMatch(orgHeadLexicon, marks, i) && marks.tokens.at(i)?.isCapital && i > first) return [i, last];
  }
  return null;
}
