import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { publicPaths } from '../../../common/domain/public-urls.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { AgreementTable } from './agreement-table.tsx';
import { EventTimeline } from './event-timeline.tsx';
import { NewsList } from './news-list.tsx';
import { usePageTitle } from './page-title.ts';
import { usePublicArea } from './portal.api.ts';

export function PublicAreaPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const area = usePublicArea(id);
  usePageTitle(area.data ? pickLocalised(area.data.area.labelVi, area.data.area.labelEn) : undefined);
  return (
    <QueryState query={area}>
      {(data) => (
        <div className="stack">
          <p className="breadcrumb">{t('portal.area')}</p>
          <h1>{pickLocalised(data.area.labelVi, data.area.labelEn)}</h1>
          {data.partners.length > 0 && (
            <section aria-labelledby="area-partners-title">
              <h2 id="area-partners-title">{t('portal.partners')}</h2>
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
          <section aria-labelledby="area-agreements-title">
            <h2 id="area-agreements-title">{t('portal.agreements')}</h2>
            {data.agreements.length === 0 ? (
              <p className="muted">{t('portal.noAgreementsFound')}</p>
            ) : (
              <AgreementTable items={data.agreements} caption={t('portal.agreements')} />
            )}
          </section>
          <section aria-labelledby="area-events-title">
            <h2 id="area-events-title">{t('portal.events')}</h2>
            {data.events.length === 0 ? (
              <p className="muted">{t('portal.noEvents')}</p>
            ) : (
              <EventTimeline events={data.events} />
            )}
          </section>
          <section aria-labelledby="area-news-title">
            <h2 id="area-news-title">{t('portal.newsAbout')}</h2>
            {data.news.length === 0 ? (
              <p className="muted">{t('portal.noNews')}</p>
            ) : (
              <NewsList items={data.news} />
            )}
          </section>
        </div>
      )}
    </QueryState>
  );
}
