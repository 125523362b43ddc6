import * as Plot from '@observablehq/plot';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { labelEnum } from '../../i18n/enum-label.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import type { DashboardFigures } from './dashboard.api.ts';

// Loaded on its own (React.lazy) so that Observable Plot and d3 travel only with the dashboard.

const className = 'hoptac-plot';
const palette = ['#0b5c8e', '#e07b39', '#2e8b57', '#8e44ad', '#c0392b', '#7f8c8d', '#d4ac0d', '#16a085'];

/** Draws a Plot figure into a div. Plot adds a <style> element to what it draws; the page's CSP
 * allows no inline style, so it is taken out before the node is attached (styles.css has it). */
function PlotFigure({ options, label }: { options: Plot.PlotOptions; label: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = Plot.plot({ className, ...options, ariaLabel: label });
    for (const style of node.querySelectorAll('style')) style.remove();
    // Each chart is one image named by its title: Plot's labels on inner groups ("bar", "rule")
    // are not allowed on elements without a role, and say nothing a reader needs.
    for (const inner of node.querySelectorAll('[aria-label]')) inner.removeAttribute('aria-label');
    for (const svg of [node, ...node.querySelectorAll('svg')].filter((item) => item.tagName === 'svg')) {
      if (svg.classList.contains(className)) {
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', label);
      } else svg.setAttribute('aria-hidden', 'true'); // a legend's colour swatch beside its words
    }
    holder.current?.replaceChildren(node);
    return () => node.remove();
  }, [options, label]);
  return <div ref={holder} className="plot-holder" />;
}

function Chart({ title, children }: { title: string; children: ReactNode }) {
  return (
    <figure className="card chart">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      {children}
    </figure>
  );
}

type ChartSpec = { id: string; title: string; options: Plot.PlotOptions; isEmpty: boolean };

function describeCharts(figures: DashboardFigures, t: TFunction): ChartSpec[] {
  const byStatus = figures.agreementsByStatusAndKind.map((row) => ({
    status: labelEnum('agreementStatus', row.status),
    kind: labelEnum('agreementKind', row.kind),
    count: row.count,
  }));
  const perYear = figures.signingsPerYear.map((row) => ({ year: String(row.year), count: row.count }));
  const commitmentStatus = (figures.commitmentsByStatus ?? []).map((row) => ({
    status: labelEnum('commitmentStatus', row.status),
    count: row.count,
  }));
  const owners = (figures.commitmentsByOwner ?? []).flatMap((row) => {
    const owner = row.organisationId ? pickLocalised(row.nameVi, row.nameEn) : t('dashboard.noOwner');
    return [
      { owner, state: t('dashboard.overdue'), count: row.overdue },
      { owner, state: t('dashboard.openOnTime'), count: row.open - row.overdue },
      { owner, state: t('dashboard.closed'), count: row.closed },
    ];
  });
  const count = t('dashboard.count');
  const charts: ChartSpec[] = [
    {
      id: 'agreements-by-status',
      title: t('dashboard.agreementsByStatus'),
      isEmpty: byStatus.length === 0,
      options: {
        marginLeft: 110,
        x: { label: count, grid: true },
        y: { label: null },
        color: { legend: true, range: palette },
        marks: [Plot.barX(byStatus, { y: 'status', x: 'count', fill: 'kind', tip: true }), Plot.ruleX([0])],
      },
    },
    {
      id: 'signings-per-year',
      title: t('dashboard.signingsPerYear'),
      isEmpty: perYear.length === 0,
      options: {
        height: 260,
        x: { label: null, padding: 0.3 },
        y: { label: count, grid: true },
        marks: [Plot.barY(perYear, { x: 'year', y: 'count', fill: palette[0], tip: true }), Plot.ruleY([0])],
      },
    },
  ];
  if (figures.commitmentsByStatus)
    charts.push({
      id: 'commitments-by-status',
      title: t('dashboard.commitmentsByStatus'),
      isEmpty: commitmentStatus.length === 0,
      options: {
        marginLeft: 110,
        x: { label: count, grid: true },
        y: { label: null },
        marks: [
          Plot.barX(commitmentStatus, { y: 'status', x: 'count', fill: palette[1], tip: true }),
          Plot.ruleX([0]),
        ],
      },
    });
  if (figures.commitmentsByOwner)
    charts.push({
      id: 'commitments-by-owner',
      title: t('dashboard.commitmentsByOwner'),
      isEmpty: owners.length === 0,
      options: {
        marginLeft: 180,
        x: { label: count, grid: true },
        y: { label: null },
        color: { legend: true, range: ['#a4161a', '#0b5c8e', '#7f8c8d'] },
        marks: [Plot.barX(owners, { y: 'owner', x: 'count', fill: 'state', tip: true }), Plot.ruleX([0])],
      },
    });
  return charts;
}

/** The figures a leader asks for, drawn with Observable Plot. */
export function FigureCharts({ figures }: { figures: DashboardFigures }) {
  const { t, i18n } = useTranslation();
  // Built once per answer and language, so Plot redraws only when something changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language changes the labels
  const charts = useMemo(() => describeCharts(figures, t), [figures, t, i18n.language]);
  return (
    <div className="chart-grid">
      {charts.map((chart) => (
        <Chart key={chart.id} title={chart.title}>
          {chart.isEmpty ? (
            <p className="muted">{t('app.empty')}</p>
          ) : (
            <div data-testid={chart.id}>
              <PlotFigure options={chart.options} label={chart.title} />
            </div>
          )}
        </Chart>
      ))}
    </div>
  );
}
