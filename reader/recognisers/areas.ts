// Areas of cooperation from the shipped taxonomy's keywords plus our own vi/en additions.
import type { DraftArea } from '../../common/contracts/draft.ts';
import type { Article } from '../article.ts';
import type { Lang } from '../entities.ts';
import { addPhrase, createLexicon, findAll, type Lexicon, type LexiconMarks } from '../lexicon.ts';
import extra from '../lexicons/area-keywords.json' with { type: 'json' };
import taxonomy from '../lexicons/areas.json' with { type: 'json' };
import { tuning } from '../tuning.ts';

interface AreaKeyword {
  id: string;
  /** Acronyms ('AI', 'HIV') count only in capitals: 'ai' is the Vietnamese 'who'. */
  exact: string | null;
}

const areaLexicons: Record<Lang, Lexicon<AreaKeyword>> = { vi: createLexicon(), en: createLexicon() };
/** Acronyms this short are also words in lower case ('ai', 'who'); longer ones ('COVID-19') match 'Covid-19'. */
const shortAcronym = tuning.areas.shortAcronym;
function addKeyword(lang: Lang, keyword: string, id: string): void {
  const isAcronym = /^[A-Z][A-Z0-9-]+$/.test(keyword) && !keyword.includes(' ');
  const exact = isAcronym && keyword.length <= shortAcronym ? keyword : null;
  addPhrase(areaLexicons[lang], keyword, { id, exact });
  // English inflection is handled here, once: 'medicines' finds 'medicine' and 'epidemic' 'epidemics'.
  if (lang === 'en' && !isAcronym) {
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
}

// Keywords inside a body's name ('Cục Quản lý Khám, chữa bệnh') name the body, not an area.
const organisationLexicon: Lexicon<true> = createLexicon();
for (const name of extra.organisationNames.names) addPhrase(organisationLexicon, name, true);
// So do phrases that name no cooperation ('thầy thuốc', 'cấp thuốc miễn phí' at a free check-up).
for (const phrase of extra.notAreas.phrases) addPhrase(organisationLexicon, phrase, true);

/** The areas of cooperation the article names, outside quotations. */
export function findAreas(article: Article): DraftArea[] {
  const { quoted, sentenceOf } = article;
  return readAreas(article.marks, article.lang, (index) => quoted[sentenceOf[index] ?? -1] === 1);
}

function readAreas(marks: LexiconMarks, lang: Lang, skip: (index: number) => boolean): DraftArea[] {
  const { tokens } = marks;
  const byId = new Map<string, DraftArea>();
  const bodies = findAll(organisationLexicon, marks);
  let body = 0;
  for (const match of findAll(areaLexicons[lang], marks)) {
    const head = tokens.at(match.start);
    if (!head || skip(match.start)) continue;
    while (body < bodies.length && (bodies[body]?.end ?? 0) <= match.start) body++;
    const inside = bodies[body];
    if (inside && inside.start <= match.start && match.end <= inside.end) continue;
    if (lang === 'en' && isInsideEnglishName(tokens, match.start, match.end)) continue;
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
