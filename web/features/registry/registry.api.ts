import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementRecord } from '../../../common/contracts/agreements.ts';
import type { AreaRecord } from '../../../common/contracts/areas.ts';
import type { CommitmentRecord } from '../../../common/contracts/commitments.ts';
import type { EventRecord } from '../../../common/contracts/events.ts';
import type { OrganisationRecord } from '../../../common/contracts/organisations.ts';
import type { PartnerRecord } from '../../../common/contracts/partners.ts';
import type { PersonRecord } from '../../../common/contracts/people.ts';
import type { SourceRecord, SourceSummary } from '../../../common/contracts/sources.ts';
import { limits } from '../../../common/domain/limits.ts';
import { buildQuery, type QueryValue, requestJson } from '../../app/http.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import type { Option } from '../../ui/field.tsx';

export type Partner = PartnerRecord;
export type Organisation = OrganisationRecord;
export type Person = PersonRecord;
export type Agreement = AgreementRecord;
export type CooperationEvent = EventRecord;
export type Commitment = CommitmentRecord;
export type Area = AreaRecord;
export type Source = SourceRecord;

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

/** What a list returns of each record: the record, but sources without their text (read it from
 * the source itself). */
export type ListItemTypes = Omit<RecordTypes, 'sources'> & { sources: SourceSummary };

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
  isTotalCapped?: boolean;
  page: number;
  pageSize: number;
}

export function useRecordList<C extends Collection>(collection: C, params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [collection, 'list', params],
    queryFn: ({ signal }) =>
      requestJson<Page<ListItemTypes[C]>>(`/api/v1/${collection}${buildQuery(params)}`, { signal }),
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
      // Names shown where other records link to this one may have changed with it.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [collection, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [collection, 'names'] }),
      ]);
    },
  });
}

/** Creates a record; lists, lookups and pickers of its collection then show it. */
export function useCreateRecord<C extends Collection>(collection: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      requestJson<RecordTypes[C]>(`/api/v1/${collection}`, { method: 'POST', body: values }),
    onSuccess: async (record) => {
      queryClient.setQueryData([collection, 'one', (record as { id: string }).id], record);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [collection, 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['lookup', `/api/v1/${collection}`] }),
      ]);
    },
  });
}

/** A record that still points at another, as `GET /:id/uses` lists it. */
export interface RecordUse {
  collection: Collection | 'areas' | 'users';
  id: string;
  label: string;
  field: string;
}

export function useRecordUses(collection: Collection | 'areas', id: string, isEnabled: boolean) {
  return useQuery({
    enabled: isEnabled,
    queryKey: [collection, 'uses', id],
    queryFn: ({ signal }) =>
      requestJson<{ items: RecordUse[]; isCapped: boolean }>(
        `/api/v1/${collection}/${encodeURIComponent(id)}/uses`,
        { signal },
      ),
  });
}

export function useDeleteRecord(collection: Collection | 'areas', id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; replacementId?: string }) =>
      input.replacementId
        ? requestJson(`/api/v1/${collection}/${encodeURIComponent(id)}/replace`, {
            method: 'POST',
            body: { replacementId: input.replacementId, version: input.version },
          })
        : requestJson(`/api/v1/${collection}/${encodeURIComponent(id)}?version=${input.version}`, {
            method: 'DELETE',
          }),
    // Records that pointed at it may now point at its replacement: forget what was read.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

// Reference lists small enough to hold whole (partners, areas, organisations) are fetched once
// and used to turn ids into names everywhere.
const lookupPageSize = limits.listPageSizeMax;

function useLookup<T extends { id: string }>(path: string, isEnabled = true) {
  return useQuery({
    enabled: isEnabled,
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

/** Collections a record can link to from its edit form. */
export type LinkKind =
  | 'partners'
  | 'areas'
  | 'organisations'
  | 'agreements'
  | 'events'
  | 'people'
  | 'policies';
/** Collections whose records are named where another record links to them. */
export type NamedKind = LinkKind | 'sources' | 'commitments';

const lookupKinds: ReadonlySet<LinkKind> = new Set(['partners', 'areas', 'organisations']);

interface LinkItem {
  id: string;
  nameVi?: string;
  nameEn?: string;
  labelVi?: string;
  labelEn?: string;
  titleVi?: string;
  titleEn?: string;
  title?: string;
  name?: string;
  code?: string;
  startOn?: string | null;
  number?: string;
  text?: string;
}

export function labelLinkItem(kind: NamedKind, item: LinkItem): string {
  switch (kind) {
    case 'partners':
      return `${pickLocalised(item.nameVi ?? '', item.nameEn ?? '')}${item.code ? ` (${item.code})` : ''}`;
    case 'organisations':
      return pickLocalised(item.nameVi ?? '', item.nameEn ?? '');
    case 'areas':
      return pickLocalised(item.labelVi ?? '', item.labelEn ?? '');
    case 'agreements':
      return pickLocalised(item.titleVi ?? '', item.titleEn ?? '');
    case 'events':
      return item.startOn ? `${item.title ?? ''} (${item.startOn})` : (item.title ?? '');
    case 'people':
      return item.name ?? '';
    case 'sources':
      return item.title ?? '';
    case 'commitments':
      return item.text ?? '';
    case 'policies':
      return `${item.number ?? ''} — ${item.title ?? ''}`;
  }
}

const linkSearchPageSize = 20;

/** Matches for a link picker, searched by the collection's own `?q=` so no list is capped. */
export async function searchLinkOptions(
  kind: LinkKind,
  query: string,
  signal: AbortSignal,
): Promise<Option[]> {
  const page = await requestJson<Page<LinkItem>>(
    `/api/v1/${kind}${buildQuery({ q: query, pageSize: linkSearchPageSize })}`,
    { signal },
  );
  return page.items.map((item) => ({ value: item.id, label: labelLinkItem(kind, item) }));
}

/** Splits ids into `?ids=` requests of at most one page each; a record links to at most a few
 * hundred, so this is one request, rarely two or three. */
export function chunkIds(ids: readonly string[], size: number = limits.listIdsMax): string[][] {
  const unique = [...new Set(ids)].sort();
  const chunks: string[][] = [];
  for (let at = 0; at < unique.length; at += size) chunks.push(unique.slice(at, at + size));
  return chunks;
}

/**
 * Names for linked ids already on a record, in one `?ids=` request per collection rather than one
 * per id. Small reference lists (partners, areas, organisations) come from their shared lookup;
 * only ids the lookup lacks (beyond its one page) are asked for.
 */
export function useLinkLabels(kind: NamedKind, ids: string[]): (id: string) => string | undefined {
  const isLookup = lookupKinds.has(kind as LinkKind);
  const lookup = useLookup<LinkItem>(`/api/v1/${kind}`, isLookup);
  // Until the lookup answers, nothing is asked for by id: most of the time it holds them all.
  const wanted = isLookup ? (lookup.data ? ids.filter((id) => !lookup.data.has(id)) : []) : ids;
  const pages = useQueries({
    queries: chunkIds(wanted).map((chunk) => ({
      queryKey: [kind, 'names', chunk],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        requestJson<Page<LinkItem>>(
          `/api/v1/${kind}${buildQuery({ ids: chunk.join(','), pageSize: chunk.length })}`,
          { signal },
        ),
      staleTime: 60_000,
      // A form that adds one link asks again for the new set; the names it had stay meanwhile.
      placeholderData: keepPreviousData,
    })),
  });
  const found = new Map<string, LinkItem>();
  for (const page of pages) for (const item of page.data?.items ?? []) found.set(item.id, item);
  return (id) => {
    const item = lookup.data?.get(id) ?? found.get(id);
    return item ? labelLinkItem(kind, item) : undefined;
  };
}
