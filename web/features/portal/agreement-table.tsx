import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicPaths } from '../../../common/domain/public-urls.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import type { AgreementItem } from './portal.api.ts';

/** The registry's table: kind, parties, signed on, in force until, status, areas. */
export function AgreementTable({ items, caption }: { items: AgreementItem[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="agreement-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portal.agreementTitle')}</th>
            <th scope="col">{t('columns.kind')}</th>
            <th scope="col">{t('portal.parties')}</th>
            <th scope="col">{t('columns.signedOn')}</th>
            <th scope="col">{t('columns.validTo')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('portal.areas')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={publicPaths.agreement(item)}>{pickLocalised(item.titleVi, item.titleEn)}</Link>
              </th>
              <td data-label={t('columns.kind')}>{labelEnum('agreementKind', item.kind)}</td>
              <td data-label={t('portal.parties')}>
                {item.parties.map((party, index) => (
                  <span key={party.code}>
                    {index > 0 && ', '}
                    <Link to={publicPaths.partner(party.code)}>
                      {pickLocalised(party.nameVi, party.nameEn)}
                    </Link>
                  </span>
                ))}
              </td>
              <td data-label={t('columns.signedOn')}>{formatDate(item.signedOn) || '—'}</td>
              <td data-label={t('columns.validTo')}>{formatDate(item.validTo) || '—'}</td>
              <td data-label={t('columns.status')}>{labelEnum('agreementStatus', item.status)}</td>
              <td data-label={t('portal.areas')}>
                {item.areas.map((area, index) => (
                  <span key={area.id}>
                    {index > 0 && ', '}
                    <Link to={publicPaths.area(area.id)}>{pickLocalised(area.labelVi, area.labelEn)}</Link>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
