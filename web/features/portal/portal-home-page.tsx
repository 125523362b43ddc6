import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { publicPaths } from '../../../common/domain/public-urls.ts';
import { formatDate } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { countPages, Pager } from '../../ui/pager.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { NewsList } from './news-list.tsx';
import { PartnerStrip } from './partner-strip.tsx';
import { newsPageSize, useNews, usePublicAgreements, usePublicAreas } from './portal.api.ts';

function RecentAgreements() {
  const { t } = useTranslation();
  const agreements = usePublicAgreements({ page: 1 }, 5);
  if (!agreements.data?.items.length) return null;
  return (
    <section className="side-box" aria-labelledby="recent-agreements-title">
      <h2 id="recent-agreements-title">{t('portal.recentAgreements')}</h2>
      <ul className="plain-list">
        {agreements.data.items.map((agreement) => (
          <li key={agreement.id}>
            <Link to={publicPaths.agreement(agreement)}>
              {pickLocalised(agreement.titleVi, agreement.titleEn)}
            </Link>
            {agreement.signedOn && <span className="muted"> · {formatDate(agreement.signedOn)}</span>}
          </li>
        ))}
      </ul>
      <Link to={publicPaths.agreements}>{t('portal.allAgreements')}</Link>
    </section>
  );
}

function AreaLinks() {
  const { t } = useTranslation();
  const areas = usePublicAreas();
  if (!areas.data?.length) return null;
  return (
    <section className="side-box" aria-labelledby="area-links-title">
      <h2 id="area-links-title">{t('portal.areas')}</h2>
      <ul className="tags">
        {areas.data.map((area) => (
          <li key={area.id}>
            <Link to={publicPaths.area(area.id)}>{pickLocalised(area.labelVi, area.labelEn)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LatestPublications() {
  const { t } = useTranslation();
  const latest = useNews(1);
  if (!latest.data?.items.length) return null;
  return (
    <section className="side-box" aria-labelledby="latest-publications-title">
      <h2 id="latest-publications-title">{t('portal.latestPublications')}</h2>
      <NewsList items={latest.data.items.slice(0, 5)} isCompact />
    </section>
  );
}

export function PortalHomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const news = useNews(page);
  return (
    <div className="portal-home">
      <section className="home-main" aria-labelledby="latest-news-title">
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
      <div className="home-side">
        <LatestPublications />
        <RecentAgreements />
        <AreaLinks />
      </div>
      <div className="home-partners">
        <PartnerStrip />
      </div>
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
