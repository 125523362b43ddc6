import { describe, expect, it } from 'vitest';
import {
  describeYears,
  findDates,
  findWeekdays,
  parsePublished,
  parsePublishedTime,
  resolveDate,
} from './dates.ts';
import { tuning } from './tuning.ts';

function resolveAll(text: string, published: string | null = null) {
  const all = findDates(text);
  const years = describeYears(all);
  return all.map((m) => resolveDate(m, years, published));
}

describe('dates', () => {
  it('reads a full date after a daypart', () => {
    expect(resolveAll('Chiều ngày 08/10/2024 đã diễn ra')).toEqual([
      { start: '2024-10-08', end: null, isRange: false },
    ]);
  });

  it('reads a range without a year and takes the year from another date with the same month', () => {
    const [range] = resolveAll('Chuyến thăm (từ 12-14/9) sau thành tựu công bố đầu tháng 9/2025.');
    expect(range).toEqual({ start: '2025-09-12', end: '2025-09-14', isRange: true });
  });

  it('reads ranges written with đến and English ranges either side of the month', () => {
    expect(resolveAll('Từ ngày 10 đến ngày 12/9, đoàn thăm tỉnh', '2025-09-13')[0]).toEqual({
      start: '2025-09-10',
      end: '2025-09-12',
      isRange: true,
    });
    expect(resolveAll('a visit from 3 to 7 November 2025 and talks on November 3-4, 2025')).toEqual([
      { start: '2025-11-03', end: '2025-11-07', isRange: true },
      { start: '2025-11-03', end: '2025-11-04', isRange: true },
    ]);
  });

  it('reads a month written without a year, but not a duration in months', () => {
    expect(resolveAll('công bố hồi tháng 3, sau 3 tháng điều trị', '2025-05-14')).toEqual([
      { start: '2025-03', end: null, isRange: false },
    ]);
  });

  it('reads month-only dates', () => {
    expect(resolveAll('thông qua vào tháng 5/2025')[0]?.start).toBe('2025-05');
  });

  it('takes the year from the publication date', () => {
    expect(resolveAll('Ngày 5/3, hai bên ký', '2024-03-06')[0]?.start).toBe('2024-03-05');
    expect(resolveAll('Ngày 28/12, hai bên ký', '2025-01-03')[0]?.start).toBe('2024-12-28');
  });

  it('leaves an unresolvable date null rather than inventing a year', () => {
    expect(resolveAll('Chiều 12/5, tại Hà Nội')[0]?.start).toBeNull();
    // The year of another date is another event's: '10/9' beside '12/7/2021' has no year.
    expect(resolveAll('Ngày 10/9, hai bên gặp nhau sau cuộc điện đàm ngày 12/7/2021')[0]?.start).toBeNull();
    expect(resolveAll('on August 20 the minister said')[0]?.start).toBeNull();
  });

  it('reads the long form and day-month with a hyphen', () => {
    expect(resolveAll('thứ Ba ngày 18 tháng 7 năm 2023')[0]?.start).toBe('2023-07-18');
    expect(resolveAll('Ngày 10-12, ADB phê duyệt', '2018-12-11')[0]?.start).toBe('2018-12-10');
  });

  it('marks the dates of cited documents', () => {
    const [doc, event] = findDates('công văn số 2035/BYT-QT ngày 10/04/2023, ngày 18 tháng 7 năm 2023');
    expect(doc?.isDocumentDate).toBe(true);
    expect(event?.isDocumentDate).toBe(false);
  });

  it('does not read resolution numbers or ratios as dates', () => {
    expect(findDates('Nghị quyết số 72-NQ/TW và 2035/BYT')).toEqual([]);
  });

  it('reads English dates', () => {
    expect(resolveAll('on October 8, 2024 in Hanoi')[0]?.start).toBe('2024-10-08');
    expect(resolveAll('on 20 August 2021')[0]?.start).toBe('2021-08-20');
  });

  it('parses publication lines', () => {
    expect(parsePublished('08/10/2024 | 17:06 PM')).toBe('2024-10-08');
    expect(parsePublished('Thứ Ba, 11/12/2018, 04:23:10')).toBe('2018-12-11');
    expect(parsePublished('09:23 | 30/06/2012')).toBe('2012-06-30');
    expect(parsePublished('Cập nhật: 15/07/2022')).toBe('2022-07-15');
    expect(parsePublished('')).toBeNull();
  });

  it('parses ISO publication lines, to the month when the day is not printed', () => {
    expect(parsePublished('2023-07-21')).toBe('2023-07-21');
    expect(parsePublished('2023-07-21 08:15')).toBe('2023-07-21');
    expect(parsePublished('2021-09')).toBe('2021-09');
    expect(parsePublished('2023-02-30')).toBeNull();
    expect(parsePublished('2023-13')).toBeNull();
  });

  it('reads two days joined by và as a range', () => {
    expect(resolveAll('Trong hai ngày 12 và 13/3, đoàn làm việc tại tỉnh', '2025-03-20')).toEqual([
      { start: '2025-03-12', end: '2025-03-13', isRange: true },
    ]);
  });

  it('resolves an English weekday against publication, never without it', () => {
    const [mention] = findWeekdays('The two sides met on Monday in Hue.', '2025-03-20');
    expect(mention && resolveDate(mention, describeYears([]), '2025-03-20').start).toBe('2025-03-17');
    expect(findWeekdays('The two sides met on Monday.', null)).toEqual([]);
  });

  it('reads ISO dates in the text and in a prefixed date line', () => {
    expect(resolveAll('Văn bản ký hôm 2023-07-21 tại Hà Nội; giai đoạn 2021-2025.')).toEqual([
      { start: '2023-07-21', end: null, isRange: false },
    ]);
    expect(parsePublished('Cập nhật: 2023-07-21 08:15')).toBe('2023-07-21');
  });

  it("reads a day.month ('sáng 8.7', 'ngày 8-9.7', '(8.7)') after a day word or in brackets, never a decimal", () => {
    expect(
      resolveAll('Sáng 8.7, hai bên họp. Ngày 8-9.7 đoàn thăm. Hôm qua (8.7) có tin.', '2024-07-10'),
    ).toEqual([
      { start: '2024-07-08', end: null, isRange: false },
      { start: '2024-07-08', end: '2024-07-09', isRange: true },
      { start: '2024-07-08', end: null, isRange: false },
    ]);
    expect(findDates('Tỷ lệ tăng từ 8.5 lên 9.2 (8.7%), đạt 8.7 triệu.')).toEqual([]);
  });

  it('reads the clock time a date line prints, and leaves it unknown otherwise', () => {
    expect(parsePublishedTime('08-07-2016 21:29 | Quốc tế')).toBe('21:29');
    expect(parsePublishedTime('Thứ hai, 8/7/2024 - 14h30')).toBe('14:30');
    expect(parsePublishedTime('Monday, July 8, 2024 9:05 PM')).toBe('21:05');
    expect(parsePublishedTime('2023-07-21T08:15+07:00')).toBe('08:15+07:00');
    expect(parsePublishedTime('Cập nhật: 15/07/2022')).toBeNull();
    expect(parsePublishedTime('Họp lúc 10:30')).toBeNull();
  });

  it('tries date patterns beside the first maxAnchors digit runs and month names only', () => {
    const limit = tuning.dates.maxAnchors;
    // Two digit runs a date: the dates past the limit's digit runs are not read.
    expect(findDates('5/3, '.repeat(limit)).length).toBe(limit / 2);
    expect(findDates('1 May, '.repeat(limit + 10)).length).toBeLessThanOrEqual(limit);
    // The last date of a text within the limit is still read.
    const dates = findDates(`${'Ngày 5/3, '.repeat(limit / 2 - 1)}ngày 6/8/2024`);
    expect(dates.at(-1)).toMatchObject({ day: 6, month: 8, year: 2024 });
  });
});
