import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { agreementKinds, agreementStatuses } from '../../../common/domain/enums.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { Pager } from '../../ui/pager.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { AgreementTable } from './agreement-table.tsx';
import { usePageTitle } from './page-title.ts';
import {
  type AgreementFilters,
  usePublicAgreements,
  usePublicAreas,
  usePublicPartners,
} from './portal.api.ts';

const pageSize = 20;
const filterNames = ['q', 'partner', 'area', 'kind', 'status'] as const;

function readFilters(params: URLSearchParams): AgreementFilters {
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return {
    ...(filters as Omit<AgreementFilters, 'page'>),
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** The public registry of agreements: searchable and filterable, published records only. */
export function AgreementsRegistryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const agreements = usePublicAgreements(filters, pageSize);
  const partners = usePublicPartners();
  const areas = usePublicAreas();
  usePageTitle(t('portal.registry'));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim()) next.set(name, value.trim());
    }
    const lang = params.get('lang');
    if (lang) next.set('lang', lang);
    setParams(next);
  }

  return (
    <div className="stack">
      <h1>{t('portal.registry')}</h1>
      <p className="muted">{t('portal.registryIntro')}</p>
      <search aria-label={t('portal.registryFilters')}>
        <form className="filters" onSubmit={onSubmit}>
          <label>
            {t('portal.searchWords')}
            <input type="search" name="q" defaultValue={filters.q ?? ''} />
          </label>
          <label>
            {t('portal.partner')}
            <select name="partner" defaultValue={filters.partner ?? ''}>
              <option value="">{t('portal.all')}</option>
              {(partners.data ?? []).map((partner) => (
                <option key={partner.code} value={partner.code}>
                  {pickLocalised(partner.nameVi, partner.nameEn)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('portal.area')}
            <select name="area" defaultValue={filters.area ?? ''}>
              <option value="">{t('portal.all')}</option>
              {(areas.data ?? []).map((area) => (
                <option key={area.id} value={area.id}>
                  {pickLocalised(area.labelVi, area.labelEn)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('columns.kind')}
            <select name="kind" defaultValue={filters.kind ?? ''}>
              <option value="">{t('portal.all')}</option>
              {agreementKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {labelEnum('agreementKind', kind)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('columns.status')}
            <select name="status" defaultValue={filters.status ?? ''}>
              <option value="">{t('portal.all')}</option>
              {agreementStatuses.map((status) => (
                <option key={status} value={status}>
                  {labelEnum('agreementStatus', status)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            {t('portal.filter')}
          </button>
        </form>
      </search>
      <QueryState query={agreements}>
        {(data) => {
          const pageCount = Math.ceil(data.total / pageSize);
          return data.items.length === 0 ? (
            <p className="muted">{t('portal.noAgreementsFound')}</p>
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {t('portal.agreementCount', { count: data.total })}
              </p>
              <AgreementTable items={data.items} caption={t('portal.registry')} />
              <Pager
                page={filters.page}
                pageCount={pageCount}
                onPage={(page) => {
                  const next = new URLSearchParams(params);
                  next.set('page', String(page));
                  setParams(next);
                }}
                labels={{
                  navigation: t('registry.pagination'),
                  previous: t('portal.previousPage'),
                  next: t('portal.nextPage'),
                  status: t('registry.page', { page: filters.page, pages: pageCount }),
                }}
              />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
