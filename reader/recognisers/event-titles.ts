// Event titles: each event gets a short title of its own, in the article's language, built from its
// kind, its main agreement (signing), object (handover) or visitor (courtesy call), and its partner
// or place ('Lễ ký Bản ghi nhớ về hợp tác y tế với Hàn Quốc', 'Visit to Seoul'). Without one, every
// event of an article was saved under the article's title.

import type {
  DraftAgreement,
  DraftEvent,
  DraftParticipant,
  DraftPartner,
  EventKind,
} from '../../common/contracts/draft.ts';
import type { Article } from '../article.ts';
import countries from '../lexicons/countries.generated.json' with { type: 'json' };
import words from '../lexicons/event-titles.json' with { type: 'json' };
import { keyPhrase, normaliseText, type Token, tokenize } from '../normalise.ts';
import { lowerBoundBy } from '../sorted.ts';
import { tuning } from '../tuning.ts';

/** What the other recognisers found that an event's title names. */
export interface TitleSources {
  partners: readonly DraftPartner[];
  participants: readonly DraftParticipant[];
  agreements: readonly DraftAgreement[];
}

type Words = (typeof words)['vi'];
const keySet = (list: readonly string[]): Set<string> => new Set(list.map((w) => keyPhrase(w).join(' ')));
const conferenceWords = keySet(words.conferenceWords);
const ceremonyWords = keySet(words.ceremonyWords);
const agreementCuts = keySet(words.agreementCuts);
const titleCuts = keySet(words.titleCuts);
const handoverVerbs = keySet(words.handoverVerbs);
const ceremonyKey = keyPhrase('lễ')[0];
const objectStops = keySet(words.objectStops.map((stop) => stop.split(' ')[0] ?? stop));
const countryNames = new Map(countries.countries.map((country) => [country.code, country]));
const englishNames: Record<string, string> = words.englishPartnerNames;
const titleLength = tuning.events.titleLength;
/** An object or an agreement's name longer than this reads as a sentence, not a name. */
const objectWords = 6;
const agreementLength = 70;

export function titleEvents(article: Article, events: DraftEvent[], sources: TitleSources): DraftEvent[] {
  for (const event of events) event.title = titleOf(article, event, sources);
  return events;
}

function titleOf(article: Article, event: DraftEvent, sources: TitleSources): string {
  const lang = article.lang;
  const w: Words = words[lang];
  const partner = mainPartner(sources.partners, lang);
  const withPartner = partner ? `${w.with} ${partner}` : '';
  const place = isPlace(event.location) ? `${w.at} ${event.location}` : '';
  const surface = triggerSurface(article, event);
  switch (event.kind) {
    case 'signing': {
      const agreement = mainAgreement(sources.agreements, lang);
      const partyName = agreement ? partyPartner(agreement, lang) : null;
      const name = agreement ? (lang === 'en' ? `the ${agreement.name}` : agreement.name) : w.signingFallback;
      const suffix = partyName ? `${w.with} ${partyName}` : withPartner;
      return join([w.heads.signing, name, suffix]);
    }
    case 'visit':
      return join([w.heads.visit, place || withPartner]);
    case 'courtesy_call':
      return join([w.heads.courtesy_call, visitorOf(sources.participants, partner, lang)]);
    case 'handover': {
      const found = handoverObject(article, event);
      const head = found?.verb ? `${words.handoverCeremony} ${found.verb}` : w.heads.handover;
      return join([head, found?.object || w.handoverFallback, partner ? `${w.from} ${partner}` : '']);
    }
    case 'conference':
    case 'other': {
      const named =
        surface && (event.kind === 'conference' ? conferenceWords : ceremonyWords).has(surface.key);
      const head = named ? capitalise(surface.text) : w.heads[event.kind];
      return join([head, withPartner || place]);
    }
    default:
      return join([w.heads[event.kind satisfies EventKind], withPartner || place]);
  }
}

function join(parts: string[]): string {
  return cut(parts.filter(Boolean).join(' '), titleLength);
}

/** The text cut at a word boundary to at most `length` characters, marked with an ellipsis. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const space = text.lastIndexOf(' ', length - 1);
  return `${text.slice(0, space > 0 ? space : length - 1)}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first partner that is not Viet Nam, by its name in the article's language. */
function mainPartner(partners: readonly DraftPartner[], lang: 'vi' | 'en'): string | null {
  const partner = partners.find((p) => p.code !== 'VN');
  return partner ? partnerName(partner.code, lang) : null;
}

function partnerName(code: string, lang: 'vi' | 'en'): string {
  const english = lang === 'en' ? englishNames[code] : undefined;
  return english ?? countryNames.get(code)?.[lang][0] ?? code;
}

/** An agreement's party other than Viet Nam, when the agreement names one. */
function partyPartner(agreement: { parties: readonly string[] }, lang: 'vi' | 'en'): string | null {
  const party = agreement.parties.find((code) => code !== 'VN');
  return party ? partnerName(party, lang) : null;
}

/** The agreement signed at the event (else the first one reported), by a short name. */
function mainAgreement(
  agreements: readonly DraftAgreement[],
  lang: 'vi' | 'en',
): { name: string; parties: readonly string[] } | null {
  const agreement = agreements.find((a) => a.status === 'signed') ?? agreements[0];
  if (!agreement) return null;
  const title = agreement.title ? cutAt(withoutBrackets(agreement.title), agreementCuts) : '';
  const name = title && title.length <= agreementLength ? title : words[lang].agreements[agreement.kind];
  return { name: lang === 'vi' ? capitalise(name) : name, parties: agreement.parties };
}

/** The visitor of a courtesy call: the first titled participant of the partner's side. */
function visitorOf(
  participants: readonly DraftParticipant[],
  partner: string | null,
  lang: 'vi' | 'en',
): string {
  const w = words[lang];
  const visitor = participants.find((p) => p.country && p.country !== 'VN' && p.title);
  if (!visitor?.title) return partner ? `${w.delegation} ${partner}` : w.delegation.split(' ').pop() || '';
  const title = cutAt(visitor.title, titleCuts);
  // 'Thứ trưởng Bộ Y tế Lào' names its country; 'Minister' alone does not.
  const named = !partner || namesPartner(title, visitor.country ?? '');
  const suffix = named ? '' : lang === 'en' ? ` of ${partner}` : ` ${partner}`;
  if (lang === 'vi') return `${title}${suffix}`;
  return `${/^the /i.test(title) ? '' : 'the '}${title}${suffix}`;
}

function namesPartner(title: string, code: string): boolean {
  const country = countryNames.get(code);
  const folded = normaliseText(title).toLowerCase();
  const names = country ? [...country.vi, ...country.en] : [code];
  return names.some((name) => folded.includes(normaliseText(name).toLowerCase()));
}

/** 'Seoul', 'Hà Nội', 'New Delhi': a short name, every word capitalised; not 'trụ sở Bộ Y tế'. */
function isPlace(location: string | null): location is string {
  if (!location) return false;
  const parts = location.split(/\s+/);
  return parts.length <= 4 && parts.every((part) => /^\p{Lu}/u.test(part));
}

/** The text before the first cut word (not the first word): 'Bản ghi nhớ … tại Seoul' → 'Bản ghi nhớ …'. */
function cutAt(text: string, cuts: ReadonlySet<string>): string {
  const normal = normaliseText(text).trim();
  const tokens = tokenize(normal);
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens.at(i) as Token;
    if (cuts.has(token.key)) return normal.slice(0, tokens.at(i - 1)?.end ?? token.start).trim();
  }
  return normal;
}

function withoutBrackets(text: string): string {
  let out = '';
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += char;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The words of the event's first trigger ('hội thảo', 'lễ khởi động') and their key. */
function triggerSurface(article: Article, event: DraftEvent): { text: string; key: string } | null {
  const span = event.spans[0];
  if (!span || span.end <= span.start) return null;
  const text = article.text.slice(span.start, span.end);
  return { text, key: keyPhrase(text).join(' ') };
}

/**
 * What is handed over: the words after the handover verb up to a preposition ('bàn giao 500 máy thở
 * cho', 'tiếp nhận gói viện trợ y tế trị giá'), and the Vietnamese verb itself ('tiếp nhận').
 */
function handoverObject(article: Article, event: DraftEvent): { object: string; verb: string | null } | null {
  const span = event.spans[0];
  if (!span) return null;
  const { tokens } = article;
  let first = lowerBoundBy(tokens, span.start, (token) => token.start);
  let verb: string | null = null;
  // 'lễ tiếp nhận', 'tiếp nhận gói': the trigger holds the verb and may hold the object's first words.
  if (tokens.at(first)?.key === ceremonyKey) first++;
  const pair = `${tokens.at(first)?.key ?? ''} ${tokens.at(first + 1)?.key ?? ''}`;
  if (article.lang === 'vi' && handoverVerbs.has(pair) && (tokens.at(first + 1)?.end ?? 0) <= span.end) {
    verb = article.text.slice(tokens.at(first)?.start ?? 0, tokens.at(first + 1)?.end ?? 0).toLowerCase();
    first += 2;
  } else {
    first = lowerBoundBy(tokens, span.end, (token) => token.start);
  }
  const sentence = article.sentenceOf[first];
  let last = first;
  let count = 0;
  while (last < tokens.length && count <= objectWords) {
    const token = tokens.at(last) as Token;
    // '1,5 triệu liều', '100,000 doses': a number's separators stay inside the object.
    const inNumber =
      tokens.at(last - 1)?.isNumber === true && tokens.at(last + 1)?.isNumber === true && token.glued;
    if (
      article.sentenceOf[last] !== sentence ||
      !(token.isWord || token.isNumber || inNumber) ||
      objectStops.has(token.key)
    )
      break;
    if (!inNumber) count++;
    last++;
  }
  // 'handed over Hanoi …': an English object opening with a name is a place or a recipient.
  const isName = article.lang === 'en' && tokens.at(first)?.isCapital === true;
  if (last === first || count > objectWords || isName) return verb ? { object: '', verb } : null;
  return { object: article.text.slice(tokens.at(first)?.start ?? 0, tokens.at(last - 1)?.end ?? 0), verb };
}
