// Date mentions in Vietnamese and English news. General parsers miss ranges (12-14/9), dayparts
// (Chiều ngày), '14h30' and NFD input, so these patterns are written for the press style. Every
// quantifier is bounded, so scanning stays linear.
import { tuning } from './tuning.ts';

export interface DateMention {
  start: number;
  end: number;
  day: number | null;
  month: number;
  year: number | null;
  endDay: number | null;
  endMonth: number | null;
  /** The date of a cited document ('công văn số 2035/BYT-QT ngày 10/04/2023'), not of an event. */
  isDocumentDate: boolean;
}

export interface ResolvedDate {
  start: string | null;
  end: string | null;
  /** True when a day-level range exists (the date is a span of days). */
  isRange: boolean;
}

const monthNames: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const fullMonthAlternation =
  'January|February|March|April|May|June|July|August|September|October|November|December';
const monthAlternation =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

interface Pattern {
  /** Sticky: tried at one offset at a time. */
  regex: RegExp;
  /**
   * Every match of the pattern holds an anchor, the start of a run of digits or of a capitalised
   * month abbreviation (Jan ... Dec), `nearest` to `farthest` code units after the match's start.
   * The pattern is tried only there, not at every offset of the text.
   */
  anchor: 'digits' | 'month';
  at: readonly [nearest: number, farthest: number];
  /** The code units a match can start with, when few: offsets starting otherwise are not tried. */
  lead?: readonly number[];
  /** The code units that can follow the anchor's digit run, when few: other anchors are not tried. */
  follow?: readonly number[];
  /** The pattern's opening lookbehind, as a test of the code unit before an offset: offsets it
   * rules out are not tried (digit-dense input such as '1/1/1/…' would try every digit run). */
  notAfter?: (code: number) => boolean;
  build: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end' | 'isDocumentDate'> | null;
}

const n = (value: string | undefined): number | null => (value === undefined ? null : Number(value));

/** A pattern opening with \d: no match starts elsewhere. */
const digitCodes = [...'0123456789'].map((c) => c.charCodeAt(0));
const slash = 47;
/** What `(?<![\d/.-])` rules out before a date. */
const isDigitOrDateMark = (code: number) => isDigit(code) || code === slash || code === 46 || code === 45;

const letter = /\p{L}/u;
const isBmpLetter = (code: number) =>
  code >= 0x41 && (code < 0xd800 || code > 0xdfff) && letter.test(String.fromCharCode(code));

/** '.', '-' and '–': what follows the day of '8.7' or '8-9.7'. */
const dayMonthFollow = [46, 45, 0x2013];

const patterns: Pattern[] = [
  {
    // 12-14/9, 26 - 29/6/2022, 30/6-2/7, (hai ngày) 5 và 6/8, (từ ngày) 10 đến (ngày) 12/9
    regex:
      /(?<![\d/])(\d{1,2})(?:\s{0,2}\/\s{0,2}(\d{1,2}))?(?:\s{0,2}[-–]\s{0,2}|\s{1,2}(?:và|and)\s{1,2}|\s{1,3}đến\s{1,3}(?:ngày\s{1,3})?)(\d{1,2})\s{0,2}\/\s{0,2}(\d{1,2})(?:\s{0,2}\/\s{0,2}(\d{4}))?(?![\d/])/y,
    anchor: 'digits',
    at: [0, 0],
    notAfter: (code) => isDigit(code) || code === slash,
    build: (m) => ({
      day: n(m[1]),
      month: n(m[2]) ?? (n(m[4]) as number),
      year: n(m[5]),
      endDay: n(m[3]),
      endMonth: n(m[4]),
    }),
  },
  {
    // 08/10/2024, 08.10.2024, 8-10-2024
    regex: /(?<![\d/.-])(\d{1,2})\s{0,2}([/.-])\s{0,2}(\d{1,2})\s{0,2}\2\s{0,2}(\d{4})(?![\d/])/y,
    anchor: 'digits',
    at: [0, 0],
    notAfter: isDigitOrDateMark,
    build: (m) => ({ day: n(m[1]), month: n(m[3]) as number, year: n(m[4]), endDay: null, endMonth: null }),
  },
  {
    // 2023-07-21 (ISO, as feeds, archives and English agency pages print a date)
    regex: /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])/y,
    anchor: 'digits',
    at: [0, 0],
    notAfter: isDigitOrDateMark,
    follow: [45],
    build: (m) => ({ day: n(m[3]), month: n(m[2]) as number, year: n(m[1]), endDay: null, endMonth: null }),
  },
  {
    // sáng 8.7, ngày 8-9.7 (day.month as many papers print it): only after a day word, where a
    // decimal ('tăng 8.7%', 'từ 8.5 lên 9') never stands
    regex:
      /(?<=(?:ngày|sáng|chiều|trưa|tối|đêm|hôm|hôm nay|hôm qua)\s{1,3})(\d{1,2})(?:[-–](\d{1,2}))?\.(\d{1,2})(?![\d.,]?\d)(?!\s{0,2}%)/iuy,
    anchor: 'digits',
    at: [0, 0],
    follow: dayMonthFollow,
    build: (m) => dottedDayMonth(m),
  },
  {
    // (8.7), (8-9.7): a day.month in brackets after the day it qualifies ('hôm qua (8.7)')
    regex: /(?<=\()(\d{1,2})(?:[-–](\d{1,2}))?\.(\d{1,2})(?=\))/y,
    anchor: 'digits',
    at: [0, 0],
    follow: dayMonthFollow,
    build: (m) => dottedDayMonth(m),
  },
  {
    // ngày 18 tháng 7 năm 2023, 18 tháng 7
    regex: /(?<!\d)(\d{1,2})\s{1,3}tháng\s{1,3}(\d{1,2})(?:\s{0,3}(?:năm|,)\s{0,3}(\d{4}))?(?!\d)/iuy,
    anchor: 'digits',
    at: [0, 0],
    notAfter: isDigit,
    build: (m) => ({ day: n(m[1]), month: n(m[2]) as number, year: n(m[3]), endDay: null, endMonth: null }),
  },
  {
    // tháng 5/2025, đầu tháng 9/2025, tháng 5 năm 2025
    regex: /tháng\s{1,3}(\d{1,2})\s{0,2}(?:[/-]|\s{1,3}năm\s{1,3})\s{0,2}(\d{4})(?!\d)/iuy,
    // 'tháng' in any case is five code units, each \s one.
    anchor: 'digits',
    at: [6, 8],
    lead: [...'tT'].map((c) => c.charCodeAt(0)),
    build: (m) => ({ day: null, month: n(m[1]) as number, year: n(m[2]), endDay: null, endMonth: null }),
  },
  {
    // hồi tháng 3, đầu tháng 9 (a month without a year: the year comes from the article)
    // Not a frequency: 'mỗi tháng 1 lần', 'hằng tháng 2 đợt'.
    regex:
      /(?<!(?:mỗi|hàng|hằng)\s{1,3})tháng\s{1,3}(\d{1,2})(?![\d/.,-]?\d)(?!\s{0,2}(?:năm|[/-]))(?!\s{1,3}(?:lần|đợt|buổi|kỳ))/iuy,
    anchor: 'digits',
    at: [6, 8],
    lead: [...'tT'].map((c) => c.charCodeAt(0)),
    build: (m) => ({ day: null, month: n(m[1]) as number, year: null, endDay: null, endMonth: null }),
  },
  {
    // ngày 10-12 (day-month with a hyphen, only after 'ngày')
    regex: /ngày\s{1,3}(\d{1,2})-(\d{1,2})(?![\d/-]|\.\d)/iuy,
    anchor: 'digits',
    at: [5, 7],
    lead: [...'nN'].map((c) => c.charCodeAt(0)),
    build: (m) => ({ day: n(m[1]), month: n(m[2]) as number, year: null, endDay: null, endMonth: null }),
  },
  {
    // 5/3, 19/8
    regex: /(?<![\d/\p{L}.-])(\d{1,2})\/(\d{1,2})(?![\d/\p{L}])/uy,
    anchor: 'digits',
    at: [0, 0],
    // A letter before rules it out too; a surrogate (half of an astral letter or not) is left to
    // the pattern itself.
    notAfter: (code) => isDigitOrDateMark(code) || isBmpLetter(code),
    build: (m) => ({ day: n(m[1]), month: n(m[2]) as number, year: null, endDay: null, endMonth: null }),
  },
  {
    // November 3-7, 2025 / Nov. 3 to 7
    regex: new RegExp(
      `\\b(${monthAlternation})\\.?\\s{1,3}(\\d{1,2})\\s{0,3}(?:-|–|to)\\s{0,3}(\\d{1,2})\\b(?:,?\\s{1,3}(\\d{4})\\b)?`,
      'y',
    ),
    anchor: 'month',
    at: [0, 0],
    build: (m) => {
      const month = monthNames[(m[1] ?? '').toLowerCase()] ?? 0;
      return { day: n(m[2]), month, year: n(m[4]), endDay: n(m[3]), endMonth: month };
    },
  },
  {
    // (from) 3 to 7 November 2025, 3-7 Nov
    regex: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s{0,3}(?:-|–|to|and)\\s{0,3}(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(${monthAlternation})\\b(?:,?\\s{1,3}(\\d{4})\\b)?`,
      'y',
    ),
    // Day, suffix, spaces, separator, spaces, day, suffix, spaces: 4 to 20 code units before the month.
    anchor: 'month',
    at: [4, 20],
    lead: digitCodes,
    build: (m) => {
      const month = monthNames[(m[3] ?? '').toLowerCase()] ?? 0;
      return { day: n(m[1]), month, year: n(m[4]), endDay: n(m[2]), endMonth: month };
    },
  },
  {
    // August 20, 2021 / Aug. 20
    regex: new RegExp(
      `\\b(${monthAlternation})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s{1,3}(\\d{4})\\b)?`,
      'y',
    ),
    anchor: 'month',
    at: [0, 0],
    build: (m) => ({
      day: n(m[2]),
      month: monthNames[(m[1] ?? '').toLowerCase()] ?? 0,
      year: n(m[3]),
      endDay: null,
      endMonth: null,
    }),
  },
  {
    // 20 August 2021
    regex: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(${monthAlternation})\\b(?:,?\\s{1,3}(\\d{4})\\b)?`,
      'y',
    ),
    // Day (1-2), suffix (0 or 2), spaces (1-3), then the month.
    anchor: 'month',
    at: [2, 7],
    lead: digitCodes,
    build: (m) => ({
      day: n(m[1]),
      month: monthNames[(m[2] ?? '').toLowerCase()] ?? 0,
      year: n(m[3]),
      endDay: null,
      endMonth: null,
    }),
  },
  {
    // in July (a full month name after 'in'; the year comes from the article)
    regex: new RegExp(`\\b[Ii]n\\s{1,3}(${fullMonthAlternation})\\b(?!\\s{0,3}\\d)`, 'y'),
    // 'in' and one to three spaces before the month.
    anchor: 'month',
    at: [3, 5],
    lead: [...'iI'].map((c) => c.charCodeAt(0)),
    build: (m) => ({
      day: null,
      month: monthNames[(m[1] ?? '').toLowerCase()] ?? 0,
      year: null,
      endDay: null,
      endMonth: null,
    }),
  },
  {
    // August 2021
    regex: new RegExp(`\\b(${monthAlternation})\\s{1,3}(\\d{4})\\b`, 'y'),
    anchor: 'month',
    at: [0, 0],
    build: (m) => ({
      day: null,
      month: monthNames[(m[1] ?? '').toLowerCase()] ?? 0,
      year: n(m[2]),
      endDay: null,
      endMonth: null,
    }),
  },
];

function dottedDayMonth(m: RegExpExecArray): Omit<DateMention, 'start' | 'end' | 'isDocumentDate'> {
  const month = n(m[3]) as number;
  const endDay = n(m[2]);
  return { day: n(m[1]), month, year: null, endDay, endMonth: endDay === null ? null : month };
}

const documentBefore = /(?:số|No\.?)\s{1,3}[\p{L}\p{N}/.-]{1,40}\s{1,3}(?:ngày\s{1,3})?$/iu;
// The full pattern retries at every offset of its window; this cheap test rules most windows out.
const documentWord = /số|No/iu;

const digitRun = /\d+/g;
// Every month name of the English patterns starts with one of these (a capital, two small letters:
// two can never overlap).
const monthAbbreviation = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/g;

export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  const anchors = { digits: digitRunStarts(text), month: monthStarts(text) };
  for (let p = 0; p < patterns.length; p++) {
    const pattern = patterns[p] as Pattern;
    const [nearest, farthest] = pattern.at;
    const { regex: sticky, lead, follow, notAfter } = pattern;
    // The same matches as a global scan: offsets in ascending order, each from the end of the
    // last match on, and no match can start at an offset left out.
    let from = 0;
    let tried = -1;
    for (const anchor of anchors[pattern.anchor]) {
      if (follow && !follow.includes(text.charCodeAt(digitRunEnd(text, anchor)))) continue;
      for (let at = Math.max(tried + 1, anchor - farthest, 0); at <= anchor - nearest; at++) {
        tried = at;
        if (at < from || (lead && !lead.includes(text.charCodeAt(at)))) continue;
        if (notAfter && at > 0 && notAfter(text.charCodeAt(at - 1))) continue;
        sticky.lastIndex = at;
        const m = sticky.exec(text);
        if (m === null) continue;
        addMention(found, pattern, m);
        from = at + m[0].length;
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateMention[] = [];
  let coveredTo = -1;
  for (const mention of found) {
    if (mention.start < coveredTo) continue;
    // Asked only of the mentions kept: it depends on the text before the start alone.
    mention.isDocumentDate = isDocumentDate(text, mention.start);
    kept.push(mention);
    coveredTo = mention.end;
  }
  return kept;
}

/** Where each run of ASCII digits starts, ascending. */
function digitRunStarts(text: string): number[] {
  const starts: number[] = [];
  digitRun.lastIndex = 0;
  // test, not exec: no match object per run; the run's start is found walking back from its end.
  while (starts.length < tuning.dates.maxAnchors && digitRun.test(text)) {
    let start = digitRun.lastIndex - 1;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    starts.push(start);
  }
  return starts;
}

function digitRunEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  return end;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function monthStarts(text: string): number[] {
  const starts: number[] = [];
  monthAbbreviation.lastIndex = 0;
  while (starts.length < tuning.dates.maxAnchors && monthAbbreviation.test(text))
    starts.push(monthAbbreviation.lastIndex - 3);
  return starts;
}

function addMention(found: DateMention[], pattern: Pattern, m: RegExpExecArray): void {
  const built = pattern.build(m);
  if (!built || !isValid(built)) return;
  const start = m.index;
  found.push({
    day: built.day,
    month: built.month,
    year: built.year,
    endDay: built.endDay,
    endMonth: built.endMonth,
    start,
    end: start + m[0].length,
    isDocumentDate: false,
  });
}

function isDocumentDate(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  return documentWord.test(before) && documentBefore.test(before);
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const weekdayPattern = /\bon\s{1,3}(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

/**
 * 'on Thursday' in an English report: the last such weekday on or before publication (news
 * reports the week's events). Without a publication date it stays unresolved, so none is made.
 */
export function findWeekdays(text: string, published: string | null): DateMention[] {
  if (!published || published.length < 10) return [];
  const base = new Date(`${published.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(base.getTime())) return [];
  const found: DateMention[] = [];
  // Every weekday name ends in 'day': a text without it (most Vietnamese ones) has no match.
  if (!text.includes('day')) return found;
  weekdayPattern.lastIndex = 0;
  for (let m = weekdayPattern.exec(text); m !== null; m = weekdayPattern.exec(text)) {
    const wanted = weekdays.indexOf((m[1] ?? '').toLowerCase());
    const back = (base.getUTCDay() - wanted + 7) % 7;
    const day = new Date(base.getTime() - back * 86_400_000);
    const start = m.index + m[0].length - (m[1] ?? '').length;
    found.push({
      start,
      end: m.index + m[0].length,
      day: day.getUTCDate(),
      month: day.getUTCMonth() + 1,
      year: day.getUTCFullYear(),
      endDay: null,
      endMonth: null,
      isDocumentDate: false,
    });
  }
  return found;
}

function isValid(d: Omit<DateMention, 'start' | 'end' | 'isDocumentDate'>): boolean {
  if (d.month < 1 || d.month > 12) return false;
  if (d.day !== null && (d.day < 1 || d.day > 31)) return false;
  if (d.endDay !== null && (d.endDay < 1 || d.endDay > 31)) return false;
  if (d.endMonth !== null && (d.endMonth < 1 || d.endMonth > 12)) return false;
  if (d.year !== null && (d.year < 1900 || d.year > 2100)) return false;
  return true;
}

/** What a text's dates say about years, gathered once so resolving each mention is O(1). */
export interface YearHints {
  /** By month (1-12): the year of the first mention of that month written with one. */
  yearOfMonth: (number | null)[];
  /** The latest year written anywhere, or 0. */
  latestYear: number;
}

export function describeYears(all: readonly DateMention[]): YearHints {
  const yearOfMonth: (number | null)[] = new Array(13).fill(null);
  let latestYear = 0;
  for (const mention of all) {
    if (mention.year === null) continue;
    if (yearOfMonth[mention.month] === null) yearOfMonth[mention.month] = mention.year;
    if (mention.year > latestYear) latestYear = mention.year;
  }
  return { yearOfMonth, latestYear };
}

/**
 * The year for a mention written without one: the publication year (stepping back a year when the
 * date would fall well after publication), else a year written beside the same month elsewhere in
 * the text. Otherwise null: never invented, nor borrowed from another date ('10/9' beside
 * '12/7/2021' stays without a year, as the annotation conventions of real articles read it).
 */
export function inferYear(mention: DateMention, years: YearHints, published: string | null): number | null {
  if (mention.year !== null) return mention.year;
  if (published) {
    const year = Number(published.slice(0, 4));
    const month = Number(published.slice(5, 7));
    return mention.month > month + 1 ? year - 1 : year;
  }
  return years.yearOfMonth[mention.month] ?? null;
}

export function resolveDate(mention: DateMention, years: YearHints, published: string | null): ResolvedDate {
  const year = inferYear(mention, years, published);
  if (year === null) return { start: null, end: null, isRange: false };
  const start = formatDate(year, mention.month, mention.day);
  let end: string | null = null;
  if (mention.endDay !== null) {
    const endMonth = mention.endMonth ?? mention.month;
    const endYear = endMonth < mention.month ? year + 1 : year;
    end = formatDate(endYear, endMonth, mention.endDay);
  }
  return { start, end, isRange: end !== null };
}

/** The publication date from a date line such as '08/10/2024 | 17:06 PM' or 'Thứ Ba, 11/12/2018'. */
// '2023-07-21', '2023-07-21 08:15', '2021-09': the ISO forms feeds and archive pages print.
const isoDateLine = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

// The date line is read twice in a row, for its date and then for its time: the last answer is kept.
let lastPublishedLine: string | null = null;
let lastPublished: string | null = null;

export function parsePublished(line: string): string | null {
  if (line === lastPublishedLine) return lastPublished;
  lastPublished = readPublished(line);
  lastPublishedLine = line;
  return lastPublished;
}

function readPublished(line: string): string | null {
  const iso = isoDateLine.exec(line.trim());
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), iso[3] ? Number(iso[3]) : null];
    const isReal = month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= daysIn(year, month)));
    return isReal && year >= 1900 ? formatDate(year, month, day) : null;
  }
  for (const mention of findDates(line)) {
    if (mention.year !== null && mention.day !== null)
      return formatDate(mention.year, mention.month, mention.day);
  }
  return null;
}

// '17:06', '04:23:10', '14h30', '9:05 PM', '08:15+07:00': the clock time a date line prints.
const clockTime =
  /(?<![\d:])(\d{1,2})(?::|h(?=\d{2}))(\d{2})(?::\d{2})?(?:\s{0,2}(AM|PM|SA|CH|a\.m\.|p\.m\.))?(Z|[+-]\d{2}:?\d{2})?(?![\d:])/i;

/**
 * The publication time a date line prints beside its date ('08/10/2024 | 17:06' → '17:06'), as
 * 'HH:MM', with the offset when the line gives one ('08:15+07:00'); null when the line prints no
 * time or no date: an unknown time is left unknown, never made up.
 */
export function parsePublishedTime(line: string): string | null {
  if (line.length > 80 || parsePublished(line) === null) return null;
  const match = clockTime.exec(line.replace(isoDatePart, ' '));
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const half = (match[3] ?? '').toLowerCase();
  if (half && (hour < 1 || hour > 12) && !(half.startsWith('p') || half === 'ch')) return null;
  if ((half.startsWith('p') || half === 'ch') && hour < 12) hour += 12;
  if ((half.startsWith('a') || half === 'sa') && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  const offset = match[4] ? match[4].toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : '';
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}${offset}`;
}
/** The date of an ISO line, so its 'T' does not hide the time: '2023-07-21T08:15' reads as ' 08:15'. */
const isoDatePart = /\d{4}-\d{2}-\d{2}T?/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatDate(year: number, month: number, day: number | null): string {
  const head = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  return day === null ? head : `${head}-${String(day).padStart(2, '0')}`;
}
