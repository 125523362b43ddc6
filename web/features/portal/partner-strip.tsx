import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicPaths } from '../../../common/domain/public-urls.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { usePublicPartners } from './portal.api.ts';

/** Partners with published activity: an agreement or a news item the public can read. */
export function PartnerStrip() {
  const { t } = useTranslation();
  const partners = usePublicPartners();
  if (!partners.data?.length) return null;
  return (
    <section className="partner-strip" aria-labelledby="partner-strip-title">
      <h2 id="partner-strip-title">{t('portal.partners')}</h2>
      <ul>
        {partners.data.map((partner) => (
          <li key={partner.code}>
            <Link to={publicPaths.partner(partner.code)}>
              <span className="partner-code" aria-hidden="true">
                {partner.code}
              </span>
              {pickLocalised(partner.nameVi, partner.nameEn)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
