import { z } from 'zod';
import { agreementKinds, agreementStatuses, partnerKinds } from '../domain/enums.ts';
import { agreementRecord } from './agreements.ts';
import { commitmentRecord } from './commitments.ts';
import { eventRecord } from './events.ts';
import { partnerRecord } from './partners.ts';

// Public schemas: what the portal may show. They list fields explicitly so that internal ones
// (review status, drafts, notes, versions) never leave the server for anonymous readers.

export const publicPartner = z.object({
  code: z.string(),
  kind: z.enum(partnerKinds),
  nameVi: z.string(),
  nameEn: z.string(),
});

export const publicArea = z.object({ id: z.string(), labelVi: z.string(), labelEn: z.string() });

export const publicNewsItem = z.object({
  id: z.string(),
  title: z.string(),
  publishedAt: z.string().nullable(),
  lead: z.string().nullable(),
  outlet: z.string().nullable(),
});
export type PublicNewsItem = z.infer<typeof publicNewsItem>;

export const publicNewsList = z.object({
  items: z.array(publicNewsItem),
  /** Exact up to limits.listCountCap; past it the cap, with isTotalCapped. */
  total: z.number().int(),
  isTotalCapped: z.boolean(),
  page: z.number().int(),
});

export const publicNewsArticle = publicNewsItem.extend({
  text: z.string(),
  url: z.string().nullable(),
  language: z.string(),
  partners: z.array(publicPartner),
  areas: z.array(publicArea),
  related: z.array(publicNewsItem),
});
export type PublicNewsArticle = z.infer<typeof publicNewsArticle>;

export const publicAgreement = z.object({
  id: z.string(),
  kind: z.enum(agreementKinds),
  titleVi: z.string(),
  titleEn: z.string(),
  status: z.enum(agreementStatuses),
  signedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const publicPartnerPage = z.object({
  partner: publicPartner,
  agreements: z.array(publicAgreement),
  news: z.array(publicNewsItem),
});
export type PublicPartnerPage = z.infer<typeof publicPartnerPage>;

export const publicPartnerList = z.object({
  items: z.array(publicPartner.extend({ agreementCount: z.number().int(), newsCount: z.number().int() })),
});

export const newsListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export const partnerCodeParams = z.strictObject({ code: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{1,15}$/) });

/** The workspace's one-page picture of a partner. */
export const partnerOverview = z.object({
  partner: partnerRecord,
  agreements: z.array(agreementRecord),
  events: z.array(eventRecord),
  peopleMet: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      countryCode: z.string().nullable(),
      title: z.string().nullable(),
      eventId: z.string(),
      eventTitle: z.string(),
      on: z.string().nullable(),
    }),
  ),
  openCommitments: z.array(commitmentRecord),
  areas: z.array(
    z.object({ id: z.string(), labelVi: z.string(), labelEn: z.string(), count: z.number().int() }),
  ),
  /** How many of each there are in all; the lists above hold the newest `limit`. */
  counts: z.object({
    agreements: z.number().int(),
    events: z.number().int(),
    peopleMet: z.number().int(),
    openCommitments: z.number().int(),
  }),
});
export type PartnerOverview = z.infer<typeof partnerOverview>;

export const partnerOverviewQuery = z.strictObject({
  /** The newest this many of each kind (agreements, events, people, open commitments). */
  limit: z.coerce.number().int().min(1).max(500).default(20),
});
