// Progress statements: sentences reporting that work already agreed is done, under way or being
// reviewed ("hai bên đã hoàn thành…", "a review of the implementation", "handed over"). Review
// matches them against registered commitments and agreements; the reader only finds and dates them.
import type { DraftPartner, DraftProgress, ProgressKind } from '../../common/contracts/draft.ts';
import { foldText } from '../../common/domain/text.ts';
import type { Article } from '../article.ts';
import { describeYears, findDates, resolveDate } from '../dates.ts';

// Cues are matched on folded text (no marks, lower case), so "đã hoàn thành" is "da hoan thanh".
// The first kind whose cue a sentence holds wins: a completion reported at a review is a completion.
const cues: ReadonlyArray<[ProgressKind, RegExp]> = [
  [
    'completed',
    /\b(?:da|vua|duoc) (?:hoan thanh|hoan tat|ban giao|khanh thanh)\b|\b(?:le|viec) (?:ban giao|khanh thanh)\b|\bhoan thanh va ban giao\b|\bdua vao (?:su dung|hoat dong|van hanh)\b|\b(?:has|have|had|was|were|been) (?:successfully )?(?:completed|finished|handed over|inaugurated)\b|\bhanded over\b|\b(?:put|came|come|brought) into (?:operation|use|service)\b|\bcompletion of\b|\bhandover (?:ceremony|of)\b/,
  ],
  [
    'review',
    /\b(?:so ket|tong ket|danh gia giua ky|danh gia ket qua (?:thuc hien|trien khai|hop tac)|danh gia tinh hinh (?:thuc hien|trien khai)|ra soat (?:ket qua|tien do|viec thuc hien|tinh hinh))\b|\b(?:mid-term|midterm|annual|joint) review\b|\breview(?:ed|ing)? (?:of )?(?:the )?(?:implementation|progress|results)\b|\btook stock\b/,
  ],
  [
    'progress',
    /\b(?:da|dang|vua) (?:duoc )?(?:trien khai|thuc hien|dat duoc)\b|\btien do (?:thuc hien|trien khai)\b|\b(?:has|have) been (?:implemented|carried out|rolled out|launched)\b|\b(?:is|are) being (?:implemented|carried out)\b|\bprogress (?:in|on|of) (?:the )?implement/,
  ],
];

// Every cue above holds one of these strings: most sentences fail this one scan (no leading \b, so
// the engine skips ahead quickly) and are spared the three cue scans. Keep it in step with the cues.
const anyCue =
  /hoan|giao|khanh|dua vao|complet|finished|handed|inaugurated|into|handover|so ket|tong ket|danh gia|ra soat|review|took stock|da trien|dang trien|vua trien|duoc trien|thuc hien|dat duoc|tien do|implement|carried|rolled|launched|progress/;

// A promise or plan names the same verbs in the future: it is a commitment, not progress.
const future =
  /\b(?:se|sap|du kien|phan dau|nham|mong muon|will|shall|plan(?:s|ned)? to|expected to|aims? to|to be (?:completed|handed|implemented)|scheduled|hope)\b/;
// Said of now: an earlier year in such a sentence names what is reported on, not when.
const now = /\b(?:vua|hien nay|hom nay|nay da|today|now|recently|this (?:week|month|year))\b/;
// An earlier year right after these words dates the agreement or period worked under.
const yearOfAgreement =
  /\b(?:ky|ky ket|ban ghi nho|hiep dinh|thoa thuan|du an|chuong trinh|giai doan|signed|since|under|mou|memorandum|agreement|project|programme|program|period|from)\s+(?:\S+\s+){0,3}$/;
const agreementNoun =
  /(?:ban ghi nho|hiep dinh|thoa thuan|ke hoach hanh dong|du an|chuong trinh|memorandum of understanding|mou|agreement|project|programme|program|action plan)\b[^.;:!?]{0,80}/;
const earlierYear = /\b(?:19|20)\d{2}\b/g;

// foldText of a sentence, without its slow path and without a string per character. foldText folds through a table of each character's
// fold when every character is Latin or Vietnamese, else through NFD and regex passes over the
// whole text: one curly quote or dash in a sentence, as news prints them, sends it down the slow
// path. General punctuation (U+2000–U+206F) has no decomposition, no case and no marks, so it folds
// to itself either way (its spaces collapse like any other): the same table with it folds the same.
let foldTable: Int32Array | null = null;
/** foldTable entries other than a code unit: take foldText's own path, a space, nothing. */
const slowPath = -1;
const spaceFold = -2;
const emptyFold = -3;

/** The fold of each character up to U+206F as foldText's own table has it (one code unit, a space
 * or nothing), or slowPath where foldText takes its slow path or a fold is longer than one unit. */
function buildFoldTable(): Int32Array {
  const table = new Int32Array(0x2070).fill(slowPath);
  const space = /^\s$/u;
  for (let code = 0; code < table.length; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    const isFoldTableCode =
      code < 0x250 || (code >= 0x300 && code < 0x370) || (code >= 0x1e00 && code < 0x1f00);
    let folded: string | undefined;
    if (isFoldTableCode) {
      const markFree = char
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase();
      folded = space.test(char) ? ' ' : /\s/u.test(markFree) ? undefined : markFree;
    } else if (code >= 0x2000) {
      const isPlain =
        char.normalize('NFD') === char &&
        char.toLowerCase() === char &&
        char.toUpperCase() === char &&
        !/\p{M}/u.test(char);
      folded = space.test(char) ? ' ' : isPlain ? char : undefined;
    }
    if (folded === ' ') table[code] = spaceFold;
    else if (folded === '') table[code] = emptyFold;
    else if (folded !== undefined && folded.length === 1) table[code] = folded.charCodeAt(0);
  }
  return table;
}

/** Code units of the folds being built: reused, so an article costs one string, not one per sentence. */
let foldBuffer = new Uint16Array(4096);
const utf16 = new TextDecoder('utf-16le');
const anyCueEverywhere = new RegExp(anyCue.source, 'g');

/**
 * foldText of each sentence in `ranges` that holds a cue (anyCue), else null. The sentences that
 * fold by the table are folded into one buffer, one line each, decoded once and scanned by anyCue
 * once: no cue spans a line break, so a match names its sentence. The rest take foldText.
 */
function foldCuedSentences(text: string, ranges: readonly [number, number][]): (string | null)[] {
  foldTable ??= buildFoldTable();
  const folds: (string | null)[] = new Array(ranges.length).fill(null);
  let total = 0;
  for (const [start, end] of ranges) total += end - start + 1;
  if (foldBuffer.length < total) foldBuffer = new Uint16Array(total);
  // Each table-folded sentence's [first, last) in the buffer; -1 for one foldText folds.
  const firstOf = new Int32Array(ranges.length);
  const lastOf = new Int32Array(ranges.length);
  let length = 0;
  ranges.forEach(([start, end], index) => {
    const first = length;
    if (!foldInto(text, start, end, first)) {
      const folded = foldText(text.slice(start, end));
      if (anyCue.test(folded)) folds[index] = folded;
      firstOf[index] = -1;
      return;
    }
    length = foldedEnd;
    firstOf[index] = first;
    lastOf[index] = length;
    foldBuffer[length++] = 10;
  });
  const all = utf16.decode(foldBuffer.subarray(0, length));
  let index = 0;
  anyCueEverywhere.lastIndex = 0;
  for (let m = anyCueEverywhere.exec(all); m !== null; m = anyCueEverywhere.exec(all)) {
    while (index < ranges.length && (firstOf[index] === -1 || (lastOf[index] as number) <= m.index)) index++;
    if (index === ranges.length) break;
    folds[index] = all.slice(firstOf[index], lastOf[index]);
    // On to the next sentence: one match is enough for this one.
    anyCueEverywhere.lastIndex = (lastOf[index] as number) + 1;
  }
  return folds;
}

/** Where foldInto's last fold ended in foldBuffer. */
let foldedEnd = 0;

/** foldText(text[start, end)) written into foldBuffer at `at` (false when a character is off the table). */
function foldInto(text: string, start: number, end: number, at: number): boolean {
  const table = foldTable as Int32Array;
  let length = at;
  let pendingSpace = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const part = code < table.length ? (table[code] as number) : slowPath;
    if (part === slowPath) return false;
    if (part === spaceFold) {
      // Leading and repeated whitespace collapse to one space, trailing whitespace is trimmed.
      pendingSpace = length > at;
      continue;
    }
    if (part === emptyFold) continue;
    if (pendingSpace) {
      foldBuffer[length++] = 32;
      pendingSpace = false;
    }
    foldBuffer[length++] = part;
  }
  foldedEnd = length;
  return true;
}

/** Sentence ranges by full stops, question marks, semicolons and line breaks. */
function* sentenceRanges(text: string): Generator<[number, number]> {
  const boundary = /[.!?](?=\s|$)|\n/g;
  let start = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (end - start > 1) yield [start, end];
    start = end;
  }
  if (text.length - start > 1) yield [start, text.length];
}

/** True when an earlier year dates the reported work itself ("Năm 2019, hai bên đã hoàn thành"). */
function isEarlierHistory(folded: string, publishedYear: number | null): boolean {
  if (publishedYear === null || now.test(folded)) return false;
  for (const m of folded.matchAll(earlierYear)) {
    const year = Number(m[0]);
    // A period running to now or later ("2021-2025") is not history.
    const after = folded.slice(m.index + 4, m.index + 10);
    const rangeEnd = /^\s?[-–]\s?((?:19|20)\d{2})/.exec(after);
    if (rangeEnd && Number(rangeEnd[1]) >= publishedYear) continue;
    if (year >= publishedYear) continue;
    if (!yearOfAgreement.test(folded.slice(Math.max(0, m.index - 60), m.index))) return true;
  }
  return false;
}

/** The day or month the sentence gives (not after publication), else the article's date. */
function dateOf(sentence: string, published: string | null): string | null {
  const mentions = findDates(sentence).filter((mention) => !mention.isDocumentDate);
  const years = describeYears(mentions);
  for (const mention of mentions) {
    const { start } = resolveDate(mention, years, published);
    if (
      start &&
      (!published || start.slice(0, 4) === published.slice(0, 4)) &&
      (!published || start <= published)
    )
      return start;
  }
  return published;
}

export function findProgress(
  { text, published }: Pick<Article, 'text' | 'published'>,
  partners: readonly DraftPartner[],
): DraftProgress[] {
  const publishedYear = published ? Number(published.slice(0, 4)) : null;
  const found: DraftProgress[] = [];
  // A title line or a caption is too short to report progress on anything; a run of thousands of
  // characters without a stop is no sentence (a table, a hostile input).
  const ranges = [...sentenceRanges(text)].filter(([start, end]) => end - start >= 25 && end - start <= 2000);
  const folds = foldCuedSentences(text, ranges);
  for (const [index, [start, end]] of ranges.entries()) {
    const folded = folds[index];
    if (folded === null || folded === undefined || found.length >= 20) continue;
    const raw = text.slice(start, end);
    const kind = cues.find(([, cue]) => cue.test(folded))?.[0];
    if (!kind || future.test(folded) || isEarlierHistory(folded, publishedYear)) continue;
    const lead = raw.length - raw.trimStart().length;
    const span = { start: start + lead, end: start + raw.trimEnd().length };
    const partnerCodes = partners
      .filter((partner) => partner.spans.some((s) => s.start >= span.start && s.end <= span.end))
      .map((partner) => partner.code);
    found.push({
      text: raw.trim(),
      kind,
      date: dateOf(raw, published),
      partnerCodes,
      agreementHint: agreementNoun.exec(folded)?.[0].trim() ?? null,
      spans: [span],
      confidence: partnerCodes.length > 0 ? 0.7 : 0.5,
    });
  }
  return found;
}
