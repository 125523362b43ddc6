// Agreements: kind from the document noun, status from the sentence. Words such as 'kế hoạch' or
// 'thỏa thuận' are common nouns, so they name a document only when capitalised mid-sentence or
// right after a signing verb.

import type { AgreementKind, AgreementStatus, DraftAgreement } from '../../common/contracts/draft.ts';
import type { Article } from '../article.ts';
import { isBeforeArticle, isPeriodYear, referenceYear } from '../background.ts';
import { type DateMention, resolveDate } from '../dates.ts';
import type { EntityMention } from '../entities.ts';
import { addPhrase, createLexicon, findAll, hasMatch, type Lexicon, matchLongest } from '../lexicon.ts';
import agreements from '../lexicons/agreements.json' with { type: 'json' };
import { keyPhrase, type Token, type TokenList } from '../normalise.ts';
import { kindLexicon, notDocumentLexicon } from '../phrases.ts';
import type { Sentence } from '../segment.ts';
import { lowerBound, lowerBoundBy } from '../sorted.ts';
import { tuning } from '../tuning.ts';

const signLexicon: Lexicon<true> = createLexicon();
for (const verb of agreements.signVerbs) addPhrase(signLexicon, verb, true);
const proposeLexicon: Lexicon<true> = createLexicon();
for (const cue of agreements.proposeCues) addPhrase(proposeLexicon, cue, true);
const pastLexicon: Lexicon<true> = createLexicon();
for (const cue of agreements.pastCues) addPhrase(pastLexicon, cue, true);
const basisLexicon: Lexicon<true> = createLexicon();
for (const cue of agreements.basisCues) addPhrase(basisLexicon, cue, true);
const draftLexicon: Lexicon<true> = createLexicon();
for (const word of agreements.draftWords) addPhrase(draftLexicon, word, true);
const unitLexicon: Lexicon<true> = createLexicon();
for (const noun of agreements.unitNouns) addPhrase(unitLexicon, noun, true);
/** Words that may stand between a basis cue and the document: 'to implement the MoU', 'các Bản ghi nhớ'. */
const basisFillers = new Set(
  ['the', 'this', 'that', 'its', 'their', 'các', 'những', 'bản'].map((w) => keyPhrase(w)[0]),
);
const notSigning = new Set(['ban', 'nhận', 'tên', 'duyệt'].map((w) => keyPhrase(w)[0]));
const notSigningBefore = new Set(['thư', 'đăng', 'nhật', 'chữ'].map((w) => keyPhrase(w)[0]));
/** How far before the document a proposal may stand ('mong muốn sớm nâng cấp khuôn khổ hợp tác thành Bản ghi nhớ'). */
const proposeWindow = tuning.agreements.proposeWindow;
const basisGap = tuning.agreements.basisGap;
/** How far after a document its own clause may sign it ('Bản ghi nhớ vừa được ký kết'). */
const clauseReach = tuning.agreements.clauseReach;
/** 'vừa được ký kết', 'just signed': the signing is the news, not a document from before. */
const justKeys = ['vừa', 'just', 'newly'].map((word) => keyPhrase(word)[0] ?? '');
const andKeys = ['và', 'and'].map((word) => keyPhrase(word)[0] ?? '');
/** How far before a signing verb an intention may stand ('chuẩn bị nội dung để ký'). */
const intendedReach = tuning.agreements.intendedReach;
/** How far after a signing verb its year may stand ('signed by the two health ministries in 2019'). */
const signedYearReach = tuning.agreements.signedYearReach;
const periodReach = tuning.agreements.periodReach;
const statusRank: Record<AgreementStatus, number> = { mentioned: 0, proposed: 1, signed: 2 };
const titleStops = new Set([',', '.', ';', ':', '“', '”', '"', '!', '?']);

export function findAgreements(context: Article): DraftAgreement[] {
  const { tokens, marks } = context;
  const byKind = new Map<AgreementKind, DraftAgreement>();
  let cues: StatusCues | null = null;
  // A second document of a kind is told apart by its period ('giai đoạn 2021-2023' vs '2024-2026').
  const periods = new Map<DraftAgreement, string>();
  const byPeriod = new Map<string, DraftAgreement>();
  const ages = new Map<DraftAgreement, Age>();
  const byAge = new Map<string, DraftAgreement>();
  const found: DraftAgreement[] = [];
  const matches = findAll(kindLexicon, marks);
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m] as (typeof matches)[number];
    const entry = match.values[0];
    const head = tokens.at(match.start);
    if (!entry || !head) continue;
    const sentence = context.sentences[context.sentenceOf[match.start] ?? -1];
    if (!sentence) continue;
    // What follows the next document in the sentence ('... the MoU signed in 2016') dates that one.
    const ownPart = {
      ...sentence,
      last: Math.max(match.end, Math.min(sentence.last, matches[m + 1]?.start ?? sentence.last)),
    };
    const previous = tokens.at(match.start - 1);
    const isAfterSigning = previous !== undefined && hasMatch(signLexicon, marks, match.start - 1);
    // Opening a sentence, the capital proves nothing, unless a signing follows ('Thỏa thuận ..., ký tháng 3/2021').
    const opensSentence = match.start === sentence.first && !isSigningAfter(context, match.end, sentence);
    if (entry.isCapitalOnly && (!head.isCapital || opensSentence) && !isAfterSigning) continue;
    if (entry.isCapitalOnly && isUnitName(context, match.start)) continue;
    const record = matchLongest(notDocumentLexicon, marks, match.start);
    if (record && record.end >= match.end) continue;
    cues ??= countStatusCues(context);
    // A basis names a document in force, unless its own clause signs it now ('Theo Bản ghi nhớ vừa
    // được ký kết').
    const status =
      isAfterBasis(context, match.start) && !isSignedInOwnClause(context, match.end, ownPart)
        ? 'mentioned'
        : isDraft(context, match.start)
          ? 'proposed'
          : statusOf(context, cues, sentence, match.start, match.end);
    // A generic document ('biên bản', 'framework') counts only when someone signs it, now or before.
    if (entry.needsSigning && countOutside(cues.signed, sentence, match.start, match.end) === 0) continue;
    const span = { start: head.start, end: tokens.at(match.end - 1)?.end ?? head.end };
    const period = periodOf(context, ownPart, match.start, match.end);
    // 'Bản ghi nhớ ký năm 2019' and a Bản ghi nhớ signed today are two documents of one kind.
    // A document proposed now is as new as one signed now: neither is the old one recalled.
    const age: Age =
      status === 'signed' || status === 'proposed'
        ? 'current'
        : isOlderThanArticle(context, match.end, ownPart)
          ? 'old'
          : null;
    let existing = byKind.get(entry.kind);
    const existingPeriod = existing ? (periods.get(existing) ?? '') : '';
    if (existing && period !== '' && existingPeriod !== '' && period !== existingPeriod) {
      existing = byPeriod.get(`${entry.kind} ${period}`);
    }
    const existingAge = existing ? (ages.get(existing) ?? null) : null;
    if (existing && age !== null && existingAge !== null && age !== existingAge) {
      existing = byAge.get(`${entry.kind} ${age}`);
    }
    if (existing) {
      // The lookups above may have switched documents: read the period of the one found.
      if ((periods.get(existing) ?? '') === '' && period !== '') {
        periods.set(existing, period);
        byPeriod.set(`${entry.kind} ${period}`, existing);
      }
      if ((ages.get(existing) ?? null) === null && age !== null) {
        ages.set(existing, age);
        if (!byAge.has(`${entry.kind} ${age}`)) byAge.set(`${entry.kind} ${age}`, existing);
      }
      existing.spans.push(span);
      if (statusRank[status] > statusRank[existing.status]) existing.status = status;
      existing.confidence = Math.min(0.95, existing.confidence + 0.1);
      continue;
    }
    const agreement: DraftAgreement = {
      kind: entry.kind,
      status,
      parties: partiesOf(context, sentence),
      date: dateOf(context, sentence, span.end),
      title: titleOf(context, sentence, match.start),
      spans: [span],
      confidence: 0.6,
    };
    if (!byKind.has(entry.kind)) byKind.set(entry.kind, agreement);
    ages.set(agreement, age);
    if (age !== null && !byAge.has(`${entry.kind} ${age}`)) byAge.set(`${entry.kind} ${age}`, agreement);
    periods.set(agreement, period);
    if (period !== '') byPeriod.set(`${entry.kind} ${period}`, agreement);
    found.push(agreement);
  }
  return found;
}

/** Where past cues and signing verbs stand (token indices, ascending): any token range is counted
 * by binary search, so a sentence full of documents is not rescanned once per document. */
interface StatusCues {
  past: ArrayLike<number>;
  signed: readonly number[];
  intended: readonly number[];
  /** Signing verbs in a reference to an earlier event ('the MoU signed during the visit of ...'). */
  earlier: readonly number[];
}

function countStatusCues(context: Article): StatusCues {
  const { marks } = context;
  // Taken from the lexicons' own sorted starts: cues are rare, tokens many.
  const past = marks.starts[pastLexicon.id] ?? [];
  const signed: number[] = [];
  const intended: number[] = [];
  const earlier: number[] = [];
  for (const i of marks.starts[signLexicon.id] ?? []) {
    if (!isSigningVerb(context, i)) continue;
    if (context.history.refersToEarlier(i)) earlier.push(i);
    else if (isIntended(context, i)) intended.push(i);
    else signed.push(i);
  }
  return { past, signed, intended, earlier };
}

function isSigningVerb(context: Article, i: number): boolean {
  if (!hasMatch(signLexicon, context.marks, i)) return false;
  const next = context.tokens.at(i + 1)?.key ?? '';
  const before = context.tokens.at(i - 1)?.key ?? '';
  return !notSigning.has(next) && !notSigningBefore.has(before);
}

/** Cues in the sentence outside the document's own tokens [first, last). */
function countOutside(cues: ArrayLike<number>, sentence: Sentence, first: number, last: number): number {
  const inSentence = countIn(cues, sentence.first, sentence.last);
  const inDocument = countIn(cues, first, Math.min(last, sentence.last));
  return inSentence - inDocument;
}

/** Cues in the token range [first, last). */
function countIn(cues: ArrayLike<number>, first: number, last: number): number {
  return lowerBound(cues, last) - lowerBound(cues, first);
}

/** Whether a document is one signed now, one dated before the article, or neither said. */
type Age = 'current' | 'old' | null;

function statusOf(
  context: Article,
  cues: StatusCues,
  sentence: Sentence,
  first: number,
  last: number,
): AgreementStatus {
  const signed = countOutside(cues.signed, sentence, first, last) > 0;
  const past =
    countOutside(cues.past, sentence, first, last) > 0 ||
    countOutside(cues.earlier, sentence, first, last) > 0;
  let proposed = false;
  // A proposal governs the document directly ('đề xuất ký Bản ghi nhớ'), not a clause away.
  for (let i = Math.max(sentence.first, first - proposeWindow); i < first; i++) {
    if (hasMatch(proposeLexicon, context.marks, i)) proposed = true;
  }
  // 'hướng tới ký kết', 'towards signing', 'dự kiến ký': a signing still to come.
  if (countOutside(cues.intended, sentence, first, last) > 0) proposed = true;
  // 'Năm 2016, ... hai Bộ đã ký Bản ghi nhớ': a signing told in a sentence set years ago.
  const isHistory = context.history.isSetEarlier(first);
  if (signed && !past && !isHistory && !isOlderThanArticle(context, last, sentence)) return 'signed';
  if (proposed && !signed) return 'proposed';
  return 'mentioned';
}

/** 'Vụ Kế hoạch – Tài chính', 'Planning Department': a unit named after the word, not a document. */
function isUnitName(context: Article, first: number): boolean {
  const previous = context.tokens.at(first - 1);
  if (!previous?.isCapital) return false;
  for (let i = Math.max(0, first - 2); i < first; i++) {
    if (matchLongest(unitLexicon, context.marks, i)?.end === first) return true;
  }
  return false;
}

/** 'trên cơ sở Bản ghi nhớ', 'to implement the Memorandum': a document already in force. */
function isAfterBasis(context: Article, first: number): boolean {
  const { tokens } = context;
  let end = first;
  while (end > 0 && basisFillers.has(tokens.at(end - 1)?.key ?? '')) end--;
  // 'under the co-financing agreement': up to two plain words may qualify the document.
  let from = end;
  let words = 0;
  while (from > 0 && words < basisGap) {
    const token = tokens.at(from - 1) as Token;
    // A hyphen glued inside a word ('co-financing') is part of it.
    if (token.raw === '-' && token.glued && tokens.at(from)?.glued) {
      from--;
      continue;
    }
    if (!isPlainWord(context, from - 1)) break;
    from--;
    words++;
  }
  for (let i = Math.max(0, from - 5); i < end; i++) {
    const cue = matchLongest(basisLexicon, context.marks, i);
    if (cue && cue.end >= from && cue.end <= first) return true;
  }
  return false;
}

/** A lower-case word that is not a signing verb: what may stand inside 'under the [new] agreement'. */
function isPlainWord(context: Article, index: number): boolean {
  const token = context.tokens.at(index);
  return token?.isWord === true && !token.isCapital && !hasMatch(signLexicon, context.marks, index);
}

/** 'dự thảo Bản ghi nhớ', 'a draft Memorandum': a document still being written. */
function isDraft(context: Article, first: number): boolean {
  for (let i = Math.max(0, first - 3); i < first; i++) {
    if (matchLongest(draftLexicon, context.marks, i)?.end === first) return true;
    // 'xây dựng Lộ trình', 'đề xuất Bản ghi nhớ': a proposal that governs the document itself.
    const proposal = matchLongest(proposeLexicon, context.marks, i);
    if (proposal && proposal.end >= first - 1 && proposal.end <= first) return true;
  }
  return false;
}

/** 'Bản ghi nhớ vừa được ký kết': signed now, just after the document and before a comma. */
function isSignedInOwnClause(context: Article, last: number, ownPart: Sentence): boolean {
  let isRecent = false;
  for (let i = last; i < Math.min(ownPart.last, last + clauseReach); i++) {
    if (context.tokens.at(i)?.raw === ',') return false;
    if (justKeys.includes(context.tokens.at(i)?.key ?? '')) isRecent = true;
    if (isSigningVerb(context, i)) return isRecent && !isOlderThanArticle(context, last, ownPart);
  }
  return false;
}

/** A signing verb within a few tokens after the document, in its sentence. */
function isSigningAfter(context: Article, last: number, sentence: Sentence): boolean {
  for (let i = last; i < Math.min(sentence.last, last + signedYearReach); i++) {
    if (isSigningVerb(context, i)) return true;
  }
  return false;
}

/** 'dự kiến ký', 'chuẩn bị nội dung để ký': a signing still to come; 'chuẩn bị và ký' is done. */
function isIntended(context: Article, sign: number): boolean {
  for (let i = sign - 1; i >= Math.max(0, sign - intendedReach); i--) {
    const key = context.tokens.at(i)?.key;
    if (key === andKeys[0] || key === andKeys[1]) return false;
    if (hasMatch(proposeLexicon, context.marks, i)) return true;
  }
  return false;
}

/** The years written with the document ('2021-2025 cooperation plan', 'giai đoạn 2024-2026'). */
function periodOf(context: Article, sentence: Sentence, first: number, last: number): string {
  const years: string[] = [];
  const from = Math.max(sentence.first, first - 4);
  // The period closes the document's name: 'Thỏa thuận hợp tác y tế ba tỉnh giai đoạn 2021-2025'.
  let to = last;
  while (
    to < Math.min(sentence.last, last + periodReach) &&
    !titleStops.has(context.tokens.at(to)?.raw ?? '')
  )
    to++;
  for (let i = from; i < to; i++) {
    const token = context.tokens.at(i);
    if (token?.isNumber && token.raw.length === 4 && Number(token.raw) >= 1900) years.push(token.raw);
  }
  return years.join('-');
}

/** 'Hiệp định ... năm 2004' read in a 2025 article is an old agreement being recalled. */
function isOlderThanArticle(context: Article, last: number, sentence: Sentence): boolean {
  const reference = referenceYear(context);
  if (!reference) return false;
  // 'được ký kết tháng 8/2019': a dated signing in an earlier year.
  const from = context.tokens.at(last)?.start ?? 0;
  const to = context.tokens.at(sentence.last - 1)?.end ?? 0;
  for (let d = lowerBoundBy(context.dates, from, startOf); d < context.dates.length; d++) {
    const mention = context.dates[d];
    if (!mention || mention.start >= to) break;
    if (mention.end > to || mention.isDocumentDate) continue;
    const month = `${mention.year}-${String(mention.month).padStart(2, '0')}`;
    if (mention.year !== null && isBeforeArticle(month, reference, context.published)) return true;
  }
  for (let i = last; i < Math.min(sentence.last, last + 8); i++) {
    if (isEarlierYear(context.tokens, i, reference)) return true;
  }
  // '... giữa UBND tỉnh A và Chính quyền tỉnh B ký năm 2019': a year right after the first signing
  // verb that follows (a later one signs another document). Found from the sorted starts: linear.
  const signs = context.marks.starts[signLexicon.id] ?? [];
  const at = lowerBound(signs, last);
  const sign = at < signs.length ? (signs[at] as number) : sentence.last;
  for (let k = sign + 1; k < Math.min(sentence.last, sign + signedYearReach); k++) {
    if (isEarlierYear(context.tokens, k, reference)) return true;
  }
  return false;
}

/** A year before the article's that is not the bound of a period ('2024-2026'). */
function isEarlierYear(tokens: TokenList, i: number, reference: number): boolean {
  const token = tokens.at(i);
  if (!token?.isNumber || token.raw.length !== 4 || isPeriodYear(tokens, i)) return false;
  const year = Number(token.raw);
  return year >= 1900 && year < reference;
}

function partiesOf(context: Article, sentence: Sentence): string[] {
  const parties: string[] = [];
  const { entities } = context;
  // Entities are in text order: start at the sentence, not at the article's first.
  for (let e = lowerBoundBy(entities, sentence.first, (entity) => entity.first); e < entities.length; e++) {
    const entity = entities[e] as EntityMention;
    if (entity.first >= sentence.last) break;
    if (entity.last <= sentence.last && !parties.includes(entity.code)) parties.push(entity.code);
  }
  if (parties.length > 0 && !parties.includes('VN') && context.lang === 'vi') parties.unshift('VN');
  return parties;
}

function dateOf(context: Article, sentence: Sentence, after: number): string | null {
  const end = context.tokens.at(sentence.last - 1)?.end ?? 0;
  let mention: DateMention | undefined;
  for (let d = lowerBoundBy(context.dates, after, startOf); d < context.dates.length; d++) {
    const date = context.dates[d] as DateMention;
    if (date.end > end) break;
    if (!date.isDocumentDate) {
      mention = date;
      break;
    }
  }
  return mention ? resolveDate(mention, context.years, context.published).start : null;
}

function titleOf(context: Article, sentence: Sentence, first: number): string | null {
  const { tokens } = context;
  let last = first + 1;
  while (last < sentence.last && last - first < 25) {
    const token = tokens.at(last);
    if (!token || titleStops.has(token.raw)) break;
    last++;
  }
  const from = tokens.at(first)?.start ?? 0;
  const to = tokens.at(last - 1)?.end ?? from;
  return context.text.slice(from, to) || null;
}

function startOf(mention: DateMention): number {
  return mention.start;
}
