import type { Language } from './enums.ts';

// Dates of records are Viet Nam's calendar days (YYYY-MM-DD or YYYY-MM): formatted as written,
// never through a time zone. One home for the web app and the files the server writes.

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** `08/10/2024` in Vietnamese, `8 Oct 2024` in English; a month alone as `10/2024` / `10/2024`. */
export function formatDay(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? '1')));
  if (!day)
    return new Intl.DateTimeFormat(locales[language], {
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  if (language === 'vi') return `${day}/${month}/${year}`;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
