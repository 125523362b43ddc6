// A source whose article gave only its date is stored at noon in Viet Nam (sources.service
// `toPublishedAt`), so that it reads as the same day everywhere. That exact instant is the mark of
// an unknown time: the portal then shows the date alone rather than an invented 12:00.

const vietNamOffsetMs = 7 * 60 * 60 * 1000;

/** False for the date-only mark (12:00:00.000 Viet Nam time), true for any other instant. */
export function isPublishedTimeKnown(iso: string | null | undefined): boolean {
  if (!iso) return false;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return false;
  return new Date(time + vietNamOffsetMs).toISOString().slice(11, 23) !== '12:00:00.000';
}

/** The calendar day (YYYY-MM-DD) of an instant in Viet Nam. */
export function dayInVietNam(iso: string): string {
  return new Date(Date.parse(iso) + vietNamOffsetMs).toISOString().slice(0, 10);
}
