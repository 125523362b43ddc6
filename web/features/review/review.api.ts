import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, requestJson } from '../../app/http.ts';
import type { Source } from '../registry/registry.api.ts';

// The reader's draft (common/contracts/draft.ts once it lands). Items are read loosely: the
// review screen shows and edits whatever fields an item carries, and posts them back.
export interface Span {
  start: number;
  end: number;
}

export interface DraftItemBase {
  spans?: Span[];
  confidence?: number;
}

export type DraftRecord = DraftItemBase & Record<string, unknown>;

export interface Draft {
  title: string | null;
  published: string | null;
  text: string;
  events: DraftRecord[];
  partners: DraftRecord[];
  participants: DraftRecord[];
  agreements: DraftRecord[];
  areas: Array<DraftRecord | string>;
  commitments: Array<DraftRecord | string>;
}

export interface PersonMatch {
  id: string;
  name: string;
  countryCode: string | null;
  title: string | null;
  evidence: string;
}

export interface NewSource {
  text?: string;
  title?: string;
  url?: string;
  outlet?: string;
  file?: File;
}

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewSource) => {
      if (input.file) {
        const form = new FormData();
        for (const key of ['title', 'url', 'outlet'] as const) if (input[key]) form.set(key, input[key]);
        form.set('file', input.file);
        return requestJson<Source>('/api/v1/sources', { method: 'POST', body: form });
      }
      const { file: _file, ...json } = input;
      const body = Object.fromEntries(Object.entries(json).filter(([, value]) => value));
      return requestJson<Source>('/api/v1/sources', { method: 'POST', body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['sources'] });
    },
  });
}

export function useDraft(sourceId: string) {
  return useQuery({
    queryKey: ['sources', 'draft', sourceId],
    queryFn: () => requestJson<Draft>(`/api/v1/sources/${encodeURIComponent(sourceId)}/draft`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

type RawMatch = Record<string, unknown>;

function readEvidence(value: unknown): string {
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('; ');
  return typeof value === 'string' ? value : '';
}

function readMatch(raw: RawMatch): PersonMatch {
  const person = (raw.person as RawMatch | undefined) ?? raw;
  const positions = Array.isArray(person.positions) ? (person.positions as RawMatch[]) : [];
  return {
    id: String(person.id ?? raw.personId ?? ''),
    name: String(person.name ?? ''),
    countryCode: (person.countryCode as string | null | undefined) ?? null,
    title: (raw.title as string | undefined) ?? (positions[0]?.title as string | undefined) ?? null,
    evidence: readEvidence(raw.evidence ?? raw.reasons),
  };
}

export function usePeopleMatches(name: string, countryCode: string) {
  return useQuery({
    queryKey: ['people', 'matches', name, countryCode],
    queryFn: async () => {
      const body = await requestJson<RawMatch[] | { items: RawMatch[] }>(
        `/api/v1/people/matches${buildQuery({ name, countryCode })}`,
      );
      return (Array.isArray(body) ? body : body.items).map(readMatch).filter((match) => match.id);
    },
    enabled: name.trim().length > 1,
    staleTime: 60_000,
  });
}

export function useAcceptDraft(sourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: unknown) =>
      requestJson<unknown>(`/api/v1/sources/${encodeURIComponent(sourceId)}/accept`, {
        method: 'POST',
        body: payload,
      }),
    onSuccess: async () => {
      // Accepting writes across the whole registry; every cached list may be stale now.
      await queryClient.invalidateQueries();
    },
  });
}
