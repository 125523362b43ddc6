import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineEntry } from '../../../common/contracts/dashboard.ts';
import { agreementKinds } from '../../../common/domain/enums.ts';
import { timelineKinds } from '../../../common/domain/timeline.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { SelectField } from '../../ui/field.tsx';
import type { DashboardFigures } from './dashboard.api.ts';

export const timelineFilterNames = ['partnerId', 'areaId', 'kind', 'year'] as const;
export type TimelineFilters = Partial<Record<(typeof timelineFilterNames)[number], string>>;

function labelKind(kind: string): string {
  return (agreementKinds as readonly string[]).includes(kind) && kind !== 'other'
    ? labelEnum('agreementKind', kind)
    : labelEnum('eventKind', kind);
}

function entryPath(entry: TimelineEntry): string {
  return entry.entry === 'event' ? `/app/events/${entry.id}` : `/app/agreements/${entry.id}`;
}

/** Events and signings, newest first, narrowed by the filters the URL holds. */
export function DashboardTimeline({
  figures,
  filters,
  onFilters,
  isPublic,
}: {
  figures: DashboardFigures;
  filters: TimelineFilters;
  onFilters: (next: TimelineFilters) => void;
  isPublic: boolean;
}) {
  const { t } = useTranslation();
  const partners = new Map<string, { nameVi: string; nameEn: string }>();
  for (const partner of [...figures.partners, ...figures.matrix.partners]) partners.set(partner.id, partner);
  const partnerName = (id: string) => {
    const partner = partners.get(id);
    return partner ? pickLocalised(partner.nameVi, partner.nameEn) : '';
  };
  const thisYear = Number(figures.today.slice(0, 4));
  const firstYear = Math.min(thisYear - 10, ...figures.signingsPerYear.map((row) => row.year));
  const years = Array.from({ length: thisYear - firstYear + 2 }, (_, index) => String(thisYear + 1 - index));
  const set = (name: keyof TimelineFilters) => (value: string) =>
    onFilters({ ...filters, [name]: value || undefined });

  return (
    <>
      <form
        className="filters"
        aria-label={t('dashboard.timelineFilters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          name="partnerId"
          label={t('columns.partners')}
          value={filters.partnerId ?? ''}
          emptyLabel={t('registry.all')}
          options={[...partners].map(([id, partner]) => ({
            value: id,
            label: pickLocalised(partner.nameVi, partner.nameEn),
          }))}
          onChange={set('partnerId')}
        />
        <SelectField
          name="areaId"
          label={t('columns.areas')}
          value={filters.areaId ?? ''}
          emptyLabel={t('registry.all')}
          options={figures.matrix.areas.map((area) => ({
            value: area.id,
            label: pickLocalised(area.labelVi, area.labelEn),
          }))}
          onChange={set('areaId')}
        />
        <SelectField
          name="kind"
          label={t('columns.kind')}
          value={filters.kind ?? ''}
          emptyLabel={t('registry.all')}
          options={timelineKinds.map((kind) => ({ value: kind, label: labelKind(kind) }))}
          onChange={set('kind')}
        />
        <SelectField
          name="year"
          label={t('dashboard.year')}
          value={filters.year ?? ''}
          emptyLabel={t('registry.all')}
          options={years.map((year) => ({ value: year, label: year }))}
          onChange={set('year')}
        />
      </form>
      <p className="muted" aria-live="polite">
        {figures.timeline.length < figures.timelineTotal
          ? t('dashboard.timelineCut', {
              shown: formatNumber(figures.timeline.length),
              total: formatNumber(figures.timelineTotal),
            })
          : t('dashboard.timelineTotal', {
              count: figures.timelineTotal,
              formattedCount: formatNumber(figures.timelineTotal),
            })}
      </p>
      {figures.timeline.length > 0 && (
        <ol className="timeline dashboard-timeline" data-testid="timeline">
          {figures.timeline.map((entry) => {
            const title = pickLocalised(entry.titleVi, entry.titleEn);
            const names = entry.partnerIds.map(partnerName).filter(Boolean).join(', ');
            return (
              <li key={`${entry.entry}-${entry.id}`} data-entry={entry.entry}>
                <time dateTime={entry.on}>{formatDate(entry.on)}</time>{' '}
                <span className={`badge timeline-${entry.entry}`}>
                  {entry.entry === 'signing'
                    ? t('dashboard.signing', { kind: labelKind(entry.kind) })
                    : labelKind(entry.kind)}
                </span>{' '}
                {isPublic ? title : <Link to={entryPath(entry)}>{title}</Link>}
                {names && <span className="muted"> — {names}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
