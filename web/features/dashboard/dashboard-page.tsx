import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DashboardPartner, DashboardQuery } from '../../../common/contracts/dashboard.ts';
import { formatNumber } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useDashboard } from './dashboard.api.ts';
import { DashboardMatrix } from './dashboard-matrix.tsx';
import { DashboardTimeline, type TimelineFilters, timelineFilterNames } from './dashboard-timeline.tsx';

// The map (d3-geo, topojson) and the charts (Observable Plot) are chunks of their own, fetched
// when the dashboard draws them: no other page carries them.
const WorldMap = lazy(async () => ({ default: (await import('./world-map.tsx')).WorldMap }));
const FigureCharts = lazy(async () => ({ default: (await import('./figure-charts.tsx')).FigureCharts }));

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}

function readFilters(params: URLSearchParams): TimelineFilters {
  return Object.fromEntries(
    timelineFilterNames.map((name) => [name, params.get(name) ?? undefined]).filter(([, value]) => value),
  );
}

function PartnerActivity({
  partners,
  hrefOf,
}: {
  partners: DashboardPartner[];
  hrefOf: (p: DashboardPartner) => string;
}) {
  const { t } = useTranslation();
  if (partners.length === 0) return <p className="muted">{t('app.empty')}</p>;
  return (
    <DataTable
      caption={t('dashboard.partnersTitle')}
      rows={partners}
      getRowKey={(row) => row.id}
      columns={[
        {
          key: 'name',
          header: t('columns.name'),
          render: (row) => <Link to={hrefOf(row)}>{pickLocalised(row.nameVi, row.nameEn)}</Link>,
        },
        {
          key: 'inForce',
          header: t('dashboard.agreementsInForce'),
          render: (row) => formatNumber(row.agreementsInForce),
        },
        {
          key: 'recent',
          header: t('dashboard.recentEvents'),
          render: (row) => formatNumber(row.recentEvents),
        },
      ]}
    />
  );
}

/** The dashboard over every record (workspace) or over published ones (portal). */
function DashboardView({ isPublic }: { isPublic: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query: Partial<DashboardQuery> = {
    ...(filters.partnerId ? { partnerId: filters.partnerId } : {}),
    ...(filters.areaId ? { areaId: filters.areaId } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.year ? { year: Number(filters.year) } : {}),
  };
  const figures = useDashboard(query, isPublic);
  const hrefOf = (partner: DashboardPartner) =>
    isPublic ? `/partners/${partner.code}` : `/app/partners/${partner.id}`;
  const onFilters = (next: TimelineFilters) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) search.set(name, value);
    setParams(search, { replace: true, preventScrollReset: true });
  };

  return (
    <div className="stack dashboard">
      <h1>{isPublic ? t('dashboard.publicTitle') : t('dashboard.title')}</h1>
      <p className="muted">{isPublic ? t('dashboard.publicIntro') : t('dashboard.intro')}</p>
      <QueryState query={figures}>
        {(data) => (
          <>
            <section className="card" aria-labelledby="dashboard-map">
              <h2 id="dashboard-map">{t('dashboard.mapTitle')}</h2>
              <p className="muted">{t('dashboard.mapHint')}</p>
              <Suspense fallback={<Loading />}>
                <WorldMap partners={data.partners} hrefOf={hrefOf} />
              </Suspense>
              <div className="map-legend" aria-hidden="true">
                <span>{t('dashboard.legendLess')}</span>
                {[1, 2, 3, 4].map((step) => (
                  <span key={step} className={`legend-swatch activity-${step}`} />
                ))}
                <span>{t('dashboard.legendMore')}</span>
              </div>
              <h3>{t('dashboard.partnersTitle')}</h3>
              <PartnerActivity partners={data.partners} hrefOf={hrefOf} />
            </section>
            <section className="card" aria-labelledby="dashboard-timeline">
              <h2 id="dashboard-timeline">{t('dashboard.timelineTitle')}</h2>
              <DashboardTimeline figures={data} filters={filters} onFilters={onFilters} isPublic={isPublic} />
            </section>
            <section className="card" aria-labelledby="dashboard-matrix">
              <h2 id="dashboard-matrix">{t('dashboard.matrixTitle')}</h2>
              <DashboardMatrix matrix={data.matrix} isPublic={isPublic} />
            </section>
            <section aria-labelledby="dashboard-figures">
              <h2 id="dashboard-figures">{t('dashboard.figuresTitle')}</h2>
              <Suspense fallback={<Loading />}>
                <FigureCharts figures={data} />
              </Suspense>
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The workspace dashboard for leadership; mountable wherever the workspace wants it. */
export function DashboardPage() {
  return <DashboardView isPublic={false} />;
}

/** The portal's dashboard over published agreements and events. */
export function PublicDashboardPage() {
  return <DashboardView isPublic />;
}
