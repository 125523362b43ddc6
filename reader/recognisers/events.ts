// Events: trigger phrases by kind, kept out of proposals ('có thể tổ chức hội thảo', 'wish to
// visit') and of past anniversaries ('kể từ khi ký'), merged one per kind, dated from the sentence.

import type { DraftEvent, EventKind, EventMode } from '../../common/contracts/draft.ts';
import type { Article } from '../article.ts';
import { isBeforeArticle, isPeriodYear, referenceYear } from '../background.ts';
import { type DateMention, resolveDate } from '../dates.ts';
import type { Lang } from '../entities.ts';
import { addPhrase, createLexicon, findAll, type Lexicon, matchEnd, matchLongest } from '../lexicon.ts';
import events from '../lexicons/events.json' with { type: 'json' };
import { keyPhrase, type TokenList } from '../normalise.ts';
import { isRecordOfAct } from '../phrases.ts';
import { lowerBound, lowerBoundBy } from '../sorted.ts';
import { tuning } from '../tuning.ts';
import { type TitleSources, titleEvents } from './event-titles.ts';

export interface EventTrigger {
  kind: EventKind;
  first: number;
  last: number;
  sentence: number;
  /** A generic meeting word ('cuộc gặp', 'met with'): it names whichever meeting the article reports. */
  isGeneric?: boolean;
}

const triggerLexicons: Record<Lang, Lexicon<EventKind>> = { vi: createLexicon(), en: createLexicon() };
for (const lang of ['vi', 'en'] as const) {
  for (const [kind, phrases] of Object.entries(events[lang])) {
    for (const phrase of phrases) addPhrase(triggerLexicons[lang], phrase, kind as EventKind);
  }
}
const genericMeetingLexicons: Record<Lang, Lexicon<true>> = { vi: createLexicon(), en: createLexicon() };
for (const lang of ['vi', 'en'] as const) {
  for (const phrase of events.genericMeeting[lang]) addPhrase(genericMeetingLexicons[lang], phrase, true);
}
const envoyLexicon: Lexicon<true> = createLexicon();
for (const title of events.envoys) addPhrase(envoyLexicon, title, true);
const explicitCourtesyLexicon: Lexicon<true> = createLexicon();
for (const phrase of events.explicitCourtesy) addPhrase(explicitCourtesyLexicon, phrase, true);
const awardLexicon: Lexicon<true> = createLexicon();
for (const award of events.awards) addPhrase(awardLexicon, award, true);
const welcomeLexicon: Lexicon<true> = createLexicon();
for (const cue of events.welcome) addPhrase(welcomeLexicon, cue, true);
const futureLexicon: Lexicon<true> = createLexicon();
for (const cue of events.future) addPhrase(futureLexicon, cue, true);
const pastLexicon: Lexicon<true> = createLexicon();
for (const cue of events.pastCues) addPhrase(pastLexicon, cue, true);
const laterDateLexicon: Lexicon<true> = createLexicon();
for (const cue of events.laterDateCues) addPhrase(laterDateLexicon, cue, true);
const onlineLexicon: Lexicon<true> = createLexicon();
for (const cue of events.online) addPhrase(onlineLexicon, cue, true);
const deadlineLexicon: Lexicon<true> = createLexicon();
for (const word of events.deadlineWords) addPhrase(deadlineLexicon, word, true);
const todayLexicon: Lexicon<true> = createLexicon();
for (const word of events.todayWords) addPhrase(todayLexicon, word, true);
const inPersonLexicon: Lexicon<true> = createLexicon();
for (const cue of events.inPerson) addPhrase(inPersonLexicon, cue, true);
const keySet = (words: string[]): Set<string> => new Set(words.map((w) => keyPhrase(w)[0] ?? ''));
const notAfterTiep = keySet(events.notAfterTiep);
const notBeforeTiep = keySet(events.notAfterTiepPrev);
const notAfterKy = keySet(events.notBeforeKy);
const notBeforeKy = keySet(events.notAfterKy);
const tiepKey = keyPhrase('tiếp')[0];
const suKey = keyPhrase('sự')[0];
const receivedKey = keyPhrase('received')[0];
// 'sign' shares the lone-verb checks: 'a sign of friendship' is a noun, not a signing.
const kyKeys = keySet(['ký', 'kí', 'sign']);
const containers = new Set<EventKind>(['visit', 'conference']);
/** How far after a trigger a date may still say when it happened. */
const datedReach = tuning.events.datedReach;

const noSources: TitleSources = { partners: [], participants: [], agreements: [] };

/** The events the article reports: triggers found, then dated, placed, merged and titled (from the
 * partners, participants and agreements found before them). */
export function findEvents(article: Article, sources: TitleSources = noSources): DraftEvent[] {
  return titleEvents(article, assembleEvents(article, findEventTriggers(article)), sources);
}

export function findEventTriggers(context: Article): EventTrigger[] {
  const { tokens, marks, sentenceOf } = context;
  const triggers: EventTrigger[] = [];
  // First future cue per sentence, found in one pass, so each trigger checks it in O(1).
  const firstFuture = new Map<number, number>();
  // From the sorted starts, ending a match only for a sentence's first: a run of 'sẽ' makes millions.
  let futureFrom = 0;
  for (const start of marks.starts[futureLexicon.id] ?? []) {
    if (start < futureFrom) continue;
    const end = matchEnd(futureLexicon, marks, start);
    if (end === -1) continue;
    futureFrom = end;
    const sentence = sentenceOf[start] ?? -1;
    if (!firstFuture.has(sentence)) firstFuture.set(sentence, end);
  }
  const envoySentences = new Set(findAll(envoyLexicon, marks).map((envoy) => sentenceOf[envoy.start] ?? -1));
  for (const match of findAll(triggerLexicons[context.lang], marks)) {
    let kind = match.values[0];
    if (!kind) continue;
    const length = match.end - match.start;
    // The neighbours only matter around a lone 'tiếp' or 'ký'.
    const headKey = length === 1 ? (tokens.at(match.start)?.key ?? '') : '';
    const isTiep = length === 1 && headKey === tiepKey;
    const isKy = length === 1 && kyKeys.has(headKey);
    const previousKey = isTiep || isKy ? (tokens.at(match.start - 1)?.key ?? '') : '';
    const nextKey = isTiep || isKy ? (tokens.at(match.end)?.key ?? '') : '';
    if (isTiep && (notAfterTiep.has(nextKey) || notBeforeTiep.has(previousKey))) continue;
    if (isKy && (notAfterKy.has(nextKey) || notBeforeKy.has(previousKey))) continue;
    // 'received Minister Kovács-Szabó' is a meeting; 'received support' is not.
    if (headKey === receivedKey && !isPersonAhead(tokens, match.end)) continue;
    const sentence = sentenceOf[match.start] ?? -1;
    if ((firstFuture.get(sentence) ?? Number.POSITIVE_INFINITY) <= match.start) continue;
    if (isAfterCue(context, pastLexicon, match.start, sentence, 4)) continue;
    if (isSignedEarlier(context, match.end, sentence)) continue;
    if (context.history.isSetEarlier(match.start) || context.history.refersToEarlier(match.start)) continue;
    // 'ký biên bản bàn giao': signing the record of a handover is part of the handover.
    if (kind === 'signing' && isRecordOfAct(marks, match.end)) continue;
    // 'cảm ơn sự đón tiếp': a noun made with 'sự' names the welcome, not a meeting.
    if (
      kind === 'courtesy_call' &&
      (tokens.at(match.start - 1)?.key === suKey || tokens.at(match.start - 2)?.key === suKey)
    )
      continue;
    const isGeneric = kind === 'talks' && isGenericMeeting(context, match);
    if (isGeneric && isEnvoyMeeting(context, match, envoySentences)) kind = 'courtesy_call';
    // 'trao tặng Kỷ niệm chương', 'awarded the Friendship Medal': an award ceremony, not a handover.
    // 'Kỷ niệm chương được trao bởi ...', 'the medal was presented by ...': the award named first.
    if (kind === 'handover' && (isAwardAhead(context, match.end) || isAwardBehind(context, match.start)))
      kind = 'other';
    triggers.push({ kind, first: match.start, last: match.end, sentence, isGeneric });
  }
  return dropGenericBesideNamed(
    mergeReception(context, dropWelcomedVisits(context, triggers), envoySentences),
  );
}

/** Events a generic meeting word may name again. A visit or a conference holds meetings of their own
 * ('bên lề hội nghị, hai Bộ trưởng đã có cuộc gặp'), and a signing happens at one. */
const namedMeetings = new Set<EventKind>(['talks', 'courtesy_call', 'working_session', 'other']);
/** 'gặp gỡ', 'met with' beside a meeting named by its own word ('hội đàm', 'buổi làm việc', free
 * surgery): the generic word names that meeting again, not a meeting of another kind. */
function dropGenericBesideNamed(triggers: EventTrigger[]): EventTrigger[] {
  if (!triggers.some((trigger) => !trigger.isGeneric && namedMeetings.has(trigger.kind))) return triggers;
  return triggers.filter((trigger) => !trigger.isGeneric);
}

const receptions = new Set<EventKind>(['courtesy_call', 'working_session']);

/** 'Bộ trưởng chào mừng Đại sứ … đã đến thăm và làm việc với Bộ Y tế': in an article that reports a
 * reception, a visit the host welcomes is the guest's coming to it, not an event of its own. */
function dropWelcomedVisits(context: Article, triggers: EventTrigger[]): EventTrigger[] {
  if (!triggers.some((trigger) => receptions.has(trigger.kind))) return triggers;
  // Binary search over the welcome cues' sorted starts: a long sentence of visits stays linear.
  const welcomes = context.marks.starts[welcomeLexicon.id] ?? [];
  return triggers.filter((trigger) => {
    if (trigger.kind !== 'visit') return true;
    const from = context.sentences[trigger.sentence]?.first ?? trigger.first;
    return lowerBound(welcomes, trigger.first) === lowerBound(welcomes, from);
  });
}

/**
 * One reception, one event: with no visit or conference around them, 'tiếp' and 'làm việc' of one
 * article ('đã có buổi tiếp và làm việc với bà X, Đại sứ …', 'tiếp đoàn … cuộc làm việc') and a
 * generic 'cuộc gặp' after them name the same meeting. The visitor's rank decides its kind: a named
 * envoy calls on the host (courtesy call), anyone else holds a working session with them.
 */
function mergeReception(
  context: Article,
  triggers: EventTrigger[],
  envoySentences: ReadonlySet<number>,
): EventTrigger[] {
  let hasCall = false;
  let hasSession = false;
  let isExplicit = false;
  let lead: EventTrigger | undefined;
  for (const trigger of triggers) {
    if (trigger.kind === 'visit' || trigger.kind === 'conference') return triggers;
    if (!receptions.has(trigger.kind)) continue;
    if (trigger.kind === 'courtesy_call') hasCall = true;
    else hasSession = true;
    if (!lead && trigger.first >= context.bodyStart) lead = trigger;
    const explicit = matchLongest(explicitCourtesyLexicon, context.marks, trigger.first);
    if (explicit && explicit.end >= trigger.last) isExplicit = true;
  }
  if (!hasCall && !hasSession) return triggers;
  const isCall =
    hasCall && (!hasSession || isExplicit || (lead !== undefined && envoySentences.has(lead.sentence)));
  const kind: EventKind = isCall ? 'courtesy_call' : 'working_session';
  for (const trigger of triggers) {
    if (receptions.has(trigger.kind) || (trigger.kind === 'talks' && trigger.isGeneric)) trigger.kind = kind;
  }
  return triggers;
}

/** How far after a handover word the award it presents may start ('trao tặng Kỷ niệm chương'). */
const awardReach = tuning.events.awardReach;
function isAwardAhead(context: Article, end: number): boolean {
  const starts = context.marks.starts[awardLexicon.id] ?? [];
  const at = lowerBound(starts, end);
  return at < starts.length && (starts[at] as number) < end + awardReach;
}

/** How far before a handover word an award may end ('Kỷ niệm chương ... mà VUFO trao tặng'). */
const awardBehindReach = tuning.events.awardBehindReach;
/** An award that ends shortly before a handover word in its sentence: the thing handed is the award. */
function isAwardBehind(context: Article, start: number): boolean {
  const starts = context.marks.starts[awardLexicon.id] ?? [];
  const sentence = context.sentenceOf[start] ?? -1;
  for (let at = lowerBound(starts, start) - 1; at >= 0; at--) {
    const first = starts[at] as number;
    if (first < start - awardBehindReach - 3 || context.sentenceOf[first] !== sentence) break;
    const match = matchLongest(awardLexicon, context.marks, first);
    if (match && match.end <= start && match.end > start - awardBehindReach) return true;
  }
  return false;
}

function isGenericMeeting(context: Article, match: { start: number; end: number }): boolean {
  return matchLongest(genericMeetingLexicons[context.lang], context.marks, match.start)?.end === match.end;
}

/** 'Đại sứ Anh đã có cuộc gặp với Bộ trưởng': a generic meeting word (the caller has matched it)
 * where an envoy is named in its sentence or the one before. */
function isEnvoyMeeting(
  context: Article,
  match: { start: number; end: number },
  envoySentences: ReadonlySet<number>,
): boolean {
  const sentence = context.sentenceOf[match.start] ?? -1;
  return envoySentences.has(sentence) || envoySentences.has(sentence - 1);
}

/** 'được ký kết tháng 8/2019', 'visited in 2019': a year before the article's, not a period. */
function isSignedEarlier(context: Article, end: number, sentence: number): boolean {
  const { tokens } = context;
  const reference = referenceYear(context);
  if (!reference) return false;
  const last = Math.min(context.sentences[sentence]?.last ?? end, end + 8);
  for (let i = end; i < last; i++) {
    const token = tokens.at(i);
    if (!token?.isNumber || token.raw.length !== 4) continue;
    const year = Number(token.raw);
    if (year >= 1900 && year < reference && !isPeriodYear(tokens, i)) return true;
  }
  // 'ký Thỏa thuận hợp tác lần đầu vào tháng 10/2019', 'tại hội nghị hồi tháng 3/2024'.
  if (context.history.isDatedEarlier(end - 1, datedReach)) return true;
  // 'Tại lễ ký khi đó': a past cue right after the trigger.
  for (let i = end; i < Math.min(context.sentences[sentence]?.last ?? end, end + 2); i++) {
    if (matchLongest(pastLexicon, context.marks, i)) return true;
  }
  return false;
}

function isAfterCue(
  context: Article,
  lexicon: Lexicon<true>,
  index: number,
  sentence: number,
  window: number,
): boolean {
  const from = Math.max(context.sentences[sentence]?.first ?? 0, index - window);
  for (let i = from; i < index; i++) {
    const match = matchLongest(lexicon, context.marks, i);
    if (match && match.end <= index) return true;
  }
  return false;
}

export function assembleEvents(context: Article, triggers: readonly EventTrigger[]): DraftEvent[] {
  const { tokens } = context;
  const mode = findMode(context);
  const byKind = new Map<EventKind, DraftEvent & { count: number }>();
  const sentencesOf = new Map<EventKind, Set<number>>();
  const datesBySentence = new Map<number, DateMention[]>();
  for (const date of context.dates) {
    if (date.isDocumentDate) continue;
    const firstToken = findTokenAt(tokens, date.start);
    // 'gia hạn đến tháng 3/2030', 'by the end of June': the end of a term, not when anything met.
    if (isAfterDeadlineWord(context, firstToken)) continue;
    // 'đạt được trong cuộc điện đàm ... ngày 12/7/2021': the date of an earlier event.
    if (context.history.refersToEarlier(firstToken)) continue;
    const sentence = context.sentenceOf[firstToken] ?? -1;
    const list = datesBySentence.get(sentence) ?? [];
    list.push(date);
    datesBySentence.set(sentence, list);
  }
  // Grouped once: a ranged date compares the triggers of its own sentence only.
  const triggersBySentence = new Map<number, EventTrigger[]>();
  for (const trigger of triggers) {
    const list = triggersBySentence.get(trigger.sentence);
    if (list) list.push(trigger);
    else triggersBySentence.set(trigger.sentence, [trigger]);
  }
  for (const trigger of triggers) {
    const span = { start: tokens.at(trigger.first)?.start ?? 0, end: tokens.at(trigger.last - 1)?.end ?? 0 };
    const dated = dateTrigger(
      context,
      trigger,
      triggersBySentence.get(trigger.sentence) ?? [],
      datesBySentence,
    );
    const existing = byKind.get(trigger.kind);
    sentencesOf.get(trigger.kind)?.add(trigger.sentence) ??
      sentencesOf.set(trigger.kind, new Set([trigger.sentence]));
    if (existing) {
      existing.spans.push(span);
      existing.count++;
      // A day beats a month: 'signed on 5 November' refines a visit's 'November' given earlier.
      if (
        dated.start &&
        (existing.start?.length ?? 0) < dated.start.length &&
        dated.start.startsWith(existing.start ?? '')
      ) {
        existing.start = dated.start;
        existing.end = dated.end;
      }
      continue;
    }
    byKind.set(trigger.kind, {
      kind: trigger.kind,
      title: null,
      start: dated.start,
      end: dated.end,
      mode,
      location: findLocation(context, trigger),
      spans: [span],
      confidence: 0,
      count: 1,
    });
  }
  // 'Kết thúc buổi hội đàm, hai bên đã ký kết ...': an undated event told in the same sentence as a
  // dated one happened then.
  for (const [kind, event] of byKind) {
    if (event.start) continue;
    const own = sentencesOf.get(kind) ?? new Set<number>();
    for (const [otherKind, other] of byKind) {
      if (otherKind === kind || !other.start || containers.has(otherKind)) continue;
      if ([...(sentencesOf.get(otherKind) ?? [])].some((sentence) => own.has(sentence))) {
        event.start = other.start;
        event.end = other.end;
        break;
      }
    }
  }
  // No trigger carries a date ('Dự án ... được khởi động tại Điện Biên' under 'tháng 11/2025'): the
  // article's first date is the best word on when its events happened.
  if (byKind.size > 0 && [...byKind.values()].every((event) => !event.start)) {
    const first = firstBodyDate(context, datesBySentence);
    const resolved = first ? resolveDate(first, context.years, context.published) : null;
    const reference = referenceYear(context);
    // A date of history ('since October 2011') says nothing about the events reported.
    if (resolved?.start && reference && isBeforeArticle(resolved.start, reference, context.published)) {
      resolved.start = null;
      resolved.end = null;
    }
    for (const event of byKind.values()) {
      event.start = resolved?.start ?? null;
      event.end = resolved?.end ?? null;
    }
  }
  const found = [...byKind.values()].map(({ count, ...event }) => ({
    ...event,
    confidence: round(Math.min(0.95, 0.5 + 0.15 * count + (event.start ? 0.1 : 0))),
  }));
  if (found.length === 0) found.push(otherEvent(context, datesBySentence));
  return found;
}

/** The first date of the body (after the title), outside cited documents. */
function firstBodyDate(
  context: Article,
  datesBySentence: Map<number, DateMention[]>,
): DateMention | undefined {
  const bodySentence = context.sentenceOf[context.bodyStart] ?? 0;
  const sentences = [...datesBySentence.keys()].filter((s) => s >= bodySentence).sort((a, b) => a - b);
  // A date after a future cue ('sẽ được khởi công vào tháng 1', 'theo cam kết ... tháng 10-2004') is
  // when something else will happen or was promised, not when the reported events happened.
  const futures = context.marks.starts[laterDateLexicon.id] ?? [];
  for (const sentence of sentences) {
    const first = context.sentences[sentence]?.first ?? 0;
    for (const date of datesBySentence.get(sentence) ?? []) {
      const at = findTokenAt(context.tokens, date.start);
      if (lowerBound(futures, at) === lowerBound(futures, first)) return date;
    }
  }
  return undefined;
}

/** 'Minister Kovács-Szabó', 'Dr Lim': a capitalised title or name and another after it, not 'USAID support'. */
function isPersonAhead(tokens: TokenList, at: number): boolean {
  const head = tokens.at(at);
  return head?.isCapital === true && !head.isUpper && tokens.at(at + 1)?.isCapital === true;
}

function isAfterDeadlineWord(context: Article, first: number): boolean {
  for (let i = Math.max(0, first - 2); i < first; i++) {
    if (matchLongest(deadlineLexicon, context.marks, i)?.end === first) return true;
  }
  return false;
}

function saysToday(context: Article, sentence: number): boolean {
  const line = context.sentences[sentence];
  if (!line) return false;
  const starts = context.marks.starts[todayLexicon.id] ?? [];
  const at = lowerBoundBy(starts, line.first, (start) => start);
  return at < starts.length && (starts[at] as number) < line.last;
}

function dateTrigger(
  context: Article,
  trigger: EventTrigger,
  sentenceTriggers: readonly EventTrigger[],
  datesBySentence: Map<number, DateMention[]>,
): { start: string | null; end: string | null } {
  const dates = datesBySentence.get(trigger.sentence);
  if (!dates || dates.length === 0) {
    // 'UNFPA today launched ...': the day of publication.
    const today =
      context.published && context.published.length === 10 && saysToday(context, trigger.sentence);
    return { start: today ? context.published : null, end: null };
  }
  const tokens = context.tokens;
  const at = tokens.at(trigger.first)?.start ?? 0;
  // Dates are sorted: the nearest is one of the two around the trigger (the earlier on a tie).
  const after = lowerBoundBy(dates, at, (date) => date.start);
  const before = dates[after - 1];
  const next = dates[after];
  const nearest = before && (!next || at - before.start <= next.start - at) ? before : (next ?? before);
  if (!nearest) return { start: null, end: null };
  const resolved = resolveDate(nearest, context.years, context.published);
  if (!resolved.isRange || !resolved.start) return { start: resolved.start, end: resolved.end };
  // A range belongs to the event nearest to it; a visit's range only bounds the talks inside it.
  let owner: EventTrigger | undefined;
  let ownerDistance = Number.POSITIVE_INFINITY;
  for (const candidate of sentenceTriggers) {
    const gap = distance(tokens, candidate, nearest.start);
    if (gap < ownerDistance) {
      owner = candidate;
      ownerDistance = gap;
    }
  }
  if (!owner || owner.kind === trigger.kind) return { start: resolved.start, end: resolved.end };
  if (containers.has(owner.kind) && resolved.start.slice(0, 7) === resolved.end?.slice(0, 7)) {
    return { start: resolved.start.slice(0, 7), end: null };
  }
  return { start: resolved.start, end: resolved.end };
}

/** Characters between a trigger and a date, edge to edge. */
function distance(tokens: TokenList, trigger: EventTrigger, offset: number): number {
  const start = tokens.at(trigger.first)?.start ?? 0;
  const end = tokens.at(trigger.last - 1)?.end ?? start;
  return offset >= end ? offset - end : Math.abs(start - offset);
}

function otherEvent(context: Article, datesBySentence: Map<number, DateMention[]>): DraftEvent {
  const first = firstBodyDate(context, datesBySentence);
  const resolved = first ? resolveDate(first, context.years, context.published) : null;
  return {
    kind: 'other',
    title: null,
    start: resolved?.start ?? null,
    end: resolved?.end ?? null,
    mode: null,
    location: null,
    spans: first ? [{ start: first.start, end: first.end }] : [],
    confidence: 0.3,
  };
}

function findMode(context: Article): EventMode {
  // Any start of a phrase is a match: no need to list them.
  const online = (context.marks.starts[onlineLexicon.id]?.length ?? 0) > 0;
  const inPerson = (context.marks.starts[inPersonLexicon.id]?.length ?? 0) > 0;
  if (online && inPerson) return 'hybrid';
  return online ? 'online' : 'in_person';
}

const taiKey = keyPhrase('tại')[0];
const locationStops = new Set([',', '.', ';', ':', '(', ')', '“', '”', '"']);
/** Words that end a place ('Seoul on March 14', 'Hà Nội vào ngày 5/3'): a time or a clause follows. */
const locationEnds = keySet(events.locationEnds);
/** Lower-case words an English place name may hold ('Bay of Bengal', 'Palace of the Nations'). */
const placeJoiners = keySet(['of', 'the', 'de']);
const dateJoiners = new Set(['/', '-', '.', '–']);
function findLocation(context: Article, trigger: EventTrigger): string | null {
  const { tokens, sentences } = context;
  const sentence = sentences[trigger.sentence];
  if (!sentence) return null;
  for (let i = sentence.first; i < sentence.last; i++) {
    const fold = tokens.at(i)?.fold;
    if (fold !== 'tai' && fold !== 'in' && fold !== 'at') continue;
    if (fold === 'tai' && tokens.at(i)?.key !== taiKey) continue;
    const next = tokens.at(i + 1);
    if (!next?.isCapital) continue;
    let end = i + 1;
    while (end < sentence.last && end - i < 10 && !isLocationEnd(context, end)) end++;
    const from = next.start;
    const to = tokens.at(end - 1)?.end ?? from;
    return context.text.slice(from, to);
  }
  return null;
}

/** Where a place after 'tại'/'in'/'at' stops: punctuation, a date, a time or clause word, and in
 * English any lower-case word but 'of'/'the' (Vietnamese names hold lower-case syllables: 'Bộ Y tế'). */
function isLocationEnd(context: Article, index: number): boolean {
  const token = context.tokens.at(index);
  if (!token || locationStops.has(token.raw)) return true;
  // 'Bệnh viện 108' keeps its number; '14/3' is a date.
  if (
    token.isNumber &&
    (dateJoiners.has(context.tokens.at(index + 1)?.raw ?? '') || !context.tokens.at(index - 1)?.isWord)
  )
    return true;
  if (locationEnds.has(token.key)) return true;
  return context.lang === 'en' && token.isWord && !token.isCapital && !placeJoiners.has(token.key);
}

/** The token holding `offset`: the first whose end is past it (the last token when none is). */
export function findTokenAt(tokens: TokenList, offset: number): number {
  return Math.min(
    lowerBoundBy(tokens, offset + 1, (token) => token.end),
    Math.max(0, tokens.length - 1),
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
