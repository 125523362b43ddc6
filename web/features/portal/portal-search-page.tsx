import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { publicPaths } from '../../../common/domain/public-urls.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { AgreementTable } from './agreement-table.tsx';
import { NewsList } from './news-list.tsx';
import { usePageTitle } from './page-title.ts';
import { usePublicSearch } from './portal.api.ts';

/** Results of the portal's search box: published news, agreements and partners. */
export function PortalSearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const result = usePublicSearch(q);
  usePageTitle(t('portal.searchTitle'));
  return (
    <div className="stack">
      <h1>{t('portal.searchTitle')}</h1>
      {!q.trim() ? (
        <p className="muted">{t('portal.searchHint')}</p>
      ) : (
        <QueryState query={result}>
          {(data) =>
            data.news.length + data.agreements.length + data.partners.length === 0 ? (
              <p className="muted">{t('portal.noResults', { q })}</p>
            ) : (
              <>
                {data.partners.length > 0 && (
                  <section aria-labelledby="search-partners-title">
                    <h2 id="search-partners-title">{t('portal.partners')}</h2>
                    <ul className="tags">
                      {data.partners.map((partner) => (
                        <li key={partner.code}>
                          <Link to={publicPaths.partner(partner.code)}>
                            {pickLocalised(partner.nameVi, partner.nameEn)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
                {data.agreements.length > 0 && (
                  <section aria-labelledby="search-agreements-title">
                    <h2 id="search-agreements-title">{t('portal.agreements')}</h2>
                    <AgreementTable items={data.agreements} caption={t('portal.agreements')} />
                  </section>
                )}
                {data.news.length > 0 && (
                  <section aria-labelledby="search-news-title">
                    <h2 id="search-news-title">{t('portal.news')}</h2>
                    <NewsList items={data.news} />
                  </section>
                )}
              </>
            )
          }
        </QueryState>
      )}
    </div>
  );
}
