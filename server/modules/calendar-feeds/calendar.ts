import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import { DateTime } from 'luxon';

/** The time zone of every date hoptac keeps: dates are Viet Nam's calendar days. */
export const calendarTimeZone = 'Asia/Ho_Chi_Minh';

export type CalendarEntry = {
  id: string;
  summary: string;
  /** First and last day, inclusive, as YYYY-MM-DD in Viet Nam. */
  firstDay: string;
  lastDay: string | null;
  location?: string | null;
  description?: string | null;
  /** When the record behind the entry last changed (DTSTAMP). */
  updatedAt: Date;
};

// ical-generator formats a Date's all-day value in the server's own time zone (a server in UTC-8
// would move 08/10 to 07/10); a luxon date in Viet Nam's zone is formatted as that calendar day.
function vietnamDay(day: string): DateTime {
  return DateTime.fromISO(day, { zone: calendarTimeZone });
}

/** An iCalendar document of all-day entries, with the Asia/Ho_Chi_Minh VTIMEZONE. */
export function buildCalendar(name: string, entries: CalendarEntry[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'hoptac', product: 'hoptac', language: 'VI' },
    timezone: { name: calendarTimeZone, generator: getVtimezoneComponent },
  });
  for (const entry of entries) {
    const first = vietnamDay(entry.firstDay);
    // DTEND of an all-day entry is the day after the last one (RFC 5545 §3.6.1).
    const end = vietnamDay(
      entry.lastDay && entry.lastDay > entry.firstDay ? entry.lastDay : entry.firstDay,
    ).plus({
      days: 1,
    });
    calendar.createEvent({
      id: entry.id,
      start: first,
      end,
      allDay: true,
      summary: entry.summary,
      location: entry.location ?? null,
      description: entry.description ?? null,
      stamp: entry.updatedAt,
    });
  }
  return calendar.toString();
}
