import { getLanguage } from './i18n.ts';

// Records are about Vietnam's cooperation and articles are timed in Vietnam, so times are shown
// in Vietnam's zone whatever the reader's machine says.
const timeZone = 'Asia/Ho_Chi_Minh';

const locales = { vi: 'vi-VN', en: 'en-GB' } as const;

function pickParts(date: Date, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).formatToParts(date);
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** Portal timestamp: `dd/MM/yyyy HH:mm` in Vietnamese, "8 Oct 2024, 17:06" in English. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (getLanguage() === 'vi') {
    const p = pickParts(date, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
  }
  return new Intl.DateTimeFormat(locales.en, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    date,
  );
}

/** A calendar date (`YYYY-MM-DD` or `YYYY-MM`) shown per locale, never shifted by time zones. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? '1')));
  const locale = locales[getLanguage()];
  if (!day)
    return new Intl.DateTimeFormat(locale, { month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
      date,
    );
  if (getLanguage() === 'vi') return `${day}/${month}/${year}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locales[getLanguage()], options).format(value);
}

export function formatPercent(value: number): string {
  return formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
}
