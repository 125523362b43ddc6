import { useQuery } from '@tanstack/react-query';
import { buildQuery, requestJson } from '../../app/http.ts';

// Public shapes, as the portal API publishes them (docs/API.md, "Public portal").
export interface NewsItem {
  id: string;
  title: string;
  publishedAt: string | null;
  lead: string | null;
  outlet: string | null;
}

export interface PublicPartner {
  id?: string;
  code: string;
  kind?: 'country' | 'organisation';
  nameVi: string;
  nameEn: string;
}

export interface PublicArea {
  id: string;
  labelVi: string;
  labelEn: string;
}

export interface Article extends NewsItem {
  text: string;
  url: string | null;
  partners: PublicPartner[];
  areas: PublicArea[];
  related: NewsItem[];
}

export interface PublicAgreement {
  id: string;
  kind: string;
  titleVi: string | null;
  titleEn: string | null;
  status: string;
  signedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface PublicPartnerPage {
  partner: PublicPartner;
  agreements: PublicAgreement[];
  news: NewsItem[];
}

export function useNews(page: number) {
  return useQuery({
    queryKey: ['public', 'news', page],
    queryFn: () =>
      requestJson<{ items: NewsItem[]; total: number; isTotalCapped?: boolean }>(
        `/api/public/news${buildQuery({ page })}`,
      ),
  });
}

export function useArticle(id: string) {
  return useQuery({
    queryKey: ['public', 'article', id],
    queryFn: () => requestJson<Article>(`/api/public/news/${encodeURIComponent(id)}`),
  });
}

// The list endpoint may answer a bare array or a page object; accept both.
async function fetchPublicPartners(): Promise<PublicPartner[]> {
  const body = await requestJson<PublicPartner[] | { items: PublicPartner[] }>('/api/public/partners');
  return Array.isArray(body) ? body : body.items;
}

export function usePublicPartners() {
  return useQuery({ queryKey: ['public', 'partners'], queryFn: fetchPublicPartners, staleTime: 300_000 });
}

// Accepts `{ partner, agreements, news }` or the partner's fields spread at the top level.
async function fetchPublicPartner(code: string): Promise<PublicPartnerPage> {
  const body = await requestJson<Partial<PublicPartnerPage> & Partial<PublicPartner>>(
    `/api/public/partners/${encodeURIComponent(code)}`,
  );
  const partner = body.partner ?? (body as PublicPartner);
  return { partner, agreements: body.agreements ?? [], news: body.news ?? [] };
}

export function usePublicPartner(code: string) {
  return useQuery({ queryKey: ['public', 'partner', code], queryFn: () => fetchPublicPartner(code) });
}
