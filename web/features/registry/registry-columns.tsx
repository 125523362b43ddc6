import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { collectionColumns } from '../../../common/columns/collections.ts';
import {
  type Column as ColumnSpec,
  type PositionCell,
  type RefTarget,
  readColumn,
} from '../../../common/columns/columns.ts';
import {
  agreementKinds,
  agreementStatuses,
  commitmentStatuses,
  eventKinds,
  eventModes,
  languages,
  legalBases,
  organisationKinds,
  participantRoles,
  partnerKinds,
  sourceReviewStatuses,
} from '../../../common/domain/enums.ts';
import { labelEnum, listEnumOptions } from '../../i18n/enum-label.ts';
import { formatDate, formatDateTime, formatNumber, formatPublishedAt } from '../../i18n/format.ts';
import { getLanguage, pickLocalised } from '../../i18n/i18n.ts';
import type { Column } from '../../ui/data-table.tsx';
import type { Option } from '../../ui/field.tsx';
import type { Area, Collection, ListItemTypes, Organisation, Partner } from './registry.api.ts';

export const enumValues = {
  partnerKind: partnerKinds,
  organisationKind: organisationKinds,
  agreementKind: agreementKinds,
  agreementStatus: agreementStatuses,
  legalBasis: legalBases,
  eventKind: eventKinds,
  eventMode: eventModes,
  participantRole: participantRoles,
  commitmentStatus: commitmentStatuses,
  reviewStatus: sourceReviewStatuses,
  language: languages,
} as const;

export interface FilterSpec {
  name: string;
  label: string;
  kind: 'select' | 'date' | 'text';
  options?: Option[];
}

export interface Lookups {
  partners: Map<string, Partner> | undefined;
  areas: Map<string, Area> | undefined;
  organisations?: Map<string, Organisation> | undefined;
}

export function labelPartners(ids: readonly string[], lookups: Lookups): string {
  return ids
    .map((id) => {
      const partner = lookups.partners?.get(id);
      return partner ? pickLocalised(partner.nameVi, partner.nameEn) : id;
    })
    .join(', ');
}

export function labelAreas(ids: readonly string[], lookups: Lookups): string {
  return ids
    .map((id) => {
      const area = lookups.areas?.get(id);
      return area ? pickLocalised(area.labelVi, area.labelEn) : id;
    })
    .join(', ');
}

function labelOrganisations(ids: readonly string[], lookups: Lookups): string {
  return ids
    .map((id) => {
      const organisation = lookups.organisations?.get(id);
      return organisation ? pickLocalised(organisation.nameVi, organisation.nameEn) : id;
    })
    .join(', ');
}

const refLabels: Partial<Record<RefTarget, (ids: readonly string[], lookups: Lookups) => string>> = {
  partners: labelPartners,
  areas: labelAreas,
  organisations: labelOrganisations,
};

function toOptions<T>(map: Map<string, T> | undefined, label: (item: T) => string): Option[] {
  return [...(map?.values() ?? [])].map((item) => ({
    value: (item as { id: string }).id,
    label: label(item),
  }));
}

export function detailPath(collection: Collection, id: string): string {
  return `/app/${collection}/${id}`;
}

/** Where a list row's link goes: a source still in review opens the review page. */
function linkPath(collection: Collection, row: { id: string; reviewStatus?: string }): string {
  return collection === 'sources' && row.reviewStatus === 'draft'
    ? `/app/review/${row.id}`
    : detailPath(collection, row.id);
}

/** A cell's value as the list shows it, by the column's type (common/columns). */
function renderValue<R>(spec: ColumnSpec<R>, row: R, t: TFunction, lookups: Lookups): ReactNode {
  const value = readColumn(spec, row, getLanguage());
  const type = spec.type;
  if (value === null || value === '') return '';
  switch (type.kind) {
    case 'date':
      return formatDate(value as string);
    case 'datetime':
      return type.mayBeDateOnly ? formatPublishedAt(value as string) : formatDateTime(value as string);
    case 'number':
      return formatNumber(value as number);
    case 'boolean':
      return value ? t('registry.yes') : t('registry.no');
    case 'enum':
      return labelEnum(type.group, value as string);
    case 'ref': {
      const ids = type.isMany ? (value as string[]) : [value as string];
      return refLabels[type.target]?.(ids, lookups) ?? ids.join(', ');
    }
    case 'positions':
      return (value as readonly PositionCell[])
        .map((p) => [p.title, p.organisationName].filter(Boolean).join(', '))
        .join(' · ');
    case 'lines':
      return (value as readonly string[]).join(', ');
    default:
      return String(value);
  }
}

function toListColumn<C extends Collection>(
  collection: C,
  spec: ColumnSpec<ListItemTypes[C]>,
  t: TFunction,
  lookups: Lookups,
): Column<ListItemTypes[C]> {
  const list = spec.list ?? {};
  const language = getLanguage();
  return {
    key: spec.key,
    header: spec.label[language],
    ...(list.sortKey ? { sortKey: list.sortKey } : {}),
    render: (row) => {
      let content = renderValue(spec, row, t, lookups);
      if (content === '' && list.orElse) {
        const fallback = collectionColumns[collection].columns.find((other) => other.key === list.orElse);
        if (fallback) content = renderValue(fallback as ColumnSpec<ListItemTypes[C]>, row, t, lookups);
      }
      if (list.isLink) {
        const record = row as { id: string; reviewStatus?: string };
        return <Link to={linkPath(collection, record)}>{content || record.id}</Link>;
      }
      if (list.isBadge) {
        const value = readColumn(spec, row, language) as string;
        const isWarned = list.warn?.when(row) ?? false;
        return (
          <>
            <span className={`badge status-${value}`}>{content}</span>
            {isWarned && list.warn && (
              <>
                {' '}
                <span className="badge badge-warn">{list.warn.label[language]}</span>
              </>
            )}
          </>
        );
      }
      return content;
    },
  };
}

interface ListSpec<C extends Collection> {
  columns: Array<Column<ListItemTypes[C]>>;
  filters: FilterSpec[];
}

/** Columns (from the shared descriptions in common/columns) and filters of each registry list. */
export function describeList<C extends Collection>(
  collection: C,
  t: TFunction,
  lookups: Lookups,
): ListSpec<C> {
  const specs = collectionColumns[collection].columns as ColumnSpec<ListItemTypes[C]>[];
  return {
    columns: specs.filter((spec) => spec.list).map((spec) => toListColumn(collection, spec, t, lookups)),
    filters: describeFilters(collection, t, lookups),
  };
}

function describeFilters(collection: Collection, t: TFunction, lookups: Lookups): FilterSpec[] {
  const q: FilterSpec = { name: 'q', label: t('registry.query'), kind: 'text' };
  const partnerFilter: FilterSpec = {
    name: 'partnerId',
    label: t('columns.partners'),
    kind: 'select',
    options: toOptions(lookups.partners, (p) => pickLocalised(p.nameVi, p.nameEn)),
  };
  const areaFilter: FilterSpec = {
    name: 'areaId',
    label: t('columns.areas'),
    kind: 'select',
    options: toOptions(lookups.areas, (a) => pickLocalised(a.labelVi, a.labelEn)),
  };
  const select = (name: string, label: string, group: keyof typeof enumValues): FilterSpec => ({
    name,
    label,
    kind: 'select',
    options: listEnumOptions(group, enumValues[group]),
  });
  const yesNo = (name: string, label: string): FilterSpec => ({
    name,
    label,
    kind: 'select',
    options: [
      { value: 'true', label: t('registry.yes') },
      { value: 'false', label: t('registry.no') },
    ],
  });
  const from: FilterSpec = { name: 'from', label: t('registry.from'), kind: 'date' };
  const to: FilterSpec = { name: 'to', label: t('registry.to'), kind: 'date' };
  const country: FilterSpec = { name: 'countryCode', label: t('columns.countryCode'), kind: 'text' };
  switch (collection) {
    case 'agreements':
      return [
        q,
        select('kind', t('columns.kind'), 'agreementKind'),
        select('status', t('columns.status'), 'agreementStatus'),
        partnerFilter,
        areaFilter,
        from,
        to,
      ];
    case 'events':
      return [q, select('kind', t('columns.kind'), 'eventKind'), partnerFilter, areaFilter, from, to];
    case 'commitments':
      return [
        q,
        select('status', t('columns.status'), 'commitmentStatus'),
        partnerFilter,
        areaFilter,
        yesNo('isOverdue', t('registry.overdue')),
        { name: 'dueBefore', label: t('columns.dueOn'), kind: 'date' },
      ];
    case 'people':
      return [q, country];
    case 'organisations':
      return [q, select('kind', t('columns.kind'), 'organisationKind'), country];
    case 'partners':
      return [q, select('kind', t('columns.kind'), 'partnerKind')];
    case 'sources':
      return [
        q,
        select('reviewStatus', t('columns.reviewStatus'), 'reviewStatus'),
        yesNo('isPublished', t('columns.isPublished')),
      ];
  }
}
