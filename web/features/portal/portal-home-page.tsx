import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { countPages, Pager } from '../../ui/pager.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { NewsList } from './news-list.tsx';
import { PartnerStrip } from './partner-strip.tsx';
import { useNews } from './portal.api.ts';

const newsPageSize = 20;

export function PortalHomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const news = useNews(page);
  return (
    <div className="portal-home">
      <PartnerStrip />
      <section aria-labelledby="latest-news-title">
        <h1 id="latest-news-title">{t('portal.latestNews')}</h1>
        <QueryState query={news}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="muted">{t('portal.noNews')}</p>
            ) : (
              <>
                <NewsList items={data.items} headingLevel={2} />
                <Pager
                  page={page}
                  pageCount={pagesOf(data, page).pages}
                  onPage={(next) => setParams({ page: String(next) })}
                  labels={{
                    navigation: t('registry.pagination'),
                    previous: t('portal.newerNews'),
                    next: t('portal.olderNews'),
                    status: t('registry.page', { page, pages: pagesLabel(data, page) }),
                  }}
                />
              </>
            )
          }
        </QueryState>
      </section>
    </div>
  );
}

function pagesOf(data: { items: unknown[]; total: number; isTotalCapped?: boolean }, page: number) {
  return countPages({ ...data, pageSize: newsPageSize, page, itemCount: data.items.length });
}

function pagesLabel(data: { items: unknown[]; total: number; isTotalCapped?: boolean }, page: number) {
  const { pages, isOpen } = pagesOf(data, page);
  return isOpen ? `${pages}+` : pages;
}
