import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { publicPaths } from '../../../common/domain/public-urls.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { getLanguage, pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { AgreementTable } from './agreement-table.tsx';
import { EventTimeline } from './event-timeline.tsx';
import { NewsList } from './news-list.tsx';
import { usePageTitle } from './page-title.ts';
import { usePublicPartner } from './portal.api.ts';

export function PublicPartnerPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const partner = usePublicPartner(code);
  usePageTitle(
    partner.data ? pickLocalised(partner.data.partner.nameVi, partner.data.partner.nameEn) : undefined,
  );
  return (
    <QueryState query={partner}>
      {(data) => {
        const otherName = getLanguage() === 'en' ? data.partner.nameVi : data.partner.nameEn;
        return (
          <div className="stack">
            <header className="page-header">
              {/* The code, not a flag emoji: flags need an emoji font many office machines lack. */}
              <span className="partner-badge" aria-hidden="true">
                {data.partner.code}
              </span>
              <div>
                <h1>{pickLocalised(data.partner.nameVi, data.partner.nameEn)}</h1>
                <p className="muted">
                  {otherName && <span lang={getLanguage() === 'en' ? 'vi' : 'en'}>{otherName} · </span>}
                  {labelEnum('partnerKind', data.partner.kind)} · {data.partner.code}
                </p>
              </div>
            </header>
            <section aria-labelledby="in-force-title">
              <h2 id="in-force-title">{t('portal.agreementsInForce')}</h2>
              {data.agreements.length === 0 ? (
                <p className="muted">{t('portal.noAgreements')}</p>
              ) : (
                <ul className="card-list">
                  {data.agreements.map((agreement) => (
                    <li key={agreement.id} className="card">
                      <h3>
                        <Link to={publicPaths.agreement(agreement)}>
                          {pickLocalised(agreement.titleVi, agreement.titleEn)}
                        </Link>
                      </h3>
                      <p className="muted">
                        {labelEnum('agreementKind', agreement.kind)}
                        {agreement.signedOn &&
                          ` · ${t('columns.signedOn')}: ${formatDate(agreement.signedOn)}`}
                        {` · ${t('portal.validity')}: ${formatDate(agreement.validFrom ?? agreement.signedOn) || '…'} – ${formatDate(agreement.validTo) || t('portal.noEnd')}`}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {data.allAgreements.length > 0 && (
              <section aria-labelledby="all-agreements-title">
                <h2 id="all-agreements-title">{t('portal.agreementsSigned')}</h2>
                <AgreementTable items={data.allAgreements} caption={t('portal.agreementsSigned')} />
              </section>
            )}
            <section aria-labelledby="events-title">
              <h2 id="events-title">{t('portal.events')}</h2>
              {data.events.length === 0 ? (
                <p className="muted">{t('portal.noEvents')}</p>
              ) : (
                <EventTimeline events={data.events} />
              )}
            </section>
            <section aria-labelledby="partner-news-title">
              <h2 id="partner-news-title">{t('portal.partnerNews')}</h2>
              {data.news.length === 0 ? (
                <p className="muted">{t('portal.noNews')}</p>
              ) : (
                <NewsList items={data.news} />
              )}
              <p>
                <a href={`/feed.atom?partner=${data.partner.code.toLowerCase()}`} type="application/atom+xml">
                  {t('portal.partnerFeed')}
                </a>
              </p>
            </section>
            {data.areas.length > 0 && (
              <section aria-labelledby="partner-areas-title">
                <h2 id="partner-areas-title">{t('portal.areas')}</h2>
                <ul className="tags">
                  {data.areas.map((area) => (
                    <li key={area.id}>
                      <Link to={publicPaths.area(area.id)}>{pickLocalised(area.labelVi, area.labelEn)}</Link>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        );
      }}
    </QueryState>
  );
}
