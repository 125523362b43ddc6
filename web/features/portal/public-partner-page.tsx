import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { NewsList } from './news-list.tsx';
import { usePublicPartner } from './portal.api.ts';

export function PublicPartnerPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const partner = usePublicPartner(code);
  return (
    <QueryState query={partner}>
      {(data) => (
        <div className="stack">
          <h1>{pickLocalised(data.partner.nameVi, data.partner.nameEn)}</h1>
          <section aria-labelledby="in-force-title">
            <h2 id="in-force-title">{t('portal.agreementsInForce')}</h2>
            {data.agreements.length === 0 ? (
              <p className="muted">{t('portal.noAgreements')}</p>
            ) : (
              <ul className="card-list">
                {data.agreements.map((agreement) => (
                  <li key={agreement.id} className="card">
                    <h3>{pickLocalised(agreement.titleVi, agreement.titleEn)}</h3>
                    <p className="muted">
                      {labelEnum('agreementKind', agreement.kind)}
                      {agreement.signedOn && ` · ${t('columns.signedOn')}: ${formatDate(agreement.signedOn)}`}
                      {agreement.validTo && ` · ${t('columns.validTo')}: ${formatDate(agreement.validTo)}`}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="partner-news-title">
            <h2 id="partner-news-title">{t('portal.partnerNews')}</h2>
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
