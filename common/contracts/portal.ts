import { z } from 'zod';
import { agreementKinds, agreementStatuses, eventKinds, partnerKinds } from '../domain/enums.ts';
import { agreementRecord } from './agreements.ts';
import { commitmentRecord } from './commitments.ts';
import { areaId } from './common.ts';
import { publicDocument } from './documents.ts';
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
export type PublicPartner = z.infer<typeof publicPartner>;

export const publicArea = z.object({ id: z.string(), labelVi: z.string(), labelEn: z.string() });

export const publicNewsItem = z.object({
  id: z.string(),
  title: z.string(),
  publishedAt: z.string().nullable(),
  lead: z.string().nullable(),
  outlet: z.string().nullable(),
  /** False when the source gave only a date: show the day, never a time. */
  isTimeKnown: z.boolean(),
  partners: z.array(publicPartner),
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
  areas: z.array(publicArea),
  agreements: z.array(z.object({ id: z.string(), titleVi: z.string(), titleEn: z.string() })),
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

export const publicAgreementItem = publicAgreement.extend({
  parties: z.array(publicPartner),
  areas: z.array(publicArea),
});
export type PublicAgreementItem = z.infer<typeof publicAgreementItem>;

export const publicEvent = z.object({
  id: z.string(),
  kind: z.enum(eventKinds),
  title: z.string(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  location: z.string().nullable(),
});
export type PublicEvent = z.infer<typeof publicEvent>;

export const publicPartnerPage = z.object({
  partner: publicPartner,
  /** Signed or in force and not lapsed. */
  agreements: z.array(publicAgreement),
  /** Every published agreement the partner is party to, whatever its status. */
  allAgreements: z.array(publicAgreementItem),
  events: z.array(publicEvent),
  areas: z.array(publicArea),
  news: z.array(publicNewsItem),
});
export type PublicPartnerPage = z.infer<typeof publicPartnerPage>;

export const publicPartnerList = z.object({
  items: z.array(publicPartner.extend({ agreementCount: z.number().int(), newsCount: z.number().int() })),
});

export const publicAgreementList = z.object({
  items: z.array(publicAgreementItem),
  total: z.number().int(),
  page: z.number().int(),
});

export const publicAgreementPage = publicAgreementItem.extend({
  summary: z.string().nullable(),
  documents: z.array(z.object({ slot: z.string(), number: z.string(), issuedOn: z.string() })),
  /** Attached files the desk made public (the signed text), downloadable by anyone. */
  files: z.array(publicDocument),
  events: z.array(publicEvent),
  news: z.array(publicNewsItem),
});
export type PublicAgreementPage = z.infer<typeof publicAgreementPage>;

export const publicAreaPage = z.object({
  area: publicArea,
  partners: z.array(publicPartner),
  agreements: z.array(publicAgreementItem),
  events: z.array(publicEvent),
  news: z.array(publicNewsItem),
});
export type PublicAreaPage = z.infer<typeof publicAreaPage>;

export const publicAreaList = z.object({ items: z.array(publicArea) });

export const publicSearchResult = z.object({
  query: z.string(),
  news: z.array(publicNewsItem),
  agreements: z.array(publicAgreementItem),
  partners: z.array(publicPartner),
});
export type PublicSearchResult = z.infer<typeof publicSearchResult>;

export const newsListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

const partnerCode = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{1,15}$/);

export const agreementListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  partner: partnerCode.optional(),
  area: areaId.optional(),
  kind: z.enum(agreementKinds).optional(),
  status: z.enum(agreementStatuses).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicAgreementQuery = z.infer<typeof agreementListQuery>;

export const areaIdParams = z.strictObject({ id: areaId });

export const publicSearchQuery = z.strictObject({ q: z.string().min(1).max(200) });

export const partnerCodeParams = z.strictObject({ code: partnerCode });

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
