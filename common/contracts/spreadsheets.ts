import { z } from 'zod';
import { languages } from '../domain/enums.ts';
import { agreementListQuery } from './agreements.ts';
import { commitmentListQuery } from './commitments.ts';
import { booleanQuery } from './common.ts';
import { eventListQuery } from './events.ts';
import { organisationListQuery } from './organisations.ts';
import { partnerListQuery } from './partners.ts';
import { personListQuery } from './people.ts';
import { sourceListQuery } from './sources.ts';

// Spreadsheets in and out: an export takes the list's own filters (without paging), an import
// answers what it created, updated and left, and every mistake by row and column.

export const listQueries = {
  agreements: agreementListQuery,
  events: eventListQuery,
  commitments: commitmentListQuery,
  people: personListQuery,
  organisations: organisationListQuery,
  partners: partnerListQuery,
  sources: sourceListQuery,
};

const lang = z
  .enum(languages)
  .optional()
  .describe('Headers and labels: vi or en (default: Accept-Language, else vi).');

/** The list's filters, sort and order; the whole result, not a page of it. */
export function exportQuery(collection: keyof typeof listQueries) {
  const listQuery = listQueries[collection] as unknown as z.ZodObject;
  return listQuery.omit({ page: true, pageSize: true }).extend({ lang });
}

export const templateQuery = z.strictObject({ lang });

export const importQuery = z.strictObject({
  /** Shows what would happen and writes nothing; the default. */
  dryRun: booleanQuery.optional(),
  /** Writes the valid rows even when others have mistakes. */
  onlyValid: booleanQuery.optional(),
  lang,
});

export const importActions = ['create', 'update', 'unchanged', 'error'] as const;

export const importError = z.object({
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: z.number().int(),
  /** The column's header as the file names it; empty for a problem of the whole row. */
  column: z.string(),
  /** The whole sentence in the user's language: "Dòng 14, cột Ngày ký: …". */
  message: z.string(),
});

export const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importError),
  isDryRun: z.boolean(),
  /** Whether anything was written: never on a dry run, nor when a row has a mistake and
   * `onlyValid` was not asked for. */
  isWritten: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(importActions),
      id: z.string().nullable(),
      label: z.string(),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResult>;
