// Areas of cooperation from the shipped taxonomy's keywords plus our own vi/en additions.
import type { DraftArea } from '../../common/contracts/draft.ts';
import type { Article } from '../article.ts';
import type { Lang } from '../entities.ts';
import {
  addPhrase,
  createLexicon,
  findAll,
  hasMatch,
  type Lexicon,
  type LexiconMarks,
  matchLongest,
} from '../lexicon.ts';
import extra from '../lexicons/area-keywords.json' with { type: 'json' };
import taxonomy from '../lexicons/areas.json' with { type: 'json' };
import { tuning } from '../tuning.ts';

interface AreaKeyword {
  id: string;
  /** Acronyms ('AI', 'HIV') count only in capitals: 'ai' is the Vietnamese 'who'. */
  exact: string | null;
  /** A word naming people ('chuyên gia'): it tags its area only beside a cue of sending or exchange. */
  cued?: true;
}

const areaLexicons: Record<Lang, Lexicon<AreaKeyword>> = { vi: createLexicon(), en: createLexicon() };
/** Acronyms this short are also words in lower case ('ai', 'who'); longer ones ('COVID-19') match 'Covid-19'. */
const shortAcronym = tuning.areas.shortAcronym;
function addKeyword(lang: Lang, keyword: string, id: string, cued = false): void {
  const isAcronym = /^[A-Z][A-Z0-9-]+$/.test(keyword) && !keyword.includes(' ');
  const exact = isAcronym && keyword.length <= shortAcronym ? keyword : null;
  const value: AreaKeyword = cued ? { id, exact, cued } : { id, exact };
  addPhrase(areaLexicons[lang], keyword, value);
  // English inflection is handled here, once: 'medicines' finds 'medicine' and 'epidemic' 'epidemics'.
  // A cued word is listed in the forms that name people: 'expert' alone qualifies ('expert training').
  if (lang === 'en' && !isAcronym && !cued) {
    for (const form of numberForms(keyword)) addPhrase(areaLexicons.en, form, { id, exact: null });
  }
}

/** The other number of a keyword's last word: plural from singular and singular from plural. */
function numberForms(keyword: string): string[] {
  const match = /^(.*?)([a-z]+)$/.exec(keyword);
  if (!match) return [];
  const [, head = '', word = ''] = match;
  if (word.length < 4) return [];
  if (word.endsWith('ies')) return [`${head}${word.slice(0, -3)}y`];
  if (/(?:ches|shes|sses|xes)$/.test(word)) return [`${head}${word.slice(0, -2)}`];
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return [`${head}${word.slice(0, -1)}`];
  if (/[^aeiou]y$/.test(word)) return [`${head}${word.slice(0, -1)}ies`];
  if (/(?:ch|sh|ss|x)$/.test(word)) return [`${head}${word}es`];
  // Adjectives and verb forms ('pharmaceutical', 'funded', 'training') have no plural.
  if (/(?:ed|ing|al|ive|ary)$/.test(word)) return [];
  return [`${head}${word}s`];
}
for (const area of taxonomy.areas) {
  for (const keyword of area.keywords_vi) addKeyword('vi', keyword, area.id);
  addKeyword('vi', area.vi, area.id);
  addKeyword('en', area.en, area.id);
}
for (const lang of ['vi', 'en'] as const) {
  for (const [id, keywords] of Object.entries(extra[lang])) {
    for (const keyword of keywords) addKeyword(lang, keyword, id);
  }
  for (const [id, keywords] of Object.entries(extra.cued.keywords[lang])) {
    for (const keyword of keywords) addKeyword(lang, keyword, id, true);
  }
}
const cuesBefore: Lexicon<true> = createLexicon();
for (const cue of extra.cued.before) addPhrase(cuesBefore, cue, true);
const cuesAfter: Lexicon<true> = createLexicon();
for (const cue of extra.cued.after) addPhrase(cuesAfter, cue, true);
const hostAchievements: Lexicon<true> = createLexicon();
for (const cue of extra.hostAchievements.cues) addPhrase(hostAchievements, cue, true);
/** How far a praised achievement of the host runs when no clause end comes first. */
const achievementReach = tuning.areas.achievementReach;
const clauseEnds = new Set(['.', ';', '!', '?']);
const nameHeads: Lexicon<true> = createLexicon();
for (const name of extra.nameHeads.heads) addPhrase(nameHeads, name, true);
/** How far before a capitalised keyword the head of its name may be ('Vụ Sức khỏe Bà mẹ – Trẻ em'). */
const nameHeadReach = tuning.areas.nameHeadReach;
/** How many tokens may stand between a cued keyword and its cue ('cử một đoàn chuyên gia'). */
const cueReach = tuning.areas.cueReach;

// Keywords inside a body's name ('Cục Quản lý Khám, chữa bệnh') name the body, not an area.
const organisationLexicon: Lexicon<true> = createLexicon();
for (const name of extra.organisationNames.names) addPhrase(organisationLexicon, name, true);
// So do phrases that name no cooperation ('thầy thuốc', 'cấp thuốc miễn phí' at a free check-up).
for (const phrase of extra.notAreas.phrases) addPhrase(organisationLexicon, phrase, true);

/** The areas of cooperation the article names, outside quotations. */
export function findAreas(article: Article): DraftArea[] {
  const { quoted, sentenceOf } = article;
  return readAreas(article.marks, article.lang, sentenceOf, (index) => quoted[sentenceOf[index] ?? -1] === 1);
}

function readAreas(
  marks: LexiconMarks,
  lang: Lang,
  sentenceOf: Int32Array,
  skip: (index: number) => boolean,
): DraftArea[] {
  const { tokens } = marks;
  const byId = new Map<string, DraftArea>();
  const bodies = findAll(organisationLexicon, marks);
  const praised = findPraisedAchievements(marks);
  let praise = 0;
  let body = 0;
  for (const match of findAll(areaLexicons[lang], marks)) {
    const head = tokens.at(match.start);
    if (!head || skip(match.start)) continue;
    while (body < bodies.length && (bodies[body]?.end ?? 0) <= match.start) body++;
    const inside = bodies[body];
    if (inside && inside.start <= match.start && match.end <= inside.end) continue;
    while (praise < praised.length && (praised[praise]?.end ?? 0) <= match.start) praise++;
    if ((praised[praise]?.start ?? Number.POSITIVE_INFINITY) <= match.start) continue;
    if (lang === 'en' && isInsideEnglishName(tokens, match.start, match.end)) continue;
    if (lang === 'vi' && isInsideVietnameseName(marks, match.start, match.end)) continue;
    // The raw spelling is needed only for an acronym, which must match it exactly.
    let raw: string | null = null;
    const keyword = match.values.find((value) => {
      if (value.exact === null) return true;
      raw ??= tokens
        .slice(match.start, match.end)
        .map((t) => t.raw)
        .join('');
      return value.exact.replace(/\s/g, '') === raw;
    });
    if (!keyword) continue;
    if (keyword.cued && !isCued(marks, sentenceOf, match.start, match.end)) continue;
    const span = { start: head.start, end: tokens.at(match.end - 1)?.end ?? head.end };
    const existing = byId.get(keyword.id);
    if (existing) {
      existing.spans.push(span);
      existing.confidence = Math.min(0.95, Math.round((existing.confidence + 0.1) * 100) / 100);
    } else {
      byId.set(keyword.id, { id: keyword.id, spans: [span], confidence: 0.6 });
    }
  }
  return [...byId.values()];
}

/** 'praised Vietnam's achievements in expanding health insurance coverage', 'thành tựu của ngành y tế
 * Việt Nam trong ...': the host's own results, told to compliment it, are no cooperation; their
 * clause is skipped (token ranges, in order). */
function findPraisedAchievements(marks: LexiconMarks): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const cue of findAll(hostAchievements, marks)) {
    let end = cue.end;
    const limit = Math.min(marks.tokens.length, cue.end + achievementReach);
    while (
      end < limit &&
      !clauseEnds.has(marks.tokens.at(end)?.raw ?? '.') &&
      !marks.tokens.at(end)?.afterBreak
    )
      end++;
    ranges.push({ start: cue.start, end });
  }
  return ranges;
}

/** A cue of sending, receiving or exchanging within reach before or after, in the keyword's sentence. */
function isCued(marks: LexiconMarks, sentenceOf: Int32Array, first: number, last: number): boolean {
  const sentence = sentenceOf[first];
  for (let i = Math.max(0, first - cueReach - 2); i < first; i++) {
    const cue = sentenceOf[i] === sentence ? matchLongest(cuesBefore, marks, i) : null;
    if (cue && cue.end <= first && cue.end >= first - cueReach) return true;
  }
  for (let i = last; i <= last + cueReach && i < marks.tokens.length; i++) {
    if (sentenceOf[i] === sentence && hasMatch(cuesAfter, marks, i)) return true;
  }
  return false;
}

/** 'Trung tâm Nhi khoa', 'Vụ Sức khỏe Bà mẹ – Trẻ em', 'Bộ trưởng phụ trách Y tế và Người cao tuổi':
 * Vietnamese writes an area in lower case, so a capitalised keyword a few words after the head of a
 * body's name or an office ('Vụ', 'Trung tâm', 'Bộ trưởng') is part of that name. Acronyms ('HIV',
 * 'Covid-19') and lines' first words are no such sign. */
function isInsideVietnameseName(marks: LexiconMarks, first: number, last: number): boolean {
  const { tokens } = marks;
  const head = tokens.at(first);
  if (!head?.isCapital || head.isUpper || head.afterBreak) return false;
  for (let i = first; i < last; i++) if (tokens.at(i)?.isNumber) return false;
  for (let i = first - 1; i >= Math.max(0, first - nameHeadReach); i--) {
    const token = tokens.at(i);
    if (!token || (!token.isWord && token.raw !== '–' && token.raw !== '-')) return false;
    if (token.isCapital && hasMatch(nameHeads, marks, i)) return true;
    if (token.afterBreak) return false;
  }
  return false;
}

const nameJoins = new Set(['of', 'and', '&', ',']);
/** 'Department of Health, Disability and Ageing': title-cased words that go on a name, not an area. */
function isInsideEnglishName(tokens: LexiconMarks['tokens'], first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const token = tokens.at(i);
    if (token?.isWord && (!token.isCapital || token.isUpper)) return false;
  }
  const previous = tokens.at(first - 1);
  if (!previous || previous.afterBreak || tokens.at(first)?.afterBreak) return false;
  return nameJoins.has(previous.raw) || (previous.isCapital && !previous.isUpper);
}
