// Step 5: the pipeline end to end. clean → normalise → segment → recognise → assemble, pure and
// synchronous; any unexpected failure falls back to an empty draft over the cleaned text.
import type { ArticleDraft, DraftPartner } from '../common/contracts/draft.ts';
import { findAgreements } from './agreements.ts';
import { findAreas } from './areas.ts';
import { createHistory } from './background.ts';
import { cleanArticle } from './clean.ts';
import { findCommitments } from './commitments.ts';
import { describeYears, findDates, findWeekdays } from './dates.ts';
import { assembleEvents, findEventTriggers } from './events.ts';
import { type LexiconMarks, markLexicons } from './lexicon.ts';
import { normaliseText, type Token, tokenize } from './normalise.ts';
import { assembleParticipants } from './participants.ts';
import { findEntities, isPassingMention, type Lang, maskEntities } from './partners.ts';
import { findPeople } from './people.ts';
import { findPolicies } from './policies.ts';
import { findProgress } from './progress.ts';
import { segmentSentences } from './segment.ts';
import { readerVersion } from './version.ts';

export interface DraftInput {
  text: string;
  published?: string | null;
  lang?: 'vi' | 'en';
}

export function draftArticle(input: DraftInput): ArticleDraft {
  const raw = typeof input?.text === 'string' ? input.text : '';
  let cleanedText = '';
  try {
    const normalised = normaliseText(raw);
    const cleaned = cleanArticle(normalised);
    cleanedText = cleaned.text;
    return readCleaned(cleaned, input);
  } catch {
    return emptyDraft(cleanedText, input?.lang === 'en' ? 'en' : 'vi', validPublished(input?.published));
  }
}

function readCleaned(cleaned: ReturnType<typeof cleanArticle>, input: DraftInput): ArticleDraft {
  const text = cleaned.text;
  const tokens = tokenize(text);
  const marks = markLexicons(tokens);
  const sentences = segmentSentences(tokens);
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  sentences.forEach((sentence, index) => {
    sentenceOf.fill(index, sentence.first, sentence.last);
  });
  const lang: Lang = input.lang === 'vi' || input.lang === 'en' ? input.lang : detectLanguage(text);
  const published = validPublished(input.published) ?? cleaned.published;
  const entities = findEntities(marks, lang);
  const entityMask = maskEntities(tokens.length, entities);
  const dates = [...findDates(text), ...findWeekdays(text, published)].sort((a, b) => a.start - b.start);
  const years = describeYears(dates);
  const hasTitle = cleaned.title !== null && sentences.length > 1;
  const bodyStart = hasTitle ? (sentences[1]?.first ?? 0) : 0;
  const quoted = markQuotedSentences(tokens, sentences);

  const partners = collectPartners(marks, entities);
  const partnerCodes = partners.map((p) => p.code);
  const history = createHistory({ tokens, sentences, sentenceOf, dates, years, published, marks });
  // A person named in a sentence set in an earlier time ('Năm 2022, GS. X ...') or in a reference to an
  // earlier event ('đạt được trong cuộc điện đàm giữa Thủ tướng X và ...') is history, not a participant.
  const mentions = findPeople({ text, tokens, marks, sentences, sentenceOf, entities, entityMask, lang }).map(
    (mention) =>
      mention.isBackground || !(history.isSetEarlier(mention.first) || history.refersToEarlier(mention.first))
        ? mention
        : { ...mention, isBackground: true },
  );
  const participants = assembleParticipants(
    { text, tokens, marks, sentences, entities, entityMask, partnerCodes, lang },
    mentions,
  );
  const eventContext = {
    text,
    tokens,
    marks,
    sentences,
    sentenceOf,
    dates,
    years,
    published,
    lang,
    bodyStart,
    history,
  };
  const events = assembleEvents(eventContext, findEventTriggers(eventContext));
  const agreements = findAgreements({
    text,
    tokens,
    marks,
    sentences,
    sentenceOf,
    entities,
    dates,
    years,
    published,
    lang,
    history,
  });
  const areas = findAreas(marks, lang, (index) => quoted[sentenceOf[index] ?? -1] === 1);
  const commitments = findCommitments({
    text,
    tokens,
    marks,
    sentences,
    sentenceOf,
    lang,
    skipSentence: (index) => (hasTitle && index === 0) || quoted[index] === 1,
    isHistory: (index) => history.isSetEarlier(index) || history.refersToEarlier(index),
  });
  return {
    readerVersion,
    lang,
    text,
    title: cleaned.title,
    published,
    byline: cleaned.byline,
    sourceLine: cleaned.sourceLine,
    url: cleaned.url,
    events,
    partners,
    participants,
    agreements,
    areas,
    commitments,
    policies: findPolicies(text),
    progress: findProgress({ text, published, partners }),
  };
}

function collectPartners(marks: LexiconMarks, entities: ReturnType<typeof findEntities>): DraftPartner[] {
  const { tokens } = marks;
  const byCode = new Map<string, DraftPartner>();
  for (const entity of entities) {
    if (entity.code === 'VN' || isPassingMention(marks, entity)) continue;
    const span = { start: tokens[entity.first]?.start ?? 0, end: tokens[entity.last - 1]?.end ?? 0 };
    const existing = byCode.get(entity.code);
    if (existing) {
      existing.spans.push(span);
      existing.confidence = Math.min(0.95, Math.round((existing.confidence + 0.1) * 100) / 100);
    } else {
      byCode.set(entity.code, { code: entity.code, kind: entity.kind, spans: [span], confidence: 0.6 });
    }
  }
  return [...byCode.values()];
}

/** Sentences inside quotation marks are speech: rhetoric, not the record of what was agreed. */
function markQuotedSentences(
  tokens: readonly Token[],
  sentences: ReturnType<typeof segmentSentences>,
): Uint8Array {
  const quoted = new Uint8Array(sentences.length);
  let depth = 0;
  let sentence = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (sentence < sentences.length && (sentences[sentence]?.last ?? 0) <= i) sentence++;
    const token = tokens[i] as Token;
    // A word is never a quote mark: skip reading its spelling.
    const raw = token.isWord ? '' : token.raw;
    const current = sentences[sentence];
    // A straight quote opens after a space or a line start and closes glued to the word before it.
    const opens = raw === '“' || (raw === '"' && (!token.glued || token.afterBreak));
    const closes = raw === '”' || (raw === '"' && !opens);
    if (opens) {
      if (current && current.first === i) quoted[sentence] = 1;
      depth = 1;
    } else if (closes) {
      depth = 0;
    } else if (depth > 0 && current && current.first === i) {
      quoted[sentence] = 1;
    }
    if (token.afterBreak && depth > 0 && !opens) depth = 0;
  }
  return quoted;
}

const vietnameseMarks = new Set('ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ');
// Latin and Vietnamese letters all sit below U+2000: a table there spares two case mappings per char.
const tableLimit = 0x2000;
const letterTable = new Uint8Array(tableLimit);
const markTable = new Uint8Array(tableLimit);
for (let code = 0; code < tableLimit; code++) {
  const [letters, marks] = countLetters(String.fromCharCode(code));
  letterTable[code] = letters;
  markTable[code] = marks;
}

/** countLetters of the code points above the table met so far, bounded so input cannot grow it. */
const countedPoints = new Map<number, [letters: number, marks: number]>();

/** Letters and Vietnamese-marked letters in the lower-case form of one character. */
function countLetters(char: string): [letters: number, marks: number] {
  let letters = 0;
  let marks = 0;
  for (const lower of char.toLowerCase()) {
    const isMarked = vietnameseMarks.has(lower);
    if (isMarked) marks++;
    if (isMarked || lower.toUpperCase() !== lower.toLowerCase()) letters++;
  }
  return [letters, marks];
}

/** Vietnamese when more than 3% of the letters in the opening carry Vietnamese marks. */
function detectLanguage(text: string): Lang {
  const sample = text.slice(0, 3000);
  let letters = 0;
  let marks = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < tableLimit) {
      letters += letterTable[code] ?? 0;
      marks += markTable[code] ?? 0;
      continue;
    }
    const point = sample.codePointAt(i) ?? code;
    if (point > 0xffff) i++;
    // Curly quotes and dashes sit above the table and recur in every article: count each once.
    let counted = countedPoints.get(point);
    if (counted === undefined) {
      counted = countLetters(String.fromCodePoint(point));
      if (countedPoints.size < 10_000) countedPoints.set(point, counted);
    }
    letters += counted[0];
    marks += counted[1];
  }
  if (letters === 0) return 'vi';
  return marks / letters > 0.03 ? 'vi' : 'en';
}

function validPublished(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value.trim());
  if (!match) return null;
  const month = Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  return day === null ? `${match[1]}-${match[2]}` : `${match[1]}-${match[2]}-${match[3]}`;
}

function emptyDraft(text: string, lang: Lang, published: string | null): ArticleDraft {
  return {
    readerVersion,
    lang,
    text,
    title: null,
    published,
    byline: null,
    sourceLine: null,
    url: null,
    events: [],
    partners: [],
    participants: [],
    agreements: [],
    areas: [],
    commitments: [],
    policies: [],
    progress: [],
  };
}
