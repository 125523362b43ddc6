// Commitments: each agreed action, proposal or follow-up as its own item. A clause counts when it
// carries a cue (sẽ, tiếp tục, đề nghị, will, promised...) that is not an opinion ('tin tưởng ...
// sẽ'); enumerations ('bao gồm: a; b; c') become one item per element, unless the elements are
// bare field names, which read better as one list.

import type { DraftCommitment } from '../../common/contracts/draft.ts';
import type { draftCommitmentStatuses } from '../../common/domain/enums.ts';
import { type Article, isHistoryAt } from '../article.ts';
import type { Lang } from '../entities.ts';
import {
  addPhrase,
  createLexicon,
  firstValueAt,
  hasMatch,
  type Lexicon,
  matchEnd,
  matchLongest,
} from '../lexicon.ts';
import statusCues from '../lexicons/commitment-status.json' with { type: 'json' };
import cues from '../lexicons/cues.json' with { type: 'json' };
import events from '../lexicons/events.json' with { type: 'json' };
import { keyPhrase, registerKey, type Token, type TokenList } from '../normalise.ts';
import { mentionsDocument } from '../phrases.ts';
import type { Sentence } from '../segment.ts';
import { lowerBound } from '../sorted.ts';
import { tuning } from '../tuning.ts';

/** The article with the token indices where a commitment cue starts, ascending (from markCues). */
interface Reading extends Article {
  readonly cueStarts: readonly number[];
}

/** One left-to-right pass: cues that are not opinions ('tin tưởng ... sẽ') nor outcomes ('sẽ giúp'). */
function markCues(context: Article): number[] {
  const { tokens, marks: lexicons } = context;
  const cueLexicon = cueLexicons[context.lang];
  const cueStarts: number[] = [];
  // The pass reads tokens left to right, jumping over each cue phrase it takes; only where a cue
  // or a belief phrase starts can anything happen, so it walks those two lexicons' sorted starts.
  const cues = lexicons.starts[cueLexicon.id] ?? [];
  const beliefs = lexicons.starts[beliefLexicon.id] ?? [];
  let belief = 0;
  let lastBelief = -100;
  let lastPurpose = -100;
  // Purpose markers matter only within a few tokens before a cue, so they are looked for there,
  // not at every token: tokens from `next` on were all read (none skipped inside a cue phrase).
  let next = 0;
  for (const i of cues) {
    if (i < next) continue;
    for (; belief < beliefs.length && (beliefs[belief] as number) <= i; belief++) {
      const at = beliefs[belief] as number;
      if (at >= next) lastBelief = at;
    }
    // End and value without a match object: a hostile run of one cue word makes millions.
    const cueEnd = matchEnd(cueLexicon, lexicons, i);
    if (cueEnd === -1) continue;
    const isCue = firstValueAt(cueLexicon, lexicons, i) === true;
    // 'Dự án sẽ giúp đổi mới ...': what a programme is to do is its scope, not an evaluation.
    const isOutcome =
      hasMatch(outcomeLexicon, lexicons, cueEnd) &&
      !(
        hasMatch(programmeOutcomeLexicon, lexicons, cueEnd) &&
        namesProgramme(context, context.sentences[context.sentenceOf[i] ?? -1]?.first ?? i, i)
      );
    for (let j = Math.max(next, i - purposeReach); j <= i; j++) {
      if (isPurposeMarker(tokens.keyIdAt(j))) lastPurpose = j;
    }
    // 'Đây là định hướng quan trọng để hai bên có thể ...': a cue inside a purpose clause states
    // why, not what was agreed.
    const isPurpose = i - lastPurpose <= purposeReach;
    // An opinion ('tin tưởng', 'considers') colours the cues of its own sentence only.
    const isBelief =
      i - lastBelief <= beliefReach && context.sentenceOf[lastBelief] === context.sentenceOf[i];
    // 'Nhận lời mời của Thủ tướng X, ...' opening a sentence: at the invitation of, the event's frame.
    const isFraming =
      context.sentences[context.sentenceOf[i] ?? -1]?.first === i && hasMatch(framingLexicon, lexicons, i);
    if (isCue && !isOutcome && !isPurpose && !isBelief && !isFraming && !isHistoryAt(context, i))
      cueStarts.push(i);
    next = cueEnd;
  }
  return cueStarts;
}

type Status = (typeof draftCommitmentStatuses)[number];

interface Piece {
  first: number;
  last: number;
  confidence: number;
  /** The status of the list heading a line-by-line element stands under, when it says none itself. */
  status?: Status;
}

// Negative phrases sit in the same trie so that 'bàn giao cho' is not read as the cue 'giao cho'.
const cueLexicons: Record<Lang, Lexicon<boolean>> = { vi: createLexicon(), en: createLexicon() };
for (const cue of cues.vi) addPhrase(cueLexicons.vi, cue, true);
for (const cue of cues.en) addPhrase(cueLexicons.en, cue, true);
for (const phrase of cues.negative) {
  addPhrase(cueLexicons.vi, phrase, false);
  addPhrase(cueLexicons.en, phrase, false);
}
const outcomeLexicon: Lexicon<true> = createLexicon();
for (const phrase of cues.outcomes) addPhrase(outcomeLexicon, phrase, true);
const programmeOutcomeLexicon: Lexicon<true> = createLexicon();
for (const word of cues.programmeOutcomes) addPhrase(programmeOutcomeLexicon, word, true);
/** The meetings a lead reports ('Sáng 7/10, Thứ trưởng chủ trì buổi làm việc ... nhằm ...'). */
const reportedMeetingLexicon: Lexicon<true> = createLexicon();
for (const lang of ['vi', 'en'] as const) {
  for (const kind of ['talks', 'working_session', 'conference', 'other'] as const) {
    for (const phrase of events[lang][kind]) addPhrase(reportedMeetingLexicon, phrase, true);
  }
}
const programmeHeadLexicon: Lexicon<true> = createLexicon();
for (const head of cues.programmeHeads) addPhrase(programmeHeadLexicon, head, true);
/** A programme or cooperation document named in [first, last). */
function namesProgramme(context: Article, first: number, last: number): boolean {
  if (mentionsDocument(context.marks, first, last)) return true;
  const starts = context.marks.starts[programmeHeadLexicon.id] ?? [];
  const at = lowerBound(starts, first);
  return at < starts.length && (starts[at] as number) < last;
}
const scopeOpenerLexicon: Lexicon<true> = createLexicon();
for (const phrase of cues.scopeOpeners) addPhrase(scopeOpenerLexicon, phrase, true);
const scopeVerbLexicon: Lexicon<true> = createLexicon();
for (const phrase of cues.scopeVerbs) addPhrase(scopeVerbLexicon, phrase, true);
const theKey = keyPhrase('the')[0];
/** A programme's scope verb follows its name within this many tokens ('The aim of the memorandum of understanding is to'). */
const scopeReach = tuning.commitments.scopeReach;
const beliefLexicon: Lexicon<true> = createLexicon();
for (const word of cues.belief) addPhrase(beliefLexicon, word, true);
const splitterLexicon: Lexicon<boolean> = createLexicon();
for (const word of cues.splitters) addPhrase(splitterLexicon, word, true);
for (const phrase of cues.notSplitters) addPhrase(splitterLexicon, phrase, false);
const framingLexicon: Lexicon<true> = createLexicon();
for (const phrase of cues.framingOpeners) addPhrase(framingLexicon, phrase, true);
const enumerationLexicon: Lexicon<true> = createLexicon();
for (const word of cues.enumeration) addPhrase(enumerationLexicon, word, true);
const aidLexicon: Lexicon<true> = createLexicon();
for (const head of cues.aidHeads) addPhrase(aidLexicon, head, true);
const contentLexicon: Lexicon<true> = createLexicon();
for (const head of cues.contentHeads) addPhrase(contentLexicon, head, true);
/** 'thống nhất một số nội dung ... như sau:': a heading whose object is the list's contents. */
const listNounLexicon: Lexicon<true> = createLexicon();
for (const noun of cues.listNouns) addPhrase(listNounLexicon, noun, true);
const alsoJoinerLexicon: Lexicon<true> = createLexicon();
for (const phrase of cues.alsoJoiners) addPhrase(alsoJoinerLexicon, phrase, true);
const joinedLexicon: Lexicon<true> = createLexicon();
for (const verb of cues.joinedActions) addPhrase(joinedLexicon, verb, true);
/** 'Theo văn bản gia hạn, ...': a document named by a plain noun rather than by its kind. */
const documentWordLexicon: Lexicon<true> = createLexicon();
for (const word of cues.documentWords) addPhrase(documentWordLexicon, word, true);
const documentLeadLexicon: Lexicon<true> = createLexicon();
for (const lead of cues.documentLeads) addPhrase(documentLeadLexicon, lead, true);
const reportingLexicon: Lexicon<true> = createLexicon();
for (const verb of cues.reporting) addPhrase(reportingLexicon, verb, true);
// null marks a phrase that holds a status word but states none ('theo đề nghị của').
const statusLexicon: Lexicon<Status | null> = createLexicon();
for (const phrase of statusCues.proposed) addPhrase(statusLexicon, phrase, 'proposed');
for (const phrase of statusCues.agreed) addPhrase(statusLexicon, phrase, 'agreed');
for (const phrase of statusCues.neutral) addPhrase(statusLexicon, phrase, null);
const statusReach = tuning.commitments.statusReach;
// The few single words asked of every token are compared by key number, not by string: a
// registered key gives each of them an id that every token spelled so carries.
const keyIdOf = (word: string): number => registerKey(keyPhrase(word)[0] ?? '');
const purposeIds = ['nhằm', 'để'].map(keyIdOf);
const conjunctionIds = ['và', 'and'].map(keyIdOf);
const alsoId = keyIdOf('also');
/** '..., saying Long An will ...': a speaker's further statement, read like a clause after 'and'. */
const sayingIds = ['saying', 'adding'].map(keyIdOf);
const toId = keyIdOf('to');
const thatIds = ['rằng', 'that'].map(keyIdOf);
const isPurposeMarker = (id: number): boolean => id !== -1 && purposeIds.includes(id);
const isConjunction = (id: number): boolean => id !== -1 && conjunctionIds.includes(id);
// A plural noun right before the list ('các nội dung hợp tác gồm:', 'the following:') is only the
// list's lead-in; a head that goes on after it ('... theo Lộ trình đến 2030') says more.
const leadInMarkers = new Set(['các', 'những', 'following'].map((w) => keyPhrase(w)[0]));
const leadInWords = tuning.commitments.leadInWords;
/** 'tin tưởng thông qua hợp tác chặt chẽ, hai nước sẽ ...': a belief governs the clauses after it. */
const beliefReach = tuning.commitments.beliefReach;
/** 'để hai bên có thể': a purpose marker governs a cue at most this many tokens after it. */
const purposeReach = tuning.commitments.purposeReach;
/** Both halves of 'A sẽ cử ... và hỗ trợ ...' need this many words to stand as promises. */
const joinedHalfWords = tuning.commitments.joinedHalfWords;
const joinedReach = tuning.commitments.joinedReach;
const clauseCueReach = tuning.commitments.clauseCueReach;
const leadingAdverbials = new Set(
  [
    'theo',
    'tại',
    'về',
    'trong',
    'nhân',
    'với',
    'sau',
    'ngoài',
    'đồng',
    'bên',
    'từ',
    'cụ',
    'đặc',
    'hiện',
    'according',
    'at',
    'during',
    'in',
    'on',
    'speaking',
    'talking',
    'meanwhile',
    'besides',
    'earlier',
    'later',
    'also',
  ].map((w) => keyPhrase(w)[0]),
);
/** A list's colon stands at most this many tokens after the word that announces it. */
const enumerationReach = tuning.commitments.enumerationReach;
const programmeListReach = tuning.commitments.programmeListReach;
const listBullets = new Set(['-', '–', '•', '+', '*', '·']);
const minWords = tuning.commitments.minWords;
/** A document lead names its document within this many tokens, and closes with a comma within leadReach. */
const documentReach = tuning.commitments.documentReach;
const leadReach = tuning.commitments.leadReach;
const shortItemWords = tuning.commitments.shortItemWords;
const shortListWords = tuning.commitments.shortListWords;

export function findCommitments(article: Article): DraftCommitment[] {
  const pieces: Piece[] = [];
  const context: Reading = { ...article, cueStarts: markCues(article) };
  const { sentences } = context;
  for (let s = 0; s < sentences.length; s++) {
    // The title line and quotations are not the record of what was promised.
    if ((context.hasTitle && s === 0) || context.quoted[s] === 1) continue;
    if (isLeadReport(context, s)) continue;
    const sentence = sentences[s];
    if (!sentence) continue;
    const consumed = readSentence(context, s, pieces);
    s += consumed;
  }
  return finish(context, pieces);
}

/**
 * The lead (the body's first sentence) that reports a meeting before its first cue ('Sáng 7/10, Thứ
 * trưởng chủ trì buổi làm việc ... nhằm triển khai ...') tells what happened and what the meeting
 * was for, not a promise. A meeting that only opens the lead ('Kết thúc buổi hội đàm, hai bên
 * thống nhất ...') or comes after the cue ('đề xuất tổ chức hội thảo') leaves it read.
 */
function isLeadReport(context: Reading, index: number): boolean {
  const sentence = context.sentences[index];
  if (!sentence || sentence.first !== context.bodyStart) return false;
  const cue = firstCue(context, sentence.first, sentence.last);
  if (cue === -1) return false;
  const starts = context.marks.starts[reportedMeetingLexicon.id] ?? [];
  const at = lowerBound(starts, sentence.first);
  const meeting = at < starts.length ? (starts[at] as number) : cue;
  // A meeting in the opening phrase ('Kết thúc buổi hội đàm, ...') only sets the scene.
  return meeting < cue && meeting - sentence.first > tuning.commitments.leadOpeningWords;
}

/** Reads one sentence (and, for a list laid out line by line, the lines that follow). */
function readSentence(context: Reading, index: number, out: Piece[]): number {
  const { tokens, sentences } = context;
  const sentence = sentences[index];
  if (!sentence) return 0;
  const cue = firstCue(context, sentence.first, sentence.last);
  const colon = findEnumerationColon(context, sentence);
  if (colon !== -1) {
    const headCue = firstCue(context, sentence.first, colon);
    const items = splitAt(tokens, colon + 1, sentence.last, ';');
    let consumed = 0;
    // A list laid out one element per line continues while lines end with ';' or the next line
    // opens with a list marker ('2.', '–', 'b)').
    if (items.length === 0 || (items.length === 1 && isEmptyRange(tokens, colon + 1, sentence.last))) {
      items.length = 0;
      for (let next = index + 1; next < sentences.length && consumed < 40; next++) {
        const line = sentences[next];
        // A line that opens a list of its own is the next heading, not an element of this one.
        if (!line || tokens.at(line.last - 1)?.raw === ':') break;
        items.push(...splitAt(tokens, line.first, line.last, ';'));
        consumed++;
        const following = sentences[next + 1];
        const continues =
          tokens.at(line.last - 1)?.raw === ';' ||
          (following !== undefined &&
            afterListMarker(tokens, following.first, following.last) > following.first);
        if (!continues) break;
      }
    }
    const isAid = hasMatch(aidLexicon, context.marks, sentence.first);
    // 'với các nội dung chính: a; b' lists what was agreed even without a cue word, and so does a
    // document's list laid out line by line ('Kế hoạch ... cụ thể hóa các nội dung như sau:').
    const isContent =
      hasMatchIn(contentLexicon, context, sentence.first, colon) ||
      namesProgramme(context, sentence.first, colon);
    // Not a list after all: the lines that follow are read as sentences of their own.
    if (headCue === -1 && cue === -1 && !isAid && !isContent) return 0;
    const nonEmpty = items.filter((item) => item.last > item.first);
    const averageWords =
      nonEmpty.reduce((sum, item) => sum + countWords(tokens, item.first, item.last), 0) /
      Math.max(1, nonEmpty.length);
    if (nonEmpty.length >= 2 && averageWords < shortItemWords) {
      const last = nonEmpty[nonEmpty.length - 1]?.last ?? colon;
      out.push({
        first: clauseStart(context, sentence.first, headCue === -1 ? colon : headCue),
        last,
        confidence: 0.6,
      });
      return consumed;
    }
    const headFirst = lastCue(context, sentence.first, colon);
    // The head is an item of its own only when it says more than 'trao đổi về các nội dung' or
    // 'ký biên bản với 5 nội dung'.
    const headLast = enumerationWordBefore(context, sentence.first, colon);
    const leadInFrom = Math.max(headFirst, headLast - leadInWords);
    if (
      headCue !== -1 &&
      countWords(tokens, headFirst, headLast) >= 6 &&
      !hasKey(tokens, leadInFrom, headLast, leadInMarkers) &&
      !hasMatchIn(listNounLexicon, context, headFirst, headLast) &&
      !hasCount(tokens, leadInFrom, headLast)
    ) {
      out.push({ first: headFirst, last: headLast, confidence: 0.5 });
    }
    // Elements on lines of their own are out of reach of the heading's verb ('Bộ trưởng đề nghị:').
    const status = consumed > 0 ? (statusIn(context, sentence.first, colon) ?? undefined) : undefined;
    for (const item of nonEmpty) {
      // The last element of 'a; b; and c' carries the list's conjunction, not its own.
      const unmarked = afterListMarker(tokens, item.first, item.last);
      const first = isConjunction(tokens.at(unmarked)?.keyId ?? -1) ? unmarked + 1 : unmarked;
      out.push({ first, last: item.last, confidence: 0.6, status });
    }
    return consumed;
  }
  if (cue === -1) {
    const content = documentContentStart(context, sentence);
    if (content !== -1) {
      out.push({ first: content, last: sentence.last, confidence: 0.45 });
      return 0;
    }
    // 'Theo Chương trình ..., hai bên phối hợp A. B; C; D.': a list right after the document's
    // content goes on stating it.
    if (continuesDocumentList(context, index)) {
      for (const item of splitAt(tokens, sentence.first, sentence.last, ';'))
        out.push({ first: item.first, last: item.last, confidence: 0.4 });
      return 0;
    }
    if (statesScope(context, sentence)) {
      out.push({ first: sentence.first, last: sentence.last, confidence: 0.45 });
      return 0;
    }
    if (
      hasMatch(aidLexicon, context.marks, sentence.first) &&
      hasNumber(tokens, sentence.first, sentence.last)
    ) {
      out.push({ first: sentence.first, last: sentence.last, confidence: 0.4 });
    }
    return 0;
  }
  const segments = splitAt(tokens, sentence.first, sentence.last, ';');
  const rest = segments.slice(1);
  const restWords = rest.reduce((sum, seg) => sum + countWords(tokens, seg.first, seg.last), 0);
  const short = rest.length >= 2 && restWords / rest.length <= shortListWords;
  if (short) {
    pushSplit(
      context,
      { first: clauseStart(context, sentence.first, cue), last: sentence.last, confidence: 0.6 },
      out,
      true,
    );
    return 0;
  }
  // Segments before the first cue are narrative; the ones after it continue its list.
  let started = false;
  for (const segment of segments) {
    const segmentCue = firstCue(context, segment.first, segment.last);
    if (!started && segmentCue === -1) continue;
    const first = started ? segment.first : clauseStart(context, segment.first, segmentCue);
    pushSplit(context, { first, last: segment.last, confidence: started ? 0.55 : 0.6 }, out, false, !started);
    started = true;
  }
  return 0;
}

/**
 * 'Theo Chương trình Hợp tác ..., Bộ Y tế và WHO cùng phối hợp ...': after a lead naming a cooperation
 * document, the clause states what the document provides for. Where that clause starts, else -1.
 */
function documentContentStart(context: Reading, sentence: Sentence): number {
  const { tokens } = context;
  const lead = matchLongest(documentLeadLexicon, context.marks, sentence.first);
  if (!lead) return -1;
  const reach = Math.min(sentence.last, lead.end + documentReach);
  if (
    !(
      mentionsDocument(context.marks, lead.end, reach) ||
      hasMatchIn(documentWordLexicon, context, lead.end, reach)
    )
  )
    return -1;
  for (let i = lead.end; i < Math.min(sentence.last, lead.end + leadReach); i++) {
    if (tokens.at(i)?.raw === ',') return countWords(tokens, i + 1, sentence.last) >= minWords ? i + 1 : -1;
  }
  return -1;
}

/** A cue-less sentence with ';' right after a cue-less sentence that states a document's content. */
function continuesDocumentList(context: Reading, index: number): boolean {
  const sentence = context.sentences[index];
  const previous = context.sentences[index - 1];
  if (!sentence || !previous || firstCue(context, previous.first, previous.last) !== -1) return false;
  if (findEnumerationColon(context, previous) !== -1) return false;
  let semicolon = false;
  for (let i = sentence.first; i < sentence.last && !semicolon; i++)
    semicolon = context.tokens.at(i)?.raw === ';';
  return semicolon && documentContentStart(context, previous) !== -1;
}

/**
 * 'Dự án nhằm cải thiện ...', 'The aim of the memorandum is to facilitate ...': a sentence that opens
 * with a programme (or its aim) and goes on, soon, to a scope verb states what the programme is to do.
 */
function statesScope(context: Reading, sentence: Sentence): boolean {
  const { tokens } = context;
  const opener = matchLongest(scopeOpenerLexicon, context.marks, sentence.first);
  const head = opener ? opener.end : sentence.first + (tokens.at(sentence.first)?.key === theKey ? 1 : 0);
  if (
    !hasMatch(programmeHeadLexicon, context.marks, head) &&
    !(opener && namesProgramme(context, head, head + documentReach))
  )
    return false;
  const end = Math.min(sentence.last, head + scopeReach);
  for (let i = head + 1; i < end; i++) if (hasMatch(scopeVerbLexicon, context.marks, i)) return true;
  return false;
}

/** Splits a piece at 'đồng thời', 'trong đó' (and English 'and decides to'). */
function pushSplit(context: Reading, piece: Piece, out: Piece[], keepWhole: boolean, needsCue = true): void {
  const { tokens } = context;
  let first = piece.first;
  // After a splitter inside a promise ('nhất trí tiếp tục ..., đặc biệt là đẩy nhanh ... và sớm
  // khởi động ...'), the next part is governed by the cue before it: where that part starts, else -1.
  let carried = -1;
  for (let i = piece.first + 1; i < piece.last; i++) {
    if (isJoinedPromise(context, first, i, piece.last, piece.first, carried)) {
      // A trailing comma before 'and' stays with neither part.
      const last = tokens.at(i - 1)?.raw === ',' ? i - 1 : i;
      pushPiece(context, { first, last, confidence: piece.confidence }, out, needsCue);
      needsCue = false;
      first = i + 1;
      // '..., to host ...', '... and to prepare ...': the next action starts at its verb.
      if (tokens.at(first)?.keyId === toId) first++;
      continue;
    }
    if (isJoinedClause(context, first, i, piece.last)) {
      pushPiece(context, { first, last: i - 1, confidence: piece.confidence }, out, needsCue);
      first = thatIds.includes(tokens.at(i + 1)?.keyId ?? -1) ? i + 2 : i + 1;
      continue;
    }
    const also = alsoJoinedAt(context, first, i);
    if (also !== -1) {
      pushPiece(context, { first, last: i - 1, confidence: piece.confidence }, out, needsCue);
      needsCue = false;
      first = also;
      continue;
    }
    const match = matchLongest(splitterLexicon, context.marks, i);
    if (!match || match.values[0] !== true) continue;
    const before = tokens.at(i - 1)?.raw;
    if (before !== ',' && before !== ';' && context.lang === 'vi') continue;
    if (keepWhole && i > piece.first + 1) {
      pushPiece(context, { first, last: i - 1, confidence: piece.confidence }, out, needsCue);
      first = match.end;
      out.push({ first, last: piece.last, confidence: piece.confidence });
      return;
    }
    pushPiece(
      context,
      { first, last: before === ',' || before === ';' ? i - 1 : i, confidence: piece.confidence },
      out,
      needsCue,
    );
    needsCue = false;
    first = context.lang === 'vi' ? match.end : i + 1;
    if (firstCue(context, piece.first, i) !== -1) carried = first;
    i = match.end - 1;
  }
  pushPiece(context, { first, last: piece.last, confidence: piece.confidence }, out, needsCue);
}

/** 'và'/'and' + an action verb after a cue, with enough words on both sides, opens a second promise. */
function isJoinedPromise(
  context: Reading,
  first: number,
  at: number,
  last: number,
  pieceFirst: number,
  carried: number,
): boolean {
  const { tokens } = context;
  const token = tokens.at(at) as Token;
  // 'agreed to set up ..., to host ..., and to prepare ...': each infinitive is an action of its own.
  const isInfinitiveList =
    context.lang === 'en' &&
    (token.raw === ',' || isConjunction(token.keyId)) &&
    tokens.at(at + 1)?.keyId === toId &&
    tokens.at(at + 2)?.isWord === true &&
    !tokens.at(at + 2)?.isCapital;
  if (!isInfinitiveList && !isConjunction(token.keyId)) return false;
  const verb = tokens.at(at + 1)?.keyId === alsoId ? at + 2 : at + 1;
  // 'và Tổ chức Y tế thế giới': a capitalised verb mid-sentence opens a name, not an action.
  if (!isInfinitiveList && (tokens.at(verb)?.isCapital || !hasMatch(joinedLexicon, context.marks, verb)))
    return false;
  // Scans stay within a clause's reach so that a long run of 'và' stays linear; a list of
  // infinitives keeps the cue that opened it ('agreed to ..., to ..., and to ...').
  const from = Math.max(isInfinitiveList && first > pieceFirst ? pieceFirst : first, at - joinedReach);
  const found = firstCue(context, from, at);
  const cue = found === -1 && carried === first ? carried : found;
  if (cue === -1) return false;
  // After 'nhằm'/'để' (in order to) the coordination belongs to the purpose, not to the promise.
  for (let i = cue; i < at; i++) if (isPurposeMarker((tokens.at(i) as Token).keyId)) return false;
  // The first half is counted from its cue: 'X are ready to receive and provide treatment' is one promise.
  return (
    countWords(tokens, cue, at) >= joinedHalfWords &&
    countWords(tokens, at + 1, Math.min(last, at + 1 + joinedReach)) >= joinedHalfWords
  );
}

/**
 * ', và sẽ báo cáo ...', ', and the institute offered to ...', ', and that a group will be set up',
 * ', saying the province will ...': after a comma, a conjunction (or 'saying') whose clause has a cue of its own, soon, joins a second promise to
 * one that already has its cue.
 */
function isJoinedClause(context: Reading, first: number, at: number, last: number): boolean {
  const { tokens } = context;
  const joiner = (tokens.at(at) as Token).keyId;
  if (tokens.at(at - 1)?.raw !== ',' || !(isConjunction(joiner) || sayingIds.includes(joiner))) return false;
  if (firstCue(context, first, at - 1) === -1) return false;
  return firstCue(context, at + 1, Math.min(last, at + 1 + clauseCueReach)) !== -1;
}

/**
 * '..., cũng như hỗ trợ về trang thiết bị', '..., as well as to train ...': after a comma, 'as well as'
 * before an action adds a promise under the cue before it. Where that promise starts, else -1.
 */
function alsoJoinedAt(context: Reading, first: number, at: number): number {
  const { tokens } = context;
  if (tokens.at(at - 1)?.raw !== ',') return -1;
  const joiner = matchLongest(alsoJoinerLexicon, context.marks, at);
  if (!joiner) return -1;
  const verb = tokens.at(joiner.end)?.keyId === toId ? joiner.end + 1 : joiner.end;
  if (!hasMatch(joinedLexicon, context.marks, verb) || firstCue(context, first, at) === -1) return -1;
  return verb;
}

/**
 * A split part before any cue ('đánh giá cao ..., đồng thời đề nghị ...') is praise or narrative;
 * a part whose cue follows a reporting verb ('X cho biết Y sẽ ...') starts after the speaker.
 */
function pushPiece(context: Reading, piece: Piece, out: Piece[], needsCue: boolean): void {
  const cue = firstCue(context, piece.first, piece.last);
  if (cue === -1) {
    if (!needsCue) out.push(piece);
    return;
  }
  let first = piece.first;
  for (let i = piece.first; i < cue; i++) {
    const match = matchLongest(reportingLexicon, context.marks, i);
    if (match && match.end <= cue) first = match.end;
  }
  if (first > piece.first && thatIds.includes(context.tokens.at(first)?.keyId ?? -1)) first++;
  out.push({ ...piece, first });
}

function hasMatchIn(lexicon: Lexicon<true>, context: Reading, first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (hasMatch(lexicon, context.marks, i)) return true;
  return false;
}

function hasKey(
  tokens: TokenList,
  first: number,
  last: number,
  keys: ReadonlySet<string | undefined>,
): boolean {
  for (let i = first; i < last; i++) if (keys.has(tokens.at(i)?.key)) return true;
  return false;
}

// Cues are few, so ranges are asked of their sorted list instead of scanned token by token.
function firstCue(context: Reading, first: number, last: number): number {
  const cues = context.cueStarts;
  const at = lowerBound(cues, first);
  const cue = at < cues.length ? (cues[at] as number) : -1;
  return cue !== -1 && cue < last ? cue : -1;
}

function lastCue(context: Reading, first: number, last: number): number {
  const cues = context.cueStarts;
  const at = lowerBound(cues, last) - 1;
  // No cue in the range: the range's own start.
  return Math.max(at >= 0 ? (cues[at] as number) : -1, first);
}

/** The first ':' within enumerationReach tokens after an enumeration word ('bao gồm:', 'như sau:'). */
function findEnumerationColon(context: Reading, sentence: Sentence): number {
  const { tokens } = context;
  // 'Hai bên thống nhất:' closing its line: the list follows, one element per line.
  if (tokens.at(sentence.last - 1)?.raw === ':' && sentence.last - sentence.first > 1)
    return sentence.last - 1;
  // Starting from the word instead of from each colon: the first word with a colon after it has
  // the sentence's first such colon, and most sentences have no enumeration word at all.
  const starts = context.marks.starts[enumerationLexicon.id] ?? [];
  for (let at = lowerBound(starts, sentence.first); at < starts.length; at++) {
    const back = starts[at] as number;
    if (back >= sentence.last) break;
    const end = Math.min(sentence.last, back + 1 + enumerationReach);
    for (let i = back + 1; i < end; i++) if (tokens.at(i)?.raw === ':') return i;
  }
  // '5 dự án thuộc các lĩnh vực: a; b', 'the project has four components: ...': a colon shortly
  // after a named project announces its content.
  const heads = context.marks.starts[programmeHeadLexicon.id] ?? [];
  for (let at = lowerBound(heads, sentence.first); at < heads.length; at++) {
    const head = heads[at] as number;
    if (head >= sentence.last) break;
    const end = Math.min(sentence.last, head + 1 + programmeListReach);
    for (let i = head + 1; i < end; i++) if (tokens.at(i)?.raw === ':') return i;
  }
  return -1;
}

/** The item without its list marker: '(ii)', 'b)', '3.', '-', '•'. */
function afterListMarker(tokens: TokenList, first: number, last: number): number {
  let at = first;
  while (at < last && listBullets.has(tokens.at(at)?.raw ?? '')) at++;
  const opens = tokens.at(at)?.raw === '(' ? 1 : 0;
  const label = tokens.at(at + opens);
  const close = tokens.at(at + opens + 1)?.raw;
  const isLabel =
    label !== undefined &&
    (label.isNumber || (label.isWord && label.raw.length <= 4 && isListLabel(label.raw)));
  if (isLabel && (close === ')' || (close === '.' && !opens))) return at + opens + 2;
  return at;
}

/** 'a', 'iv', 'XII': a letter or a roman numeral that numbers a list element. */
function isListLabel(raw: string): boolean {
  return raw.length === 1 || /^[ivxIVX]+$/.test(raw);
}

function enumerationWordBefore(context: Reading, first: number, colon: number): number {
  for (let back = Math.max(first, colon - enumerationReach); back < colon; back++) {
    const match = matchLongest(enumerationLexicon, context.marks, back);
    if (match && match.end === colon) return back;
  }
  return colon;
}

/** Drops a leading adverbial ('Theo đó,', 'Tại buổi làm việc,') before the clause with the cue. */
function clauseStart(context: Reading, first: number, cue: number): number {
  const { tokens } = context;
  // 'To enhance cooperation in A, B, C, hospitals are ready to ...': a leading purpose runs to the
  // last comma before the cue, through the commas of its own list.
  if (tokens.at(first)?.keyId === toId && tokens.at(first + 1)?.isWord) {
    for (let i = cue - 1; i > first; i--) if (tokens.at(i)?.raw === ',') return i + 1;
    return first;
  }
  if (!leadingAdverbials.has(tokens.at(first)?.key ?? '')) return first;
  for (let i = first; i < cue; i++) if (tokens.at(i)?.raw === ',') return i + 1;
  return first;
}

function splitAt(tokens: TokenList, first: number, last: number, separator: string): Piece[] {
  const pieces: Piece[] = [];
  let start = first;
  for (let i = first; i < last; i++) {
    if (tokens.at(i)?.raw === separator) {
      pieces.push({ first: start, last: i, confidence: 0 });
      start = i + 1;
    }
  }
  if (start < last) pieces.push({ first: start, last, confidence: 0 });
  return pieces;
}

function isEmptyRange(tokens: TokenList, first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (tokens.at(i)?.isWord) return false;
  return true;
}

function countWords(tokens: TokenList, first: number, last: number): number {
  let count = 0;
  for (let i = first; i < last; i++) if (tokens.at(i)?.isWord) count++;
  return count;
}

/** A small number ('5 nội dung', 'three points' in digits), not a year. */
function hasCount(tokens: TokenList, first: number, last: number): boolean {
  for (let i = first; i < last; i++)
    if (tokens.at(i)?.isNumber && (tokens.at(i)?.raw.length ?? 0) <= 2) return true;
  return false;
}

function hasNumber(tokens: TokenList, first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (tokens.at(i)?.isNumber) return true;
  return false;
}

const trailing = new Set([',', ';', ':', '.', '…', '-', '–', '/']);
/** Items this close in wording (Jaccard over folded words) repeat an earlier one. */
const repeatSimilarity = tuning.commitments.repeatSimilarity;
const repeatWindow = tuning.commitments.repeatWindow;
/** An item whose words, at least this many, lie this much inside another's says it again. */
const containedWords = tuning.commitments.containedWords;
const containedShare = tuning.commitments.containedShare;

// Folded words as numbers, shared by all articles (most words recur), so an item's word set is
// an integer list. The limit is checked between articles, so one article can add at most its own
// distinct words (about 300k for a 2 MB input) before the table is cleared.
const wordIds = new Map<string, number>();
const wordIdLimit = 200_000;
/** The last piece (by its stamp) each word number was seen in. */
let seenBy = new Int32Array(1 << 14);
let lastStamp = 0;

function wordIdOf(fold: string): number {
  let id = wordIds.get(fold);
  if (id === undefined) {
    id = wordIds.size;
    wordIds.set(fold, id);
    if (id >= seenBy.length) {
      const grown = new Int32Array(seenBy.length * 2);
      grown.set(seenBy);
      seenBy = grown;
    }
  }
  return id;
}

function nextStamp(): number {
  if (lastStamp === 0x7fffffff) {
    seenBy.fill(0);
    lastStamp = 0;
  }
  return ++lastStamp;
}

function finish(context: Reading, pieces: readonly Piece[]): DraftCommitment[] {
  const { tokens, text } = context;
  const items: DraftCommitment[] = [];
  // Each kept item's distinct word numbers; a piece's words are stamped into seenBy, so counting
  // shared words is an array read per word instead of a string-set probe.
  const keptWords: number[][] = [];
  if (wordIds.size > wordIdLimit) wordIds.clear();
  const words: number[] = [];
  for (const piece of pieces) {
    let first = piece.first;
    let last = piece.last;
    while (first < last && !tokens.at(first)?.isWord && tokens.at(first)?.raw !== '“') first++;
    while (last > first && trailing.has(tokens.at(last - 1)?.raw ?? '')) last--;
    if (countWords(tokens, first, last) < minWords) continue;
    const start = tokens.at(first)?.start ?? 0;
    const end = tokens.at(last - 1)?.end ?? start;
    const stamp = nextStamp();
    words.length = 0;
    for (let i = first; i < last; i++) {
      const token = tokens.at(i) as Token;
      if (!token.isWord) continue;
      const id = wordIdOf(token.fold);
      if (seenBy[id] === stamp) continue;
      seenBy[id] = stamp;
      words.push(id);
    }
    if (repeatsKept(keptWords, words.length, stamp)) continue;
    const body = text.slice(start, end);
    const sentenceText = body.charAt(0).toUpperCase() + body.slice(1);
    items.push({
      text: sentenceText,
      status: statusOf(context, first, last) ?? piece.status ?? 'agreed',
      spans: [{ start, end }],
      confidence: piece.confidence,
    });
    keptWords.push(words.slice());
  }
  return items;
}

/**
 * A commitment's status follows its verb: the first status phrase in it ('mong muốn', 'nhất trí',
 * 'suggested', 'will'), else the nearest before it in its sentence ('Bộ trưởng đề nghị: a; b');
 * null when neither says.
 */
function statusOf(context: Reading, first: number, last: number): Status | null {
  const own = firstStatus(context, first, Math.min(last, first + statusReach));
  if (own) return own.status;
  const from = Math.max(
    context.sentences[context.sentenceOf[first] ?? -1]?.first ?? first,
    first - statusReach,
  );
  return statusIn(context, from, first);
}

/** The last status phrase that starts in [first, last), read left to right so that a neutral
 * phrase ('theo đề nghị của') hides the status word inside it. */
function statusIn(context: Reading, first: number, last: number): Status | null {
  let status: Status | null = null;
  for (let at = Math.max(first, last - statusReach); at < last; ) {
    const found = firstStatus(context, at, last);
    if (!found) break;
    status = found.status;
    at = found.end;
  }
  return status;
}

function firstStatus(context: Reading, first: number, last: number): { status: Status; end: number } | null {
  for (let i = first; i < last; i++) {
    const match = matchLongest(statusLexicon, context.marks, i);
    if (!match) continue;
    const status = match.values[0];
    if (status) return { status, end: match.end };
    i = match.end - 1;
  }
  return null;
}

/**
 * True when the piece's words (size distinct ones, stamped in seenBy) are as close as
 * repeatSimilarity (Jaccard) to one of the last repeatWindow kept items, or one holds the other.
 */
function repeatsKept(kept: readonly number[][], size: number, stamp: number): boolean {
  for (let k = Math.max(0, kept.length - repeatWindow); k < kept.length; k++) {
    const other = kept[k] as number[];
    // Shared words are at most the smaller set and the union at least the larger, so sizes in a
    // ratio under 7/10 (repeatSimilarity, tested in integers) cannot reach the threshold.
    const small = Math.min(other.length, size);
    const large = Math.max(other.length, size);
    const canContain = small >= containedWords;
    if (small * 10 < large * 7 && !canContain) continue;
    let shared = 0;
    for (let i = 0; i < other.length; i++) if (seenBy[other[i] as number] === stamp) shared++;
    if (shared / Math.max(1, other.length + size - shared) >= repeatSimilarity) return true;
    // The lead paragraph restated in the body with more around it ('... và mong muốn thúc đẩy ...').
    if (canContain && shared >= small * containedShare) return true;
  }
  return false;
}
