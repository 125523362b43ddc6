import { z } from 'zod';
import { radarDefaults } from '../domain/deadlines.ts';
import { commitmentRecord } from './commitments.ts';

/** The radars' thresholds, per request; the defaults are common/domain/deadlines.ts radarDefaults. */
export const radarQuery = z.strictObject({
  silentMonths: z.coerce.number().int().min(1).max(120).default(radarDefaults.silentMonths),
  dormantMonths: z.coerce.number().int().min(1).max(120).default(radarDefaults.dormantMonths),
  renewalWithinDays: z.coerce.number().int().min(0).max(3650).default(radarDefaults.renewalWithinDays),
});
export type RadarQuery = z.infer<typeof radarQuery>;

const agreementSummary = {
  id: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  signedOn: z.string().nullable(),
  validTo: z.string().nullable(),
  signingUnitId: z.string().nullable(),
};

export const radar = z.object({
  silentCommitments: z.array(commitmentRecord),
  dormantAgreements: z.array(
    z.object({
      ...agreementSummary,
      /** The latest event, source, commitment progress or lifecycle step linked to it. */
      lastSignOfLifeOn: z.string(),
    }),
  ),
  renewalWindow: z.array(
    z.object({
      ...agreementSummary,
      currentTermEndsOn: z.string(),
      renewalPeriodMonths: z.number().int().nullable(),
      terminationNoticeDays: z.number().int().nullable(),
      /** The last day to give notice before the term ends (or renews); null without a notice period. */
      noticeDueOn: z.string().nullable(),
    }),
  ),
});
export type Radar = z.infer<typeof radar>;
