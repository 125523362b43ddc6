// People who take part in the reported event: person mentions merged by folded name, minus those
// named only in background sentences (a resolution signed elsewhere, a centre named after someone).
import type { DraftParticipant, DraftPartner, ParticipantRole } from '../../common/contracts/draft.ts';
import { foldText } from '../../common/domain/text.ts';
import type { Article, PersonMention } from '../article.ts';
import { addPhrase, createLexicon, hasMatch, type Lexicon } from '../lexicon.ts';
import people from '../lexicons/people.json' with { type: 'json' };
import { findOrgInTitle } from '../phrases.ts';

/** Folded family names frequent enough to mark an unmarked three-syllable name as Vietnamese. */
const commonSurnameFolds = new Set(people.commonSurnames.map((name) => foldText(name)));
/** A country after these words in a title is the posting, not the side ('Đại sứ Ba Lan tại Việt Nam'). */
const postingWords = new Set(['tại', 'to', 'in']);

const chairLexicon: Lexicon<true> = createLexicon();
for (const cue of [
  'chủ trì',
  'dẫn đầu',
  'làm Trưởng đoàn',
  'làm trưởng đoàn',
  'led',
  'chaired',
  'headed',
  'presided',
])
  addPhrase(chairLexicon, cue, true);
const signLexicon: Lexicon<true> = createLexicon();
for (const cue of ['ký', 'ký kết', 'kí', 'signed', 'signing']) addPhrase(signLexicon, cue, true);

interface Group {
  name: string;
  fold: string;
  mentions: PersonMention[];
}

/** The people of the article grouped by name, with title, organisation, country and role. */
export function assembleParticipants(
  context: Article,
  mentions: readonly PersonMention[],
  partners: readonly DraftPartner[],
): DraftParticipant[] {
  const partnerCodes = partners.map((partner) => partner.code);
  const groups: Group[] = [];
  const byFold = new Map<string, Group>();
  // A name recurs through an article (and tens of thousands of times in a repetitive input):
  // fold each spelling once, foldText being an NFD and four regex passes.
  const folds = new Map<string, string>();
  for (const mention of mentions) {
    const name = nameOf(context, mention);
    let fold = folds.get(name);
    if (fold === undefined) {
      fold = foldText(name);
      folds.set(name, fold);
    }
    const group = groups.find(
      (g) => g.fold === fold || g.fold.endsWith(` ${fold}`) || fold.endsWith(` ${g.fold}`),
    );
    if (group) {
      group.mentions.push(mention);
      if (fold.length > group.fold.length) {
        group.name = name;
        group.fold = fold;
      }
      byFold.set(fold, group);
    } else {
      const created = { name, fold, mentions: [mention] };
      groups.push(created);
      byFold.set(fold, created);
    }
  }
  const participants: DraftParticipant[] = [];
  for (const group of groups) {
    if (group.mentions.every((m) => m.isBackground)) continue;
    const titled = group.mentions
      .filter((m) => m.titleFirst !== -1)
      .sort((a, b) => b.titleLast - b.titleFirst - (a.titleLast - a.titleFirst))[0];
    const title = titled ? sliceTokens(context, titled.titleFirst, titled.titleLast) : null;
    const orgRange = titled ? findOrgInTitle(context.marks, titled.titleFirst, titled.titleLast) : null;
    const org = orgRange
      ? sliceTokens(context, orgRange[0], trimCountryTail(context, orgRange[0], orgRange[1]))
      : null;
    const spans = group.mentions.map((m) => ({
      start: context.tokens.at(m.first)?.start ?? 0,
      end: context.tokens.at(m.last - 1)?.end ?? 0,
    }));
    const isTitled = group.mentions.some((m) => m.titleFirst !== -1);
    participants.push({
      name: group.name,
      title: title ? title.replace(/[\s,:–—-]+$/u, '') || null : null,
      org,
      country: countryOf(context, group, titled, partnerCodes),
      role: roleOf(context, group),
      spans,
      confidence: Math.min(0.95, 0.5 + (isTitled ? 0.2 : 0) + 0.1 * (group.mentions.length - 1)),
    });
  }
  return participants;
}

function nameOf(context: Article, mention: PersonMention): string {
  return sliceTokens(context, mention.first, mention.last);
}

function sliceTokens(context: Article, first: number, last: number): string {
  const start = context.tokens.at(first)?.start ?? 0;
  const end = context.tokens.at(last - 1)?.end ?? start;
  const slice = context.text.slice(start, end);
  return isTidy(slice) ? slice : slice.replace(/\s+/g, ' ').trim();
}

/** True when collapsing whitespace and trimming would leave the text as it is (the usual case),
 * so the regex pass and its copy are skipped. Anything \s may match other than a lone inner space
 * sends the text down the regex path. */
function isTidy(text: string): boolean {
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) return false;
      previousSpace = true;
      continue;
    }
    if (code < 32 || (code >= 0xa0 && isOtherSpace(code))) return false;
    previousSpace = false;
  }
  return !previousSpace || text.length === 0;
}

function isOtherSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** 'Bộ Y tế nước Cộng hòa ... Việt Nam' keeps its country in `country`, not in `org`. */
function trimCountryTail(context: Article, first: number, last: number): number {
  let end = last;
  while (end > first && context.entityMask[end - 1] !== -1) end--;
  while (end > first && (context.tokens.at(end - 1)?.key === 'nước' || !context.tokens.at(end - 1)?.isWord))
    end--;
  return end > first ? end : last;
}

function countryOf(
  context: Article,
  group: Group,
  titled: PersonMention | undefined,
  partnerCodes: readonly string[],
): string | null {
  let posting: string | null = null;
  if (titled) {
    for (let i = titled.titleFirst; i < titled.titleLast; i++) {
      const index = context.entityMask[i] ?? -1;
      const entity = index === -1 ? undefined : context.entities[index];
      if (!entity) continue;
      if (entity.first === i && postingWords.has(context.tokens.at(i - 1)?.key ?? '')) {
        posting ??= entity.code;
        continue;
      }
      return entity.code;
    }
    // 'Japanese Ambassador Ito Naoki', 'Vietnamese Health Minister ...': a country right before the title.
    const before = context.entityMask[titled.titleFirst - 1] ?? -1;
    const entity = before === -1 ? undefined : context.entities[before];
    if (entity?.kind === 'country' && entity.last === titled.titleFirst) return entity.code;
    if (posting !== null) return posting;
    // '…, Chủ nhiệm Văn phòng Ngoại sự Khu tự trị Quảng Tây, Trung Quốc': the country closing the title.
    if (context.tokens.at(titled.titleLast)?.raw === ',') {
      const after = context.entityMask[titled.titleLast + 1] ?? -1;
      const tail = after === -1 ? undefined : context.entities[after];
      if (tail?.kind === 'country' && tail.first === titled.titleLast + 1) return tail.code;
    }
  }
  const first = group.mentions[0];
  const head = first ? context.tokens.at(first.first) : undefined;
  const looksVietnamese = head !== undefined && /[ăâđêôơư\u1ea0-\u1ef9]/iu.test(group.name);
  if (looksVietnamese) return 'VN';
  // 'Minister Dao Hong Lan', 'Nguyen Truong Son': a Vietnamese name written without marks.
  const words = group.fold.split(' ');
  if (words.length >= 3 && commonSurnameFolds.has(words[0] ?? '')) return 'VN';
  const foreign = partnerCodes.filter((code) => code !== 'VN');
  return foreign.length === 1 ? (foreign[0] ?? null) : null;
}

function roleOf(context: Article, group: Group): ParticipantRole {
  let role: ParticipantRole = 'attendee';
  for (const mention of group.mentions) {
    const sentence = context.sentences[mention.sentence];
    if (!sentence) continue;
    for (let i = mention.last; i < Math.min(sentence.last, mention.last + 12); i++) {
      if (hasMatch(chairLexicon, context.marks, i)) return 'chair';
      if (hasMatch(signLexicon, context.marks, i)) role = 'signatory';
    }
  }
  return role;
}
