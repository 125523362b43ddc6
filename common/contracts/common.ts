import { z } from 'zod';
import { limits } from '../domain/limits.ts';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Years 1 to 9999: PostgreSQL has no year 0, and toISOString writes 10000 as `+010000`, which
 * PostgreSQL cannot read. */
function hasFourDigitYear(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** A calendar date `YYYY-MM-DD` that really exists (no 2024-02-30, no year 0). */
export const isoDate = z
  .string()
  .regex(isoDatePattern, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && hasFourDigitYear(date)
    );
  }, 'is not a real calendar date');

/** YYYY-MM-DD, or YYYY-MM when a source gives only the month. */
export const partialDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be a date written YYYY-MM-DD, or YYYY-MM');

/** A refinement: the period must not end before it starts (`validFrom`…`validTo`, `startOn`…`endOn`). */
export function checkDateOrder<K extends string>(startKey: K, endKey: K) {
  return (value: Partial<Record<K, string | null>>, ctx: z.RefinementCtx) => {
    const start = value[startKey];
    const end = value[endKey];
    if (start && end && start > end) {
      ctx.addIssue({ code: 'custom', path: [endKey], message: `must not be before ${startKey}` });
    }
  };
}

export const isoTimestamp = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 timestamp' })
  .refine((value) => hasFourDigitYear(new Date(value)), 'must fall between the years 1 and 9999 in UTC');

/** An e-mail address; local ones such as admin@localhost are accepted, as mail servers do. */
export const emailAddress = z
  .string()
  .trim()
  .max(320)
  .regex(/^[^@\s]+@[^@\s]+$/, 'must be an e-mail address such as name@moh.gov.vn');

export const recordId = z.uuid({ message: 'must be a record id (UUID)' });
export const areaId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be an area id such as oncology or medical_equipment');

export const shortText = z.string().trim().min(1, 'must not be empty').max(limits.shortText);
/** Other spellings of a name: each one trimmed and non-empty, at most 30. */
export const aliases = z.array(shortText).max(30);
export const optionalShortText = z.string().trim().max(limits.shortText).nullable().optional();
export const longText = z.string().max(limits.longText).nullable().optional();

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as VN or BY');

export const idList = z.array(recordId).max(limits.arrayItemsMax);
export const areaIdList = z.array(areaId).max(limits.arrayItemsMax);

export const version = z.number().int().min(1, 'must be the version you last read');

export const idParams = z.strictObject({ id: recordId });
export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export { booleanQuery };

/**
 * `?ids=a,b,c` or `?ids=a&ids=b`: only the records with these ids (to name linked records in one
 * request instead of one per id). Each id is checked, so a bad one is named by its position.
 */
export function idsQuery(item: z.ZodType<string, string>) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(','))
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(item)
        .min(1, 'must list at least one id')
        .max(limits.listIdsMax, `must list at most ${limits.listIdsMax} ids; ask again for the rest`),
    )
    .optional()
    .describe(
      `Only the records with these ids: comma-separated or repeated, at most ${limits.listIdsMax}. Paging still applies, so send a pageSize that holds them all.`,
    );
}

/** Paging, sorting and free text shared by every list; each collection adds its filters. */
export const listQueryBase = {
  ids: idsQuery(recordId),
  q: z.string().trim().max(limits.searchQueryMax).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.listPageSizeMax).default(limits.listPageSizeDefault),
  order: z.enum(['asc', 'desc']).default('asc'),
};

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Exact up to limits.listCountCap; past it the cap itself, and isTotalCapped is true. */
    total: z.number().int(),
    isTotalCapped: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** True when the page was cut to the server's byte budget (HOPTAC_LIST_BYTE_LIMIT) and fewer
     * items came; always sent, optional only because the server adds it after the route. */
    isTruncated: z.boolean().optional(),
    /** When cut: the page and page size that hold the rest of this page. */
    next: z.object({ page: z.number().int(), pageSize: z.number().int() }).optional(),
  });
}

export const recordMeta = {
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** record.in_use: each record that still points at the one refused. */
  uses: z
    .array(z.object({ collection: z.string(), id: z.string(), label: z.string(), field: z.string() }))
    .optional(),
  /** sources.duplicate: the stored record the new one repeats (`date` YYYY-MM-DD, `matchedBy` url or text). */
  duplicateOf: z
    .object({
      collection: z.string(),
      id: z.string(),
      label: z.string(),
      date: z.string().nullable(),
      matchedBy: z.string(),
    })
    .optional(),
});
export type Problem = z.infer<typeof problem>;
