// Step 1: keep the article, drop the page furniture. Related-news and latest-news lists, share
// widgets and repeated photo captions go; the byline and the source line are kept as metadata.

import { parsePublished, parsePublishedTime } from './dates.ts';
import furniture from './lexicons/furniture.json' with { type: 'json' };
import { keySyllable } from './normalise.ts';

export interface CleanedArticle {
  text: string;
  title: string | null;
  published: string | null;
  /** The clock time the date line prints ('17:06', '08:15+07:00'), or null: never made up. */
  publishedTime: string | null;
  byline: string | null;
  sourceLine: string | null;
  url: string | null;
}

const cutHeadings = new Set(furniture.cutHeadings.map(keyLine));
const shareWidgets = new Set(furniture.shareWidgets.map(keyLine));
const cutHeadingShapes = new Set(
  furniture.cutHeadingHeads.flatMap((head) =>
    furniture.cutHeadingTails.map((tail) => keyLine(`${head} ${tail}`)),
  ),
);
const bylineStart = new RegExp(`^(?:${furniture.bylinePrefixes.map(escapeRegex).join('|')})(?:\\s|:|$)`, 'u');
const sourceLine = new RegExp(
  `^(?:${furniture.sourcePrefixes.map(escapeRegex).join('|')})\\b[^\\n]{0,120}?(https?:\\/\\/\\S{1,2000})`,
  'iu',
);
const urlPattern = /https?:\/\/\S{1,2000}/u;
/** 'VTV.vn - ', '(Chinhphu.vn) – ', 'SKĐS - ': the outlet's name before the lead, not part of it. */
const outletPrefix = new RegExp(
  `^\\(?(?:[\\p{L}\\d-]{1,30}\\.(?:vn|com|net|org)|${furniture.outletPrefixes.map(escapeRegex).join('|')})\\)?\\s{0,3}[-–—]\\s{1,3}(?=\\p{L})`,
  'iu',
);
const maxLineForHeading = 60;

/** The line without leading and trailing spaces, tabs and no-break spaces (not String.trim's wider
 * set). A scan from both ends instead of two regexes per line: the unanchored trailing regex retries
 * at every blank run, and this runs once per line of every article. */
function trimBlanks(line: string): string {
  let start = 0;
  let end = line.length;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
  while (start < end && isBlank(line.charCodeAt(start))) start++;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** Headlines run to about 150 characters; twice that and more is prose. */
const longestTitle = 400;

/** Cleans normalised text (NFC, \n line ends). Line 1 is the title, line 2 may be a date line. */
export function cleanArticle(input: string): CleanedArticle {
  const lines = input.split('\n').map(trimBlanks);
  let title: string | null = null;
  let published: string | null = null;
  let publishedTime: string | null = null;
  let byline: string | null = null;
  let source: string | null = null;
  let url: string | null = null;
  const kept: string[] = [];
  let index = 0;
  while (index < lines.length && (lines[index] ?? '') === '') index++;
  if (index < lines.length) {
    const first = lines[index] ?? '';
    // A first line longer than any headline is the body's first paragraph: the article has no
    // title line (pasted without it, or one line of text).
    title = first.length <= longestTitle ? first : null;
    kept.push(first);
    index++;
    // The date line sits right under the title when the page prints one.
    for (let look = index; look < Math.min(lines.length, index + 2); look++) {
      const line = lines[look] ?? '';
      if (line === '') continue;
      if (line.length <= 60) {
        const date = parsePublished(line);
        if (date) {
          published = date;
          publishedTime = parsePublishedTime(line);
          lines[look] = '';
        }
      }
      break;
    }
  }
  let previous = '';
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') {
      if (kept[kept.length - 1] !== '') kept.push('');
      continue;
    }
    const key = line.length <= maxLineForHeading ? keyLine(line) : '';
    if (key && isCutHeading(key)) break;
    if (key && shareWidgets.has(key)) continue;
    const sourceMatch = line.length <= 2200 ? sourceLine.exec(line) : null;
    if (sourceMatch) {
      source = line;
      url = sourceMatch[1] ?? null;
      continue;
    }
    // A photo caption printed twice (image alt text, then the caption itself) is kept once.
    if (line === previous) continue;
    previous = line;
    const content = withoutPhotoCredit(withoutOutlet(line));
    if (content !== '') kept.push(content);
  }
  while (kept.length > 1 && kept[kept.length - 1] === '') kept.pop();
  // The byline is the last short line that is not a sentence.
  const last = kept[kept.length - 1];
  if (kept.length > 2 && last !== undefined && isByline(last)) {
    byline = last;
    kept.pop();
    while (kept.length > 1 && kept[kept.length - 1] === '') kept.pop();
  }
  if (!url && source) url = urlPattern.exec(source)?.[0] ?? null;
  return {
    text: joinWrappedLines(kept).join('\n'),
    title,
    published,
    publishedTime,
    byline,
    sourceLine: source,
    url,
  };
}

// A sentence broken at a hard line break ('… hai bên sẽ\ntăng cường …'): the line ends without a
// sentence's closing mark and the next one goes on in lower case, or the line ends on a comma.
const closesSentence = /[.!?…:;]["”’')\]»]{0,2}$/u;
const opensLowerCase = /^\p{Ll}/u;
const opensLetter = /^[\p{L}\d"“(]/u;

/** Each wrapped line joined to the one before it (a space for the line break), the title excepted. */
function joinWrappedLines(kept: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < kept.length; index++) {
    const line = kept[index] ?? '';
    const last = joined.length - 1;
    const before = joined[last] ?? '';
    if (last >= 1 && line !== '' && before !== '' && isWrapped(before, line))
      joined[last] = `${before} ${line}`;
    else joined.push(line);
  }
  return joined;
}

function isWrapped(before: string, line: string): boolean {
  if (before.endsWith(',')) return opensLetter.test(line);
  return opensLowerCase.test(line) && !closesSentence.test(before);
}

function withoutOutlet(line: string): string {
  const match = outletPrefix.exec(line);
  return match ? line.slice(match[0].length) : line;
}

// '… Bệnh viện - Ảnh: VGP/Nhật Bắc', '(Photo: VNA)': a short credit closing a caption line.
const photoCredit = new RegExp(
  `(?:^|\\s[-–—|]\\s|(?<=[.!?])\\s|\\s?\\()(?:${furniture.photoCreditWords.map(escapeRegex).join('|')})\\s?:\\s?[^.!?:()\\n]{1,80}\\)?\\s*$`,
  'u',
);

// '… tại Hà Nội. Ảnh: VGP/Nhật Bắc. Hai bên …': a credit of capitalised names between two sentences.
const photoCreditBetween = new RegExp(
  `(?<=^|[.!?]\\s)(?:${furniture.photoCreditWords.map(escapeRegex).join('|')})\\s?:\\s?\\p{Lu}[\\p{L}\\p{M}'-]{0,30}(?:(?:\\s|\\s?[/&,]\\s?)\\p{Lu}[\\p{L}\\p{M}'-]{0,30}){0,6}\\.\\s(?=\\p{Lu})`,
  'gu',
);

// '… in Ha Noi. — VNA/VNS Photo Minh Quyết', '(Photo courtesy of the embassy)': an agency's photo
// credit with no colon, after a dash or in brackets at the end of a caption.
const agencyPhotoCredit =
  /(?:\s[-–—]\s?|\s?\()(?:[\p{Lu}][\p{L}/]{1,20}\s)?(?:Photo|Ảnh)\s(?:courtesy\b|[\p{Lu}])[^.!?:()\n]{0,80}\)?\s*$/u;

function withoutPhotoCredit(line: string): string {
  if (line.length > 2200) return line;
  // Every credit photoCredit reads has a colon: a line without one spares its scan of every position.
  const match =
    (line.includes(':') ? photoCredit.exec(line) : null) ??
    (line.includes('Photo') || line.includes('Ảnh') ? agencyPhotoCredit.exec(line) : null);
  const rest = match ? line.slice(0, match.index).trimEnd() : line;
  return rest.includes(':') ? rest.replace(photoCreditBetween, '') : rest;
}

/** 'Tin liên quan' as listed, or a line that is exactly a listed head and tail ('Bài viết cùng
 * chuyên mục'): a subheading such as 'Bài học từ mô hình mới' has words between and stays. */
function isCutHeading(key: string): boolean {
  return cutHeadings.has(key) || cutHeadingShapes.has(key);
}

function isByline(line: string): boolean {
  if (line.length > 60) return false;
  if (/[.!?:;…,]$/u.test(line)) return false;
  const words = line.split(/\s+/u).filter(Boolean);
  if (words.length === 0 || words.length > 9) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return true;
  if (bylineStart.test(line)) return true;
  // 'ThS. Chi Mai - Phòng KH-HTQT': a name, a dash, a unit.
  return /\s[-–]\s/u.test(line) && words.length <= 8;
}

function keyLine(line: string): string {
  return line
    .trim()
    .replace(/[:：.]+$/u, '')
    .split(/\s+/u)
    .map((word) => keySyllable(word)[0])
    .join(' ');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
