import { z } from 'zod';
import {
  agreementKinds,
  agreementStatuses,
  commitmentStatuses,
  eventKinds,
  partnerKinds,
} from '../domain/enums.ts';
import { timelineKinds } from '../domain/timeline.ts';
import { areaId, recordId } from './common.ts';

/** The dashboard's filters; they narrow the timeline, the figures stay whole. */
export const dashboardQuery = z.strictObject({
  partnerId: recordId.optional(),
  areaId: areaId.optional(),
  kind: z.enum(timelineKinds).optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** The most timeline entries one answer carries; `timelineTotal` says how many matched. */
export const timelineLimit = 200;
/** The most partners and areas the matrix draws (the most active first). */
export const matrixPartnerLimit = 30;
export const matrixAreaLimit = 40;

const count = z.number().int().min(0);

export const dashboardPartner = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(partnerKinds),
  nameVi: z.string(),
  nameEn: z.string(),
  /** ISO 3166-1 numeric code of a country (the map's shape ids); null for organisations. */
  numericCode: z.string().nullable(),
  agreementsInForce: count,
  /** Events with the partner in the last two years up to today. */
  recentEvents: count,
});
export type DashboardPartner = z.infer<typeof dashboardPartner>;

export const timelineEntry = z.object({
  entry: z.enum(['event', 'signing']),
  id: z.string(),
  kind: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  on: z.string(),
  partnerIds: z.array(z.string()),
  areaIds: z.array(z.string()),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

const areaLabel = z.object({ id: z.string(), labelVi: z.string(), labelEn: z.string() });
const partnerLabel = z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string() });

export const matrixCell = z.object({
  areaId: z.string(),
  partnerId: z.string(),
  agreements: count,
  events: count,
  openCommitments: count,
});
export type MatrixCell = z.infer<typeof matrixCell>;

export const dashboard = z.object({
  today: z.string(),
  partners: z.array(dashboardPartner),
  timeline: z.array(timelineEntry),
  timelineTotal: count,
  matrix: z.object({
    areas: z.array(areaLabel),
    partners: z.array(partnerLabel),
    cells: z.array(matrixCell),
  }),
  agreementsByStatusAndKind: z.array(
    z.object({ status: z.enum(agreementStatuses), kind: z.enum(agreementKinds), count }),
  ),
  signingsPerYear: z.array(z.object({ year: z.number().int(), count })),
  commitmentsByStatus: z.array(z.object({ status: z.enum(commitmentStatuses), count })),
  /** Per Vietnamese owner unit; `organisationId` null counts commitments with no owner yet. */
  commitmentsByOwner: z.array(
    z.object({
      organisationId: z.string().nullable(),
      nameVi: z.string(),
      nameEn: z.string(),
      open: count,
      overdue: count,
      closed: count,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboard>;

/** The portal's dashboard: published agreements and events only, and no commitments, which are
 * never published. */
export const publicDashboard = dashboard
  .omit({ commitmentsByStatus: true, commitmentsByOwner: true, matrix: true })
  .extend({
    matrix: z.object({
      areas: z.array(areaLabel),
      partners: z.array(partnerLabel),
      cells: z.array(matrixCell.omit({ openCommitments: true })),
    }),
  });
export type PublicDashboard = z.infer<typeof publicDashboard>;

/** The most records of each kind an area page lists; the totals say how many there are. */
export const areaOverviewLimit = 200;

export const areaOverview = z.object({
  area: areaLabel.extend({ parentId: z.string().nullable(), dacCode: z.number().int().nullable() }),
  /** The area's sub-areas at any depth; their records count as the area's. */
  descendants: z.array(areaLabel),
  agreements: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(agreementKinds),
      titleVi: z.string(),
      titleEn: z.string(),
      status: z.enum(agreementStatuses),
      signedOn: z.string().nullable(),
      partyIds: z.array(z.string()),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(eventKinds),
      title: z.string(),
      startOn: z.string().nullable(),
      partnerIds: z.array(z.string()),
    }),
  ),
  commitments: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      status: z.enum(commitmentStatuses),
      dueOn: z.string().nullable(),
      horizonYear: z.number().int().nullable(),
      isOverdue: z.boolean(),
    }),
  ),
  /** People who took part in the area's events. */
  people: z.array(z.object({ id: z.string(), name: z.string(), countryCode: z.string().nullable() })),
  partners: z.array(partnerLabel),
  totals: z.object({ agreements: count, events: count, commitments: count, people: count }),
});
export type AreaOverview = z.infer<typeof areaOverview>;
