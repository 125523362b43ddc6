import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  PublicAgreementItem,
  PublicAgreementPage,
  PublicAgreementQuery,
  PublicAreaPage,
  PublicNewsArticle,
  PublicNewsItem,
  PublicPartnerPage,
  PublicSearchResult,
} from '../../../common/contracts/portal.ts';
import { buildQuery, requestJson } from '../../app/http.ts';

export type NewsItem = PublicNewsItem;
export type Article = PublicNewsArticle;
export type AgreementItem = PublicAgreementItem;
export type PartnerPageData = PublicPartnerPage;
export type AgreementPageData = PublicAgreementPage;
export type AreaPageData = PublicAreaPage;
export type PublicPartnerSummary = { code: string; kind: string; nameVi: string; nameEn: string };
export type AgreementFilters = Omit<PublicAgreementQuery, 'page' | 'pageSize'> & { page: number };

/** Query keys, shared with the server renderer, which fills the same cache entries before the
 * page hydrates, so the first client render reads exactly what the server rendered. */
export const publicKeys = {
  news: (page: number) => ['public', 'news', page] as const,
  article: (id: string) => ['public', 'article', id] as const,
  partners: ['public', 'partners'] as const,
  partner: (code: string) => ['public', 'partner', code.toLowerCase()] as const,
  agreements: (filters: AgreementFilters) => ['public', 'agreements', filters] as const,
  agreement: (id: string) => ['public', 'agreement', id] as const,
  area: (id: string) => ['public', 'area', id] as const,
  search: (q: string) => ['public', 'search', q] as const,
};

export const newsPageSize = 10;

export function useNews(page: number) {
  return useQuery({
    queryKey: publicKeys.news(page),
    queryFn: () =>
      requestJson<{ items: NewsItem[]; total: number; isTotalCapped?: boolean }>(
        `/api/public/news${buildQuery({ page, pageSize: newsPageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useArticle(id: string) {
  return useQuery({
    queryKey: publicKeys.article(id),
    queryFn: () => requestJson<Article>(`/api/public/news/${encodeURIComponent(id)}`),
  });
}

export function usePublicPartners() {
  return useQuery({
    queryKey: publicKeys.partners,
    queryFn: async () =>
      (
        await requestJson<{
          items: (PublicPartnerSummary & { agreementCount: number; newsCount: number })[];
        }>('/api/public/partners')
      ).items,
    staleTime: 300_000,
  });
}

export function usePublicPartner(code: string) {
  return useQuery({
    queryKey: publicKeys.partner(code),
    queryFn: () => requestJson<PartnerPageData>(`/api/public/partners/${encodeURIComponent(code)}`),
  });
}

export function usePublicAgreements(filters: AgreementFilters, pageSize = 20) {
  return useQuery({
    queryKey: publicKeys.agreements(filters),
    queryFn: () =>
      requestJson<{ items: AgreementItem[]; total: number }>(
        `/api/public/agreements${buildQuery({ ...filters, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePublicAgreement(id: string) {
  return useQuery({
    queryKey: publicKeys.agreement(id),
    queryFn: () => requestJson<AgreementPageData>(`/api/public/agreements/${encodeURIComponent(id)}`),
  });
}

export function usePublicArea(id: string) {
  return useQuery({
    queryKey: publicKeys.area(id),
    queryFn: () => requestJson<AreaPageData>(`/api/public/areas/${encodeURIComponent(id)}`),
  });
}

export function usePublicSearch(q: string) {
  return useQuery({
    queryKey: publicKeys.search(q),
    queryFn: () => requestJson<PublicSearchResult>(`/api/public/search${buildQuery({ q })}`),
    enabled: q.trim().length > 0,
  });
}

export function usePublicAreas() {
  return useQuery({
    queryKey: ['public', 'areas'],
    queryFn: async () =>
      (await requestJson<{ items: { id: string; labelVi: string; labelEn: string }[] }>('/api/public/areas'))
        .items,
    staleTime: 300_000,
  });
}
