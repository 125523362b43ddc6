import { z } from 'zod';
import { booleanQuery, recordId } from './common.ts';

/** Which agreements go into the IATI file: all the caller may read, or one partner's, or the
 * published ones. */
export const iatiExportQuery = z.strictObject({
  partnerId: recordId.optional(),
  isPublished: booleanQuery.optional(),
});
export type IatiExportQuery = z.infer<typeof iatiExportQuery>;
