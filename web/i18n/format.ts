import { formatDay } from '../../common/domain/format.ts';
import { dayInVietNam, isPublishedTimeKnown } from '../../common/domain/published-time.ts';
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
  return formatDay(value, getLanguage());
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locales[getLanguage()], options).format(value);
}

export function formatPercent(value: number): string {
  return formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
}

/** When a source was published: date and time, or the date alone when the article gave no time
 * (never an invented 12:00). */
export function formatPublishedAt(iso: string | null | undefined): string {
  if (!iso) return '';
  return isPublishedTimeKnown(iso) ? formatDateTime(iso) : formatDate(dayInVietNam(iso));
}
