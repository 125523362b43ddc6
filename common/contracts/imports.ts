import { z } from 'zod';
import { importStatuses } from '../domain/enums.ts';

/** How far a batch import has come: what is settled, what waits, and why files failed. */
export const importProgress = z.object({
  id: z.string().uuid(),
  status: z.enum(importStatuses),
  total: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  /** The first failures, each with its file and reason. */
  failures: z.array(z.object({ path: z.string(), reason: z.string() })),
});
export type ImportProgress = z.infer<typeof importProgress>;
