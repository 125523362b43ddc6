import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AreaOverview } from '../../../common/contracts/dashboard.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { AreaActions } from '../areas/areas-pages.tsx';
import { useAreaOverview } from './dashboard.api.ts';

function Section<Row extends { id: string }>({
  id,
  title,
  total,
  rows,
  columns,
}: {
  id: string;
  title: string;
  total: number;
  rows: Row[];
  columns: Array<Column<Row>>;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({formatNumber(total)})</span>
      </h2>
      {rows.length < total && <p className="muted">{t('area.cut', { shown: formatNumber(rows.length) })}</p>}
      {rows.length === 0 ? (
        <p className="muted">{t('app.empty')}</p>
      ) : (
        <DataTable caption={title} rows={rows} columns={columns} getRowKey={(row) => row.id} />
      )}
    </section>
  );
}

function AreaSections({ overview }: { overview: AreaOverview }) {
  const { t } = useTranslation();
  const partners = new Map(overview.partners.map((partner) => [partner.id, partner]));
  const partnerLinks = (ids: string[]): ReactNode =>
    ids.map((id, index) => {
      const partner = partners.get(id);
      return partner ? (
        <span key={id}>
          {index > 0 && ', '}
          <Link to={`/app/partners/${id}`}>{pickLocalised(partner.nameVi, partner.nameEn)}</Link>
        </span>
      ) : null;
    });
  const { area } = overview;
  return (
    <>
      <div className="row-between">
        <div>
          <p className="eyebrow">
            <Link to="/app/areas">{t('areas.title')}</Link>
          </p>
          <h1>{pickLocalised(area.labelVi, area.labelEn)}</h1>
        </div>
        <AreaActions id={area.id} />
      </div>
      <p className="muted">
        {area.dacCode !== null && t('area.dac', { code: area.dacCode })}
        {area.parentId && (
          <>
            {' '}
            <Link to={`/app/areas/${area.parentId}`}>{t('area.parent')}</Link>
          </>
        )}
      </p>
      {overview.descendants.length > 0 && (
        <nav aria-label={t('area.descendants')}>
          <h2>{t('area.descendants')}</h2>
          <ul className="inline-list">
            {overview.descendants.map((child) => (
              <li key={child.id}>
                <Link to={`/app/areas/${child.id}`}>{pickLocalised(child.labelVi, child.labelEn)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Section
        id="area-agreements"
        title={t('records.agreements')}
        total={overview.totals.agreements}
        rows={overview.agreements}
        columns={[
          {
            key: 'title',
            header: t('columns.title'),
            render: (row) => (
              <Link to={`/app/agreements/${row.id}`}>{pickLocalised(row.titleVi, row.titleEn)}</Link>
            ),
          },
          { key: 'kind', header: t('columns.kind'), render: (row) => labelEnum('agreementKind', row.kind) },
          {
            key: 'status',
            header: t('columns.status'),
            render: (row) => (
              <span className={`badge status-${row.status}`}>{labelEnum('agreementStatus', row.status)}</span>
            ),
          },
          { key: 'parties', header: t('columns.parties'), render: (row) => partnerLinks(row.partyIds) },
          { key: 'signedOn', header: t('columns.signedOn'), render: (row) => formatDate(row.signedOn) },
        ]}
      />
      <Section
        id="area-events"
        title={t('records.events')}
        total={overview.totals.events}
        rows={overview.events}
        columns={[
          {
            key: 'title',
            header: t('columns.title'),
            render: (row) => <Link to={`/app/events/${row.id}`}>{row.title}</Link>,
          },
          { key: 'kind', header: t('columns.kind'), render: (row) => labelEnum('eventKind', row.kind) },
          { key: 'startOn', header: t('columns.startOn'), render: (row) => formatDate(row.startOn) },
          { key: 'partners', header: t('columns.partners'), render: (row) => partnerLinks(row.partnerIds) },
        ]}
      />
      <Section
        id="area-commitments"
        title={t('records.commitments')}
        total={overview.totals.commitments}
        rows={overview.commitments}
        columns={[
          {
            key: 'text',
            header: t('columns.text'),
            render: (row) => <Link to={`/app/commitments/${row.id}`}>{row.text}</Link>,
          },
          {
            key: 'status',
            header: t('columns.status'),
            render: (row) => (
              <>
                <span className={`badge status-${row.status}`}>
                  {labelEnum('commitmentStatus', row.status)}
                </span>
                {row.isOverdue && (
                  <>
                    {' '}
                    <span className="badge badge-warn">{t('progress.overdue')}</span>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'dueOn',
            header: t('columns.dueOn'),
            render: (row) => formatDate(row.dueOn) || (row.horizonYear ? String(row.horizonYear) : ''),
          },
        ]}
      />
      <Section
        id="area-people"
        title={t('records.people')}
        total={overview.totals.people}
        rows={overview.people}
        columns={[
          {
            key: 'name',
            header: t('columns.name'),
            render: (row) => <Link to={`/app/people/${row.id}`}>{row.name}</Link>,
          },
          { key: 'countryCode', header: t('columns.countryCode'), render: (row) => row.countryCode ?? '' },
        ]}
      />
    </>
  );
}

/** Everything filed under one area and its sub-areas, with any partner. */
export function AreaPage() {
  const { id = '' } = useParams();
  const overview = useAreaOverview(id);
  return (
    <div className="stack">
      <QueryState query={overview}>{(data) => <AreaSections overview={data} />}</QueryState>
    </div>
  );
}
