// Person names and their titles. A name is a run of capitalised syllables: Vietnamese names start
// with a family name, foreign names are Latin-script runs. A run counts as a person only beside a
// title ('Thứ trưởng Bộ Y tế Nguyễn Tri Thức', 'Jang Heechang - Viện trưởng ...') or an honorific
// (ông, bà, ngài, TS., Dr), since capitalised runs are also places, organisations and headings.

import { type Article, isHistoryAt, type PersonMention } from '../article.ts';
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
import people from '../lexicons/people.json' with { type: 'json' };
import titles from '../lexicons/titles.json' with { type: 'json' };
import { keyPhrase, keySyllable, type Token, type TokenList } from '../normalise.ts';
import { isAfterDataSource, orgHeadLexicon } from '../phrases.ts';
import { lowerBound } from '../sorted.ts';
import { tuning } from '../tuning.ts';

const titleLexicon: Lexicon<true> = createLexicon();
for (const title of [...titles.vi, ...titles.en]) addPhrase(titleLexicon, title, true);
const formerLexicon: Lexicon<true> = createLexicon();
for (const marker of people.formerMarkers) addPhrase(formerLexicon, marker, true);
const thenLexicon: Lexicon<true> = createLexicon();
const thenReach = tuning.people.thenReach;
const taiKey = keyPhrase('tài')[0];
for (const marker of people.thenMarkers) addPhrase(thenLexicon, marker, true);
const contactLexicon: Lexicon<true> = createLexicon();
for (const cue of people.contactCues) addPhrase(contactLexicon, cue, true);
/** 'head of radiation oncology at Murray Coast', 'Department of Gynaecological Oncology', 'the Red
 * Cross', 'visited Siem Reap': a Latin-script run after these words is a body or a place. */
const englishPlacePrepositions = new Set(['at', 'of', 'in', 'the', 'visited', 'visiting']);
const creditReach = tuning.people.creditReach;
/** How far before a name a data-source cue may stand ('Theo số liệu được PGS.TS ... công bố'). */
const dataSourceReach = tuning.people.dataSourceReach;
const greetingLexicon: Lexicon<true> = createLexicon();
for (const cue of people.greetingCues) addPhrase(greetingLexicon, cue, true);
/** How far before a name a greeting may stand ('lời chào và hỏi thăm của Thủ tướng Chính phủ X'). */
const greetingReach = tuning.people.greetingReach;
/** 'lời chào của X đến ngài Y', 'greetings from X to Y': Y, after the 'to', is the one greeted. */
const greetedKeys = new Set(['đến', 'tới', 'to', 'gửi'].map((word) => keySyllable(word)[0]));
const placeNounLexicon: Lexicon<true> = createLexicon();
for (const noun of people.placeNouns) addPhrase(placeNounLexicon, noun, true);
const honorificLexicon: Lexicon<true> = createLexicon();
for (const honorific of people.honorifics) addPhrase(honorificLexicon, honorific, true);
const nonPersonLexicon: Lexicon<true> = createLexicon();
for (const name of people.nonPersons) addPhrase(nonPersonLexicon, name, true);
const backgroundLexicon: Lexicon<true> = createLexicon();
for (const phrase of people.background) addPhrase(backgroundLexicon, phrase, true);

const surnameKeys = new Set(people.surnames.map((name) => keyPhrase(name)[0] ?? ''));
const surnameFolds = new Set(people.surnames.map((name) => keySyllable(name)[1]));
const photoCredits = new Set(people.photoCredits.map((word) => keySyllable(word)[0]));
const namedAfter = new Set(people.namedAfter.map((phrase) => keyPhrase(phrase).join(' ')));
// First keys of the phrases with more than one key (keys hold no spaces): a two-key phrase is only
// worth building when its first key heads one.
const namedAfterHeads = new Set([...namedAfter].filter((p) => p.includes(' ')).map((p) => p.split(' ')[0]));
const barrierWords = new Set(
  [
    'đã',
    'đang',
    'sẽ',
    'được',
    'bị',
    'là',
    'có',
    'với',
    'cùng',
    'cho',
    'và',
    'do',
    'để',
    'trong',
    'khi',
    'mà',
    'thì',
    'tiếp',
    'ký',
    'chủ',
    'dẫn',
    'phát',
    'biểu',
    'cảm',
    'đề',
    'nghị',
    'mong',
    'chúc',
    'gặp',
    'thăm',
    'nói',
    'has',
    'have',
    'had',
    'said',
    'says',
    'with',
    'and',
    'who',
    'which',
    'at',
    'on',
    'was',
    'were',
    'is',
    'are',
    'met',
    'received',
    'signed',
    'led',
    'for',
    'from',
    'as',
    'that',
    'nhấn',
    'khẳng',
    'bày',
    'chia',
    'nêu',
    'đánh',
    'trao',
    'cho',
    'emphasised',
    'emphasized',
    'stated',
    'affirmed',
    'added',
    'noted',
  ].map((word) => keySyllable(word)[0]),
);
/** Heads of English place and body names, never a Vietnamese name's syllable ('Ho Chi Minh City'). */
const englishHeads = new Set([
  'city',
  'province',
  'district',
  'street',
  'airport',
  'port',
  'hospital',
  'university',
  'institute',
  'iron',
  'steel',
  'centre',
  'center',
  'clinic',
]);
const englishCapitalWords = new Set([
  'operation',
  'cooperation',
  'development',
  'affairs',
  'welfare',
  'iron',
  'steel',
  'airport',
  'district',
  'street',
  'port',
  'the',
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'and',
  'of',
  'during',
  'after',
  'before',
  'according',
  'speaking',
  'talking',
  'meanwhile',
  'he',
  'she',
  'it',
  'this',
  'that',
  'these',
  'those',
  'a',
  'an',
  'to',
  'by',
  'his',
  'her',
  'their',
  'our',
  'we',
  'they',
  'ministry',
  'health',
  'hospital',
  'company',
  'government',
  'department',
  'institute',
  'center',
  'centre',
  'university',
  'city',
  'province',
  'national',
  'international',
  'general',
  'clinic',
  'services',
  'friendship',
  'republic',
  'agency',
  'bank',
  'fund',
  'senior',
  'officials',
  'official',
  'meeting',
  'committee',
  'council',
  'office',
  'embassy',
  'committee',
  'council',
  'program',
  'programme',
  'project',
  'foundation',
  'association',
  'assembly',
  'parliament',
  'congress',
  'senate',
  'union',
  'party',
  'people',
  'state',
  'prime',
  'vice',
  'deputy',
  'minister',
  'ambassador',
  'president',
  'director',
  'doctor',
  'however',
  'also',
  'but',
  'if',
  'when',
  'while',
  'there',
  'here',
  'photo',
  'source',
  'news',
  'agreement',
  'memorandum',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'covid',
  'medical',
  'cooperation',
  'development',
]);
const vietnameseLetters = /[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]/u;
const nameSeparators = new Set([',', '-', '–', '—', '(']);
const softBarriers = new Set([',', '-', '–', '—', '.', "'", '’', '&']);
const leftWindow = tuning.people.leftWindow;
const particles = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'la',
  'del',
  'da',
  'di',
  'dos',
  'bin',
  'binti',
  'al',
]);
const possessives = new Set(['của', 'nơi'].map((word) => keySyllable(word)[0]));

/**
 * The people named in the article. A person named in a sentence set in an earlier time ('Năm 2022,
 * GS. X ...') or in a reference to an earlier event ('đạt được trong cuộc điện đàm giữa Thủ tướng X
 * và ...') is history, not a participant: such a mention comes back marked as background.
 */
export function findPeople(article: Article): PersonMention[] {
  return findMentions(article).map((mention) =>
    mention.isBackground || !isHistoryAt(article, mention.first)
      ? mention
      : { ...mention, isBackground: true },
  );
}

function findMentions(context: Article): PersonMention[] {
  const { tokens } = context;
  const titleEnds = new Map<number, number>();
  const titleStarts = new Map<number, number>();
  for (const match of findAll(titleLexicon, context.marks)) {
    titleEnds.set(match.end, match.start);
    titleStarts.set(match.start, match.end);
  }
  const found: PersonMention[] = [];
  // Per sentence: 0 not yet asked, 1 narrative, 2 background; asked once, not once per name.
  const background = new Uint8Array(context.sentences.length);
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(context, i, titleStarts)) {
      i++;
      continue;
    }
    let last = i + 1;
    let words = 1;
    while (last < tokens.length && words < 6 && !tokens.at(last)?.afterBreak) {
      if (isNameToken(context, last, titleStarts)) last++;
      else if (isHyphenJoin(tokens, last)) last += 2;
      else if (isInnerJoin(context, last, titleStarts)) last++;
      else break;
      words++;
    }
    const mention = readRun(context, i, last, titleEnds, titleStarts, background);
    if (mention) found.push(mention);
    i = last;
  }
  return found;
}

/** 'Jin-ho', 'Sang-hoon': a hyphen glued on both sides joins two syllables of one given name. */
function isHyphenJoin(tokens: TokenList, at: number): boolean {
  const hyphen = tokens.at(at);
  const next = tokens.at(at + 1);
  if (hyphen?.raw !== '-' || !hyphen.glued || !next?.glued) return false;
  return next.isWord && !next.isNumber && !next.isUpper;
}

/**
 * 'Ursula von der Leyen', 'Hans P. Kluge': a lowercase particle or an initial's full stop inside a
 * foreign name, when a capitalised name syllable follows.
 */
function isInnerJoin(context: Article, at: number, titleStarts: Map<number, number>): boolean {
  const { tokens } = context;
  const token = tokens.at(at);
  const previous = tokens.at(at - 1);
  if (!token || !previous) return false;
  let next = at + 1;
  if (token.raw === '.') {
    if (!token.glued || !previous.isWord || previous.raw.length !== 1) return false;
  } else {
    if (!isParticle(token)) return false;
    // 'van der Berg': a second particle may follow the first.
    if (isParticle(tokens.at(next))) next++;
  }
  return !tokens.at(next)?.afterBreak && isNameToken(context, next, titleStarts);
}

// Unaccented only: 'đề', 'để', 'đa' fold to particles but are Vietnamese words.
function isParticle(token: Token | undefined): boolean {
  if (!token) return false;
  return token.isWord && !token.isCapital && token.raw === token.fold && particles.has(token.fold);
}

function isNameToken(context: Article, index: number, titleStarts: Map<number, number>): boolean {
  const token = context.tokens.at(index);
  if (!token?.isWord || !token.isCapital || token.isNumber) return false;
  if (token.isUpper && token.raw.length > 1) return false;
  if (context.entityMask[index] !== -1) return false;
  if (titleStarts.has(index)) return false;
  if (token.raw.length > 1 && hasDigit(token.raw)) return false;
  return !hasMatch(honorificLexicon, context.marks, index);
}

function hasDigit(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function readRun(
  context: Article,
  runFirst: number,
  runLast: number,
  titleEnds: Map<number, number>,
  titleStarts: Map<number, number>,
  background: Uint8Array,
): PersonMention | null {
  const { tokens, lang } = context;
  let first = runFirst;
  let kind = classifyName(tokens, first, runLast, lang);
  // A capitalised word opening the sentence may sit before the name ('Chiều nay Nguyễn Văn A').
  if (!kind && runLast - runFirst >= 3) {
    first = runFirst + 1;
    kind = classifyName(tokens, first, runLast, lang);
  }
  // 'International Cooperation Department Đinh Văn Nam': capitalised words of an organisation
  // before a Vietnamese name.
  for (let p = runFirst + 2; !kind && p <= runLast - 2; p++) {
    if (classifyName(tokens, p, runLast, lang) === 'vietnamese') {
      first = p;
      kind = 'vietnamese';
    }
  }
  if (!kind) return null;
  // 'Bệnh viện Bạch Mai Lê Văn Hòa': an organisation's proper name comes first and may itself
  // start with a family name; the person is the tail, and a short run is the organisation alone.
  if (isAfterOrgHead(context.marks, first)) {
    const words = countWords(tokens, first, runLast);
    if (words <= 2) return null;
    // 'Trường Đại học Y Hà Nội': the organisation's name ends with its city.
    if (endsWithPlace(context.marks, first, runLast)) return null;
    if (words >= 4) {
      let tail = -1;
      for (let p = first + 2; tail === -1 && p <= runLast - 2; p++) {
        if (classifyName(tokens, p, runLast, lang) === 'vietnamese') tail = p;
      }
      if (tail === -1) return null;
      first = tail;
    }
  }
  const last = runLast;
  if (
    isNonPerson(context.marks, first, last) ||
    isNamedAfter(tokens, first) ||
    isPhotoCredit(tokens, first) ||
    isAfterPlaceNoun(context.marks, first) ||
    isAfterContactCue(context.marks, first) ||
    // A Vietnamese name stays one after 'in the presence of'; a Latin-script run may be a body.
    (lang === 'en' && kind === 'foreign' && englishPlacePrepositions.has(tokens.at(first - 1)?.fold ?? ''))
  )
    return null;
  const sentence = context.sentenceOf[first] ?? -1;
  const sentenceStart = context.sentences[sentence]?.first ?? 0;
  const sentenceEnd = context.sentences[sentence]?.last ?? tokens.length;
  const hasHonorific = isAfterHonorific(context.marks, first);
  const left = findLeftTitle(context, first, sentenceStart, titleEnds);
  const right = left ? null : findRightTitle(context, last, sentenceEnd, titleStarts);
  // 'Acme Pharma CEO Jane Roe': a capitalised run glued to a title that a name follows is the
  // organisation the title belongs to.
  const titleAfter = right && right[0] === last ? titleStarts.get(last) : undefined;
  if (
    titleAfter !== undefined &&
    !hasHonorific &&
    isNameToken(context, titleAfter, titleStarts) &&
    !hasMatch(orgHeadLexicon, context.marks, titleAfter)
  )
    return null;
  const bySigner = lang === 'en' && isAfterSignedBy(tokens, first);
  const isUnmistakable = lang === 'en' && kind === 'vietnamese' && last - first >= 3;
  if (!left && !right && !hasHonorific && !bySigner && !isUnmistakable) return null;
  const title = left ?? right;
  return {
    first,
    last,
    titleFirst: title?.[0] ?? -1,
    titleLast: title?.[1] ?? -1,
    sentence,
    isBackground:
      isBackground(context.marks, background, sentence, sentenceStart, sentenceEnd) ||
      isAside(context, first, sentenceStart, hasHonorific && !left && !right) ||
      isFormer(context.marks, title?.[0] ?? first, Math.max(last, right?.[1] ?? last), sentenceEnd, [
        first,
        last,
      ]),
  };
}

type NameKind = 'vietnamese' | 'foreign';

function classifyName(tokens: TokenList, first: number, last: number, lang: Lang): NameKind | null {
  const length = countWords(tokens, first, last);
  const head = tokens.at(first);
  if (!head || length < 2) return null;
  const isSurname = lang === 'en' ? surnameFolds.has(head.fold) : surnameKeys.has(head.key);
  if (isSurname && length <= 5) {
    let isSyllables = true;
    // 'Ho Chi Minh City', 'Thái Nguyên Iron and Steel Hospital': a place or body with an English head.
    for (let i = first; i < last; i++) {
      const token = tokens.at(i);
      if ((token?.raw.length ?? 0) > 7 || (i > first && englishHeads.has(token?.fold ?? ''))) {
        isSyllables = false;
      }
    }
    if (isSyllables) return 'vietnamese';
  }
  if (length > 4) return null;
  for (let i = first; i < last; i++) {
    const token = tokens.at(i);
    if (token && !token.isWord && (isHyphenJoin(tokens, i) || token.raw === '.')) continue;
    if (token && isParticle(token)) continue;
    if (!token || vietnameseLetters.test(token.raw) || englishCapitalWords.has(token.fold)) return null;
    if (token.raw.length < 2 && i !== first && tokens.at(i + 1)?.raw !== '.') return null;
  }
  return 'foreign';
}

/** 'chuyển lời chào và hỏi thăm của Thủ tướng X', 'conveyed greetings from President X': X sent them. */
function isGreetingSender(context: Article, first: number, sentenceStart: number): boolean {
  const { tokens, marks } = context;
  const starts = marks.starts[greetingLexicon.id] ?? [];
  const from = Math.max(sentenceStart, first - greetingReach);
  const at = lowerBound(starts, from);
  if (at >= starts.length || (starts[at] as number) >= first) return false;
  for (let i = starts[at] as number; i < first; i++)
    if (greetedKeys.has(tokens.at(i)?.key ?? '')) return false;
  return true;
}

/**
 * People who only colour the story: an English source quoted 'According to ...', or a scholar
 * named as the owner of a work ('nhóm nghiên cứu của GS. X', 'nơi GS. X phát triển').
 */
function isAside(context: Article, first: number, sentenceStart: number, honorificOnly: boolean): boolean {
  const { tokens } = context;
  if (
    context.lang === 'en' &&
    first - sentenceStart <= 8 &&
    tokens.at(sentenceStart)?.fold === 'according' &&
    tokens.at(sentenceStart + 1)?.fold === 'to'
  )
    return true;
  if (isAfterDataSource(context.marks, first, Math.max(sentenceStart, first - dataSourceReach))) return true;
  if (isGreetingSender(context, first, sentenceStart)) return true;
  if (!honorificOnly) return false;
  const start = honorificStart(context.marks, first);
  const before = tokens.at(start - 1)?.key;
  return before !== undefined && possessives.has(before);
}

/**
 * 'nguyên Giám đốc X', 'then Mongolian Health Minister X', 'X, cố vấn trưởng của Dự án khi đó':
 * a title held before, so the person belongs to the history the article tells.
 */
function isFormer(
  marks: LexiconMarks,
  titleFirst: number,
  end: number,
  sentenceEnd: number,
  [nameFirst, nameLast]: [number, number],
): boolean {
  const { tokens } = marks;
  for (let i = Math.max(0, titleFirst - 3); i < titleFirst; i++) {
    // 'Trần Đình Nguyên, Phó Giám đốc': the name's own syllables are no marker, nor is a capital
    // 'Nguyên' (a name) or the 'nguyên' of 'tài nguyên' (resources).
    if (i >= nameFirst && i < nameLast) continue;
    const token = tokens.at(i) as Token;
    if (token.isCapital && i > 0 && !tokens.at(i - 1)?.afterBreak && tokens.at(i - 1)?.raw !== '.') continue;
    if (tokens.at(i - 1)?.key === taiKey) continue;
    const marker = matchLongest(formerLexicon, marks, i);
    if (!marker) continue;
    if (marker.end === titleFirst) return true;
    // Only a demonym may stand between: 'then Mongolian Health Minister', not 'then met Minister'.
    if (marker.end === titleFirst - 1 && tokens.at(marker.end)?.isCapital) return true;
  }
  // An apposition closed by the marker ('X, cố vấn trưởng của Dự án khi đó'): it opens with a comma.
  if (tokens.at(end)?.raw !== ',' && tokens.at(nameLast)?.raw !== ',') return false;
  for (let i = end; i < Math.min(sentenceEnd, end + thenReach); i++) {
    const raw = tokens.at(i)?.raw;
    if (raw === '.' || raw === ';') break;
    if (hasMatch(thenLexicon, marks, i)) return true;
  }
  return false;
}

function isAfterOrgHead(marks: LexiconMarks, first: number): boolean {
  for (let start = Math.max(0, first - 3); start < first; start++) {
    const match = matchLongest(orgHeadLexicon, marks, start);
    if (match?.end === first && marks.tokens.at(start)?.isCapital) return true;
  }
  return false;
}

function countWords(tokens: TokenList, first: number, last: number): number {
  let count = 0;
  for (let i = first; i < last; i++) if (tokens.at(i)?.isWord) count++;
  return count;
}

function isNonPerson(marks: LexiconMarks, first: number, last: number): boolean {
  const match = matchLongest(nonPersonLexicon, marks, first);
  return match !== null && match.end >= last - 0 && match.end <= last;
}

/** 'tỉnh Tà Keo', 'thành phố Hồ Chí Minh', 'bang Victoria': a place named right after its kind. */
function isAfterPlaceNoun(marks: LexiconMarks, first: number): boolean {
  for (let i = Math.max(0, first - 2); i < first; i++) {
    if (matchLongest(placeNounLexicon, marks, i)?.end === first) return true;
  }
  return false;
}

function isNamedAfter(tokens: TokenList, first: number): boolean {
  for (let back = 1; back <= 4; back++) {
    const from = first - back;
    if (from < 0) break;
    const token = tokens.at(from) as Token;
    const key = token.key;
    if (namedAfter.has(key)) return true;
    // Checked once a name is read, for every name: no phrase string unless one can match.
    if (back >= 2 && namedAfterHeads.has(key) && namedAfter.has(`${key} ${tokens.at(from + 1)?.key ?? ''}`))
      return true;
    if (!token.isWord) break;
  }
  return false;
}

function isPhotoCredit(tokens: TokenList, first: number): boolean {
  for (let back = 1; back <= 2; back++) {
    const token = tokens.at(first - back);
    if (!token) return false;
    if (token.isWord) return photoCredits.has(token.key) || isCreditAfterSlash(tokens, first);
    if (token.raw !== ':' && token.raw !== '(') return isCreditAfterSlash(tokens, first);
  }
  return false;
}

/** 'Photo: UNFPA Viet Nam/Nguyen Minh Duc': a credit line names the agency, then the photographer. */
function isCreditAfterSlash(tokens: TokenList, first: number): boolean {
  if (tokens.at(first - 1)?.raw !== '/') return false;
  for (let i = first - 2; i >= Math.max(0, first - creditReach); i--) {
    const token = tokens.at(i) as Token;
    if (token.raw === ':' && photoCredits.has(tokens.at(i - 1)?.key ?? '')) return true;
    if (token.afterBreak) return false;
  }
  return false;
}

/** 'please contact: Ms Tran Thu Ha', 'Liên hệ: ...': the press contact, not a participant. */
function isAfterContactCue(marks: LexiconMarks, first: number): boolean {
  for (let i = Math.max(0, first - 4); i < first; i++) {
    if (hasMatch(contactLexicon, marks, i)) return true;
  }
  return false;
}

/** A run whose last words are a known place ('... Y Hà Nội'). */
function endsWithPlace(marks: LexiconMarks, first: number, last: number): boolean {
  for (let i = Math.max(first + 1, last - 3); i < last; i++) {
    if (matchLongest(nonPersonLexicon, marks, i)?.end === last) return true;
  }
  return false;
}

function isAfterHonorific(marks: LexiconMarks, first: number): boolean {
  return honorificStart(marks, first) !== -1;
}

function honorificStart(marks: LexiconMarks, first: number): number {
  const { tokens } = marks;
  for (let start = Math.max(0, first - 5); start < first; start++) {
    const match = matchLongest(honorificLexicon, marks, start);
    if (!match) continue;
    let end = match.end;
    while (end < first && (tokens.at(end)?.raw === '.' || tokens.at(end)?.raw === ',')) end++;
    if (end === first) return start;
  }
  return -1;
}

function isAfterSignedBy(tokens: TokenList, first: number): boolean {
  if (tokens.at(first - 1)?.fold !== 'by') return false;
  for (let back = 2; back <= 3; back++) {
    const fold = tokens.at(first - back)?.fold ?? '';
    if (fold === 'signed' || fold === 'led' || fold === 'headed' || fold === 'chaired') return true;
  }
  return false;
}

/** A title ending within a few tokens before the name, with only an organisation or country between. */
function findLeftTitle(
  context: Article,
  first: number,
  sentenceStart: number,
  titleEnds: Map<number, number>,
): [number, number] | null {
  const { tokens } = context;
  const limit = Math.max(sentenceStart, first - leftWindow);
  for (let end = first; end > limit; end--) {
    const titleStart = titleEnds.get(end);
    if (titleStart !== undefined) return [titleStart, first];
    const token = tokens.at(end - 1);
    if (!token) break;
    if (context.entityMask[end - 1] !== -1) continue;
    if (!token.isWord) {
      if (!softBarriers.has(token.raw)) break;
      if (token.raw === ',' && !tokens.at(end)?.isCapital) break;
      continue;
    }
    if (conjunctionKeys.has(token.key)) {
      // 'Minister of Health and Welfare Park Neung-hoo', 'Bộ trưởng Y tế và Dịch vụ Nhân sinh Hoa
      // Kỳ Xavier Becerra': an 'and' inside the title's organisation, after a title a few words back.
      // Not 'Chủ tịch Hồ Chí Minh và Lãnh tụ Fidel Castro': a name before it, or right after it.
      const titleStart =
        tokens.at(end)?.isCapital && end < first
          ? titleBeforeConjunction(context, end - 1, limit, titleEnds)
          : -1;
      if (titleStart !== -1) return [titleStart, first];
      break;
    }
    if (barrierWords.has(token.key)) break;
  }
  return null;
}

const conjunctionKeys = new Set(['and', 'và'].map((word) => keySyllable(word)[0]));
const orgLinkKeys = new Set(['of', 'the', 'for', 'on'].map((word) => keySyllable(word)[0]));
/** How many words of an organisation may stand between a title and the 'and' inside its name. */
const titleToConjunction = tuning.people.titleToConjunction;

/** Where a title ending at most a few organisation words before the 'and' at `at` starts, else -1. */
function titleBeforeConjunction(
  context: Article,
  at: number,
  limit: number,
  titleEnds: Map<number, number>,
): number {
  const { tokens } = context;
  for (let end = at; end > Math.max(limit, at - titleToConjunction); end--) {
    const titleStart = titleEnds.get(end);
    if (titleStart !== undefined)
      return end < at && classifyName(tokens, end, at, context.lang) ? -1 : titleStart;
    const token = tokens.at(end - 1);
    if (!token?.isWord || barrierWords.has(token.key) || conjunctionKeys.has(token.key)) return -1;
    if (context.lang === 'en' && !token.isCapital && !orgLinkKeys.has(token.key)) return -1;
  }
  return -1;
}

/** 'Name, Title ...', 'Name - Title ...' or 'Name Title ...': the title runs to the clause end. */
function findRightTitle(
  context: Article,
  last: number,
  sentenceEnd: number,
  titleStarts: Map<number, number>,
): [number, number] | null {
  const { tokens } = context;
  let start = last;
  const separated = nameSeparators.has(tokens.at(start)?.raw ?? '');
  if (separated) start++;
  let titleEnd = titleStarts.get(start);
  // 'Name, World Bank Country Director ...': the title's organisation may come before it.
  for (let k = start; separated && titleEnd === undefined && k < start + 4; k++) {
    const token = tokens.at(k);
    if (!token?.isWord || (!token.isCapital && context.entityMask[k] === -1)) break;
    if (barrierWords.has(token.key) || titleStarts.has(k)) break;
    titleEnd = titleStarts.get(k + 1);
  }
  if (titleEnd === undefined) return null;
  let end = titleEnd;
  while (end < sentenceEnd && end - titleEnd < 14) {
    const token = tokens.at(end);
    if (!token) break;
    if (!token.isWord && !(context.entityMask[end] !== -1) && token.raw !== '(' && token.raw !== ')') break;
    if (token.isWord && barrierWords.has(token.key) && context.entityMask[end] === -1) break;
    end++;
  }
  return [start, end];
}

function isBackground(
  marks: LexiconMarks,
  background: Uint8Array,
  sentence: number,
  first: number,
  last: number,
): boolean {
  const known = background[sentence];
  if (known !== undefined && known !== 0) return known === 2;
  const answer = isBackgroundSentence(marks, first, last);
  if (known !== undefined) background[sentence] = answer ? 2 : 1;
  return answer;
}

function isBackgroundSentence(marks: LexiconMarks, first: number, last: number): boolean {
  const { tokens } = marks;
  // From the lexicon's own sorted starts: phrases are rare, tokens many.
  const starts = marks.starts[backgroundLexicon.id] ?? [];
  for (let at = lowerBound(starts, first); at < starts.length; at++) {
    const i = starts[at] as number;
    if (i >= last) break;
    const token = tokens.at(i);
    if (token?.isCapital || token?.key === 'ban') return true;
  }
  return false;
}
