import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArticleDraft, TextSpan } from '../../../common/contracts/draft.ts';
import type { ImportProgress } from '../../../common/contracts/imports.ts';
import type { PersonMatch as ApiPersonMatch } from '../../../common/contracts/people.ts';
import type { AcceptDraftInput, AcceptResult, ProgressProposal } from '../../../common/contracts/review.ts';
import { buildQuery, requestJson } from '../../app/http.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { getLanguage } from '../../i18n/i18n.ts';
import type { Agreement, Source } from '../registry/registry.api.ts';

export type Draft = ArticleDraft;
export type Span = TextSpan;

/** A drafted item as the review screen reads it: its fields, spans and confidence. */
export type DraftRecord = { spans?: Span[]; confidence?: number } & Record<string, unknown>;

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
  /** The file is an agreement's signed text, kept and attached to the agreement accepted. */
  isSignedText?: boolean;
  /** Register it though a source with the same address or text is stored ("Register anyway"). */
  allowDuplicate?: boolean;
}

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewSource) => {
      if (input.file) {
        const form = new FormData();
        for (const key of ['title', 'url', 'outlet'] as const) if (input[key]) form.set(key, input[key]);
        // Before the file: the server reads the fields that precede it.
        if (input.isSignedText) form.set('signedText', 'true');
        if (input.allowDuplicate) form.set('allowDuplicate', 'true');
        form.set('file', input.file);
        return requestJson<Source>('/api/v1/sources', { method: 'POST', body: form });
      }
      const { file: _file, isSignedText: _isSignedText, ...json } = input;
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

/** Progress the draft reports on registered commitments and agreements, with why each matched. */
export function useProgressProposals(sourceId: string) {
  return useQuery({
    queryKey: ['sources', 'progress-proposals', sourceId],
    queryFn: async () =>
      (
        await requestJson<{ items: ProgressProposal[] }>(
          `/api/v1/sources/${encodeURIComponent(sourceId)}/progress-proposals`,
        )
      ).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function readMatch(match: ApiPersonMatch): PersonMatch {
  const position = match.person.positions[0];
  return {
    id: match.person.id,
    name: match.person.name,
    countryCode: match.person.countryCode,
    title: position ? [position.title, position.organisationName].filter(Boolean).join(', ') : null,
    evidence: match.evidence.join('; '),
  };
}

export function usePeopleMatches(name: string, countryCode: string) {
  return useQuery({
    // The server words its evidence in the asked language: another language is another answer.
    queryKey: ['people', 'matches', name, countryCode, getLanguage()],
    queryFn: async () => {
      const body = await requestJson<ApiPersonMatch[] | { items: ApiPersonMatch[] }>(
        `/api/v1/people/matches${buildQuery({ name, countryCode: /^[A-Z]{2}$/.test(countryCode) ? countryCode : undefined })}`,
      );
      return (Array.isArray(body) ? body : body.items).map(readMatch);
    },
    enabled: name.trim().length > 1,
    staleTime: 60_000,
  });
}

/**
 * Existing agreements that may be the one drafted: same kind, signed the same day when the date is
 * known, otherwise with the same foreign party.
 */
export function useAgreementMatches(kind: string, date: string, partnerId: string | undefined) {
  const isFullDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const filter = isFullDate ? { from: date, to: date } : { partnerId };
  return useQuery({
    queryKey: ['agreements', 'matches', kind, filter],
    queryFn: async () => {
      const page = await requestJson<{ items: Agreement[] }>(
        `/api/v1/agreements${buildQuery({ kind, ...filter, pageSize: 10 })}`,
      );
      return page.items.map(
        (agreement): PersonMatch => ({
          id: agreement.id,
          name: agreement.titleVi || agreement.titleEn,
          countryCode: null,
          title: null,
          evidence: [labelEnum('agreementKind', agreement.kind), formatDate(agreement.signedOn)]
            .filter(Boolean)
            .join(', '),
        }),
      );
    },
    enabled: Boolean(kind) && (isFullDate || Boolean(partnerId)),
    staleTime: 60_000,
  });
}

export function useAcceptDraft(sourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: AcceptDraftInput) =>
      requestJson<AcceptResult>(`/api/v1/sources/${encodeURIComponent(sourceId)}/accept`, {
        method: 'POST',
        body: payload,
      }),
    onSuccess: async () => {
      // Accepting writes across the whole registry; every cached list may be stale now.
      await queryClient.invalidateQueries();
    },
  });
}

/** Starts a batch import of the files (a .zip among them is opened). */
export function useStartImport() {
  return useMutation({
    mutationFn: (files: File[]) => {
      const form = new FormData();
      for (const file of files) form.append('files', file);
      return requestJson<ImportProgress>('/api/v1/imports', { method: 'POST', body: form });
    },
  });
}

/** A batch import's progress, polled every second until it is done. */
export function useImportProgress(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['imports', id],
    enabled: id !== null,
    queryFn: async ({ signal }) => {
      const progress = await requestJson<ImportProgress>(`/api/v1/imports/${id}`, { signal });
      await queryClient.invalidateQueries({ queryKey: ['sources'] });
      return progress;
    },
    refetchInterval: (query) => (query.state.data?.status === 'done' ? false : 1000),
  });
}
