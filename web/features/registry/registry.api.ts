import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PartnerRecord } from '../../../common/contracts/partners.ts';
import { limits } from '../../../common/domain/limits.ts';
import { buildQuery, type QueryValue, requestJson } from '../../app/http.ts';

// Record shapes from docs/API.md. They move to the inferred types of common/contracts/ as the
// server's schemas land; until then this is the one place they are written down for the web.

interface Versioned {
  id: string;
  version: number;
}

export type Partner = PartnerRecord;

export interface Organisation extends Versioned {
  nameVi: string;
  nameEn: string | null;
  kind: string;
  countryCode: string | null;
  parentId: string | null;
}

export interface Position {
  id: string;
  title: string;
  organisationId: string | null;
  organisationName: string | null;
  startOn: string | null;
  endOn: string | null;
}

export interface Person extends Versioned {
  name: string;
  honorific: string | null;
  countryCode: string | null;
  note: string | null;
  positions: Position[];
}

export interface Agreement extends Versioned {
  kind: string;
  titleVi: string | null;
  titleEn: string | null;
  status: string;
  statusHistory: Array<{ status: string; on: string | null; note: string | null }>;
  signedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  renewalNote: string | null;
  legalBasis: string | null;
  decisionNumber: string | null;
  summary: string | null;
  partyIds: string[];
  areaIds: string[];
  sourceIds: string[];
  isPublished: boolean;
}

export interface Participant {
  personId: string;
  personName: string;
  role: string;
  title: string | null;
  organisationId: string | null;
}

export interface CooperationEvent extends Versioned {
  kind: string;
  title: string;
  startOn: string | null;
  endOn: string | null;
  mode: string | null;
  location: string | null;
  connectionPoints: string[];
  summary: string | null;
  partnerIds: string[];
  areaIds: string[];
  agreementIds: string[];
  sourceIds: string[];
  participants: Participant[];
  isPublished: boolean;
}

export interface Commitment extends Versioned {
  text: string;
  agreementId: string | null;
  eventId: string | null;
  sourceId: string | null;
  areaIds: string[];
  vnOwnerIds: string[];
  partnerOwnerIds: string[];
  dueOn: string | null;
  horizonYear: number | null;
  status: string;
  progress: Array<{ id: string; on: string; note: string; status: string | null; authorId: string | null }>;
}

export interface Area {
  id: string;
  labelVi: string;
  labelEn: string;
  dacCode: number | null;
  keywordsVi: string[];
  parentId: string | null;
}

export interface Source extends Versioned {
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string;
  lead: string | null;
  text: string;
  isPublished: boolean;
  reviewStatus: 'draft' | 'accepted';
}

export interface RecordTypes {
  partners: Partner;
  organisations: Organisation;
  people: Person;
  agreements: Agreement;
  events: CooperationEvent;
  commitments: Commitment;
  sources: Source;
}

export type Collection = keyof RecordTypes;

export const collections: Collection[] = [
  'agreements',
  'events',
  'commitments',
  'people',
  'organisations',
  'partners',
  'sources',
];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useRecordList<C extends Collection>(collection: C, params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [collection, 'list', params],
    queryFn: ({ signal }) =>
      requestJson<Page<RecordTypes[C]>>(`/api/v1/${collection}${buildQuery(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecord<C extends Collection>(collection: C, id: string) {
  return useQuery({
    queryKey: [collection, 'one', id],
    queryFn: ({ signal }) =>
      requestJson<RecordTypes[C]>(`/api/v1/${collection}/${encodeURIComponent(id)}`, { signal }),
  });
}

export function fetchRecord<C extends Collection>(collection: C, id: string): Promise<RecordTypes[C]> {
  return requestJson<RecordTypes[C]>(`/api/v1/${collection}/${encodeURIComponent(id)}`);
}

export function usePatchRecord<C extends Collection>(collection: C, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Record<string, unknown> & { version: number }) =>
      requestJson<RecordTypes[C]>(`/api/v1/${collection}/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: changes,
      }),
    onSuccess: async (record) => {
      queryClient.setQueryData([collection, 'one', id], record);
      await queryClient.invalidateQueries({ queryKey: [collection, 'list'] });
    },
  });
}

// Reference lists small enough to hold whole (partners, areas, organisations) are fetched once
// and used to turn ids into names everywhere.
const lookupPageSize = limits.listPageSizeMax;

function useLookup<T extends { id: string }>(path: string) {
  return useQuery({
    queryKey: ['lookup', path],
    queryFn: async () => {
      const page = await requestJson<Page<T>>(`${path}${buildQuery({ pageSize: lookupPageSize })}`);
      return new Map(page.items.map((item) => [item.id, item]));
    },
    staleTime: 300_000,
  });
}

export function usePartnerLookup() {
  return useLookup<Partner>('/api/v1/partners');
}

export function useAreaLookup() {
  return useLookup<Area>('/api/v1/areas');
}

export function useOrganisationLookup() {
  return useLookup<Organisation>('/api/v1/organisations');
}
