// Countries and international organisations. Country names hide inside ordinary words and names
// (biện pháp, Ý định thư, Vũ Đức Đam), so short names need context: capitalised, not opening a
// sentence, not inside a run of name syllables, not the first half of a compound word.

import {
  addPhrase,
  createLexicon,
  type Lexicon,
  type LexiconMarks,
  matchLongest,
  type TrieMatch,
} from './lexicon.ts';
import countries from './lexicons/countries.generated.json' with { type: 'json' };
import organisations from './lexicons/organisations.json' with { type: 'json' };
import people from './lexicons/people.json' with { type: 'json' };
import { keyPhrase, keySyllable, type TokenList } from './normalise.ts';
import { isAfterDataSource } from './phrases.ts';
import { tuning } from './tuning.ts';

export type Lang = 'vi' | 'en';

export interface EntityMention {
  code: string;
  kind: 'country' | 'organisation';
  /** Token range [first, last). */
  first: number;
  last: number;
}

interface Entry {
  code: string;
  kind: 'country' | 'organisation';
  form: 'vi' | 'en' | 'demonym' | 'acronym' | 'name';
  /** The raw tokens, joined, that must match exactly (acronyms, all-caps forms), else null. */
  exact: string | null;
  isAmbiguous: boolean;
  length: number;
}

const ambiguous = new Set(countries.ambiguous.names.map((name) => keyPhrase(name).join(' ')));
const notBefore = new Map<string, Set<string>>(
  Object.entries(countries.ambiguous.notBefore).map(([name, next]) => [
    keyPhrase(name).join(' '),
    new Set(next.map((word) => keyPhrase(word).join(' '))),
  ]),
);
const notBeforeHeads = new Set([...notBefore.keys()].map((name) => name.split(' ')[0]));
const directions = new Set(
  ['bắc', 'nam', 'đông', 'tây', 'trung', 'thượng', 'hạ'].map((w) => keyPhrase(w)[0]),
);
const countryCues = new Set(['nước', 'phía', 'bạn', 'liên', 'bang'].map((w) => keyPhrase(w)[0]));
const surnameFolds = new Set(people.surnames.map((name) => keySyllable(name)[1]));

const entityLexicon: Lexicon<Entry> = createLexicon();
const blockLexicon: Lexicon<true> = createLexicon();

function addEntry(phrase: string, entry: Omit<Entry, 'exact' | 'isAmbiguous' | 'length'>): void {
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  const isAllCaps = letters.length > 1 && letters.length <= 6 && letters === letters.toUpperCase();
  const exact = entry.form === 'acronym' || isAllCaps ? phrase.split(/(?=[.])|\s+/u).filter(Boolean) : null;
  const keyed = keyPhrase(phrase).join(' ');
  addPhrase(entityLexicon, phrase, {
    ...entry,
    exact: exact ? rawTokensOf(phrase).join('') : null,
    isAmbiguous: ambiguous.has(keyed),
    length: phrase.length,
  });
}

function rawTokensOf(phrase: string): string[] {
  return phrase.match(/[\p{L}\p{M}\p{N}]+|\S/gu) ?? [];
}

for (const country of countries.countries) {
  for (const name of country.vi) addEntry(name, { code: country.code, kind: 'country', form: 'vi' });
  for (const name of country.en) addEntry(name, { code: country.code, kind: 'country', form: 'en' });
  for (const name of country.demonyms)
    addEntry(name, { code: country.code, kind: 'country', form: 'demonym' });
}
for (const org of organisations.organisations) {
  for (const acronym of org.acronyms)
    addEntry(acronym, { code: org.code, kind: 'organisation', form: 'acronym' });
  for (const name of org.names) addEntry(name, { code: org.code, kind: 'organisation', form: 'name' });
}
for (const place of countries.notCountries.vi) addPhrase(blockLexicon, place, true);

export function findEntities(marks: LexiconMarks, lang: Lang): EntityMention[] {
  const { tokens } = marks;
  const found: EntityMention[] = [];
  // Only tokens where a blocked place or an entity starts can do anything: walk the two lexicons'
  // sorted starts together instead of every token.
  const blockStarts = marks.starts[blockLexicon.id] ?? [];
  const entityStarts = marks.starts[entityLexicon.id] ?? [];
  let b = 0;
  let e = 0;
  let i = 0;
  for (;;) {
    while (b < blockStarts.length && (blockStarts[b] as number) < i) b++;
    while (e < entityStarts.length && (entityStarts[e] as number) < i) e++;
    const nextBlock = b < blockStarts.length ? (blockStarts[b] as number) : tokens.length;
    const nextEntity = e < entityStarts.length ? (entityStarts[e] as number) : tokens.length;
    i = Math.min(nextBlock, nextEntity);
    if (i >= tokens.length) break;
    if (!tokens.at(i)?.isWord) {
      i++;
      continue;
    }
    const blocked = matchLongest(blockLexicon, marks, i);
    if (blocked && tokens.at(i)?.isCapital) {
      i = blocked.end;
      continue;
    }
    const match = matchLongest(entityLexicon, marks, i);
    const entry = match ? pickEntry(match, tokens, lang) : null;
    if (match && entry) {
      found.push({ code: entry.code, kind: entry.kind, first: match.start, last: match.end });
      i = match.end;
    } else {
      i++;
    }
  }
  return found;
}

function pickEntry(match: TrieMatch<Entry>, tokens: TokenList, lang: Lang): Entry | null {
  for (const entry of match.values) if (isAcceptable(entry, match, tokens, lang)) return entry;
  return null;
}

function isAcceptable(entry: Entry, match: TrieMatch<Entry>, tokens: TokenList, lang: Lang): boolean {
  const first = tokens.at(match.start);
  if (!first) return false;
  if (entry.exact !== null) {
    const raws = tokens.slice(match.start, match.end).map((t) => t.raw);
    if (raws.join('') !== entry.exact) return false;
  } else if (!first.isCapital && entry.kind === 'country') {
    return false;
  }
  if (entry.form === 'demonym' && lang !== 'en') return false;
  // 'Thai Xuan Dung': a demonym that is also a Vietnamese family name, opening a run of names.
  if (entry.form === 'demonym' && surnameFolds.has(first.fold) && opensNameRun(tokens, match.end))
    return false;
  if (entry.form === 'en' && lang === 'vi' && (entry.length < 4 || !first.isCapital)) return false;
  // Words glued to letters on either side are part of a longer word ('Laos' inside 'xLaos').
  const after = tokens.at(match.end);
  const nextKey = after && !after.afterBreak ? after.key : '';
  // The phrase's key string is built only when a listed name can start with its first key, and a
  // one-token phrase is its key.
  const notAfter = !notBeforeHeads.has(first.key)
    ? undefined
    : match.end - match.start === 1
      ? notBefore.get(first.key)
      : notBefore.get(
          tokens
            .slice(match.start, match.end)
            .map((t) => t.key)
            .join(' '),
        );
  if (notAfter?.has(nextKey)) return false;
  if (!entry.isAmbiguous) return true;
  return isAmbiguousNameInContext(tokens, match.start);
}

function isAmbiguousNameInContext(tokens: TokenList, start: number): boolean {
  const token = tokens.at(start);
  const previous = tokens.at(start - 1);
  if (!token || !previous || token.afterBreak) return false;
  if (previous.raw === '.' || previous.raw === '!' || previous.raw === '?' || previous.raw === ':')
    return false;
  if (previous.raw === '“' || previous.raw === '"') return false;
  if (
    previous.isWord &&
    previous.isCapital &&
    !directions.has(previous.key) &&
    !countryCues.has(previous.key)
  ) {
    return false;
  }
  return true;
}

function opensNameRun(tokens: TokenList, from: number): boolean {
  const second = tokens.at(from);
  const third = tokens.at(from + 1);
  return Boolean(second?.isCapital && !second.afterBreak && third?.isCapital && !third.afterBreak);
}

const standardNouns = new Set(organisations.standardNouns.map((word) => keySyllable(word)[0]));
const localUnits = new Set(
  ['tỉnh', 'thành', 'tp', 'quận', 'huyện', 'province', 'city'].map((w) => keySyllable(w)[0]),
);
const listJoins = new Set([',', 'and', 'và']);
const theoKey = keySyllable('theo')[0];
const tiengKey = keySyllable('tiếng')[0];
const venuePrepositions = new Set(['in', 'at', 'tại', 'ở'].map((w) => keySyllable(w)[0]));
/** A venue's name is at most this many capitalised words ('Thành phố Hồ Chí Minh'). */
const venueWords = tuning.entities.venueWords;
/** How far before an organisation a data-source cue may stand ('Theo ước tính của Tổ chức ...'). */
const sourceReach = tuning.entities.sourceReach;

/**
 * 'Theo WHO, ...' opening a clause, or a data-source cue just before ('theo ước tính của WHO'): the
 * source of a figure. 'theo lời mời của WHO' (at WHO's invitation) is not.
 */
function isQuotedSource(marks: LexiconMarks, first: number): boolean {
  const { tokens } = marks;
  const previous = tokens.at(first - 1);
  const beforeTheo = tokens.at(first - 2);
  const opensWithTheo =
    previous?.key === theoKey && (!beforeTheo || beforeTheo.afterBreak || !beforeTheo.isWord);
  return opensWithTheo || isAfterDataSource(marks, first, first - sourceReach);
}

/**
 * A mention that names no partner of the reported event: a currency ('US$80 million'), the
 * countries an official is posted for ('Country Director for Laos and Cambodia'), a standard
 * ('WHO prequalification'), or a local body's abbreviation ('Trung tâm Kiểm soát bệnh tật (CDC)
 * tỉnh X', 'CDC Hà Nội').
 */
export function isPassingMention(marks: LexiconMarks, mention: EntityMention): boolean {
  const { tokens } = marks;
  const after = tokens.at(mention.last);
  if (after?.raw === '$' && after.glued) return true;
  if (mention.kind === 'organisation') {
    if (after && !after.afterBreak && standardNouns.has(after.key) && !after.isCapital) return true;
    if (isQuotedSource(marks, mention.first)) return true;
    const before = tokens.at(mention.first - 1);
    const beforeThat = tokens.at(mention.first - 2);
    if (before?.raw === '(' && beforeThat?.isWord && tokens.at(mention.last)?.raw === ')') {
      const next = tokens.at(mention.last + 1);
      if (next && localUnits.has(next.key)) return true;
    }
    if (after && !after.afterBreak && localUnits.has(after.key)) return true;
    if (isGoalsOwner(tokens, mention)) return true;
  }
  if (mention.kind !== 'country') return false;
  // 'tiếng Anh', 'tiếng Pháp': a language, not the country.
  if (tokens.at(mention.first - 1)?.key === tiengKey) return true;
  if (isVenueCountry(tokens, mention)) return true;
  // Walk back over the list 'for A, B and C' to the word that governs it.
  let k = mention.first - 1;
  for (let steps = 0; k >= 0 && steps < 12; steps++, k--) {
    const token = tokens.at(k);
    if (!token) break;
    if (listJoins.has(token.fold) || (token.isWord && token.isCapital)) continue;
    break;
  }
  const governor = tokens.at(k);
  return (
    governor?.fold === 'for' && tokens.at(k - 1)?.isCapital === true && tokens.at(k - 1)?.isWord === true
  );
}

/** 'các Mục tiêu phát triển bền vững (SDGs) của Liên hợp quốc', 'the UN Sustainable Development
 * Goals': the organisation owns the goals the text cites, it is no partner of the work. */
function isGoalsOwner(tokens: TokenList, mention: EntityMention): boolean {
  const next = tokens.at(mention.last);
  const nextNext = tokens.at(mention.last + 1);
  if (next?.fold === 'sdgs' || next?.fold === 'sdg') return true;
  if (next?.fold === 'sustainable' && nextNext?.fold === 'development') return true;
  let start = mention.first - 1;
  if (tokens.at(start)?.fold === 'the') start--;
  const before = tokens.at(start)?.fold;
  if (before !== 'cua' && before !== 'of') return false;
  for (let k = start - 1; k >= 0 && k >= mention.first - 10; k--) {
    const token = tokens.at(k);
    if (!token || token.raw === '.') break;
    if (token.fold === 'sdgs' || token.fold === 'sdg') return true;
    if (token.fold === 'goals' && tokens.at(k - 1)?.fold === 'development') return true;
    if (token.fold === 'vung' && tokens.at(k - 1)?.fold === 'ben' && tokens.at(k - 3)?.fold === 'phat')
      return true;
  }
  return false;
}

/** 'in Geneva (Switzerland)', 'tại Geneva (Thụy Sĩ)': the country of a venue, not a side. */
function isVenueCountry(tokens: TokenList, mention: EntityMention): boolean {
  if (tokens.at(mention.first - 1)?.raw !== '(' || tokens.at(mention.last)?.raw !== ')') return false;
  // The place's capitalised words, then the preposition that sets the venue.
  let k = mention.first - 2;
  for (
    let words = 0;
    k >= 0 && words < venueWords && tokens.at(k)?.isWord && tokens.at(k)?.isCapital;
    words++
  )
    k--;
  return k < mention.first - 2 && venuePrepositions.has(tokens.at(k)?.key ?? '');
}

/** Marks, per token, the entity that covers it (or -1), so name recognition can split around it. */
export function maskEntities(tokenCount: number, mentions: readonly EntityMention[]): Int32Array {
  const mask = new Int32Array(tokenCount).fill(-1);
  mentions.forEach((mention, index) => {
    for (let i = mention.first; i < mention.last; i++) mask[i] = index;
  });
  return mask;
}
