import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  type CalendarAdjustment,
  createWorkingCalendar,
  daysBetween,
  todayInVietNam,
} from './calendar.ts';
import { vietnamesePublicHolidays } from './holidays.ts';

const statutory = createWorkingCalendar({ publicHolidays: vietnamesePublicHolidays, adjustments: [] });

describe('today in Viet Nam', () => {
  it('is already tomorrow from 17:00 UTC, whatever the host zone', () => {
    expect(todayInVietNam(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(todayInVietNam(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });
});

describe('date arithmetic', () => {
  it('crosses month and year ends and clamps months to their last day', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-20', '2026-01-04')).toBe(15);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});

describe('Vietnamese working days', () => {
  it('keeps the five statutory days of Tết Ất Tỵ 2025 and gives the Saturday back on Monday', () => {
    // Lunar new year 2025 fell on 29 January; the holiday runs from the last day of the old year.
    for (const day of ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03'])
      expect(statutory.isWorkingDay(day), day).toBe(false);
    expect(statutory.isWorkingDay('2025-01-27')).toBe(true);
    expect(statutory.isWorkingDay('2025-02-04')).toBe(true);
    expect(statutory.addWorkingDays('2025-01-24', 2)).toBe('2025-02-04');
  });

  it('follows the lunar calendar to a different Tết in 2026 (Bính Ngọ, 17 February)', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'])
      expect(statutory.isWorkingDay(day), day).toBe(false);
    expect(statutory.isWorkingDay('2026-01-29')).toBe(true);
    // Seven working days from a dossier completed on Friday 13 February 2026.
    expect(statutory.addWorkingDays('2026-02-13', 7)).toBe('2026-03-03');
    expect(statutory.countWorkingDays('2026-02-13', '2026-03-03')).toBe(7);
  });

  it('skips Hùng Kings day, a lunar date: Monday 7 April 2025, and Sunday 26 April 2026 given back on Monday', () => {
    expect(statutory.isWorkingDay('2025-04-07')).toBe(false);
    expect(statutory.isWorkingDay('2026-04-27')).toBe(false);
    expect(statutory.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
  });

  it('counts across the year end and New Year’s Day', () => {
    expect(statutory.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    expect(statutory.countWorkingDays('2025-12-26', '2026-01-05')).toBe(5);
    expect(statutory.addWorkingDays('2026-01-02', -2)).toBe('2025-12-30');
    expect(statutory.countWorkingDays('2026-01-05', '2025-12-26')).toBe(-5);
  });

  it('works the make-up Saturday and rests on the announced bridging day (30 April – 4 May 2025)', () => {
    const announced: CalendarAdjustment[] = [
      { on: '2025-04-26', kind: 'working_day', note: 'Làm bù cho thứ Sáu 02/5' },
      { on: '2025-05-02', kind: 'day_off', note: 'Nghỉ bù, hoán đổi với thứ Bảy 26/4' },
    ];
    const calendar = createWorkingCalendar({
      publicHolidays: vietnamesePublicHolidays,
      adjustments: announced,
    });
    expect(statutory.addWorkingDays('2025-04-25', 1)).toBe('2025-04-28');
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(calendar.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    expect(calendar.countWorkingDays('2025-04-24', '2025-05-05')).toBe(
      statutory.countWorkingDays('2025-04-24', '2025-05-05'),
    );
  });

  it('moves a period that ends on a day off to the next working day', () => {
    expect(statutory.nextWorkingDayFrom('2026-02-15')).toBe('2026-02-23');
    expect(statutory.nextWorkingDayFrom('2026-02-23')).toBe('2026-02-23');
  });
});
