import type { TFunction } from 'i18next';
import { Link } from 'react-router';
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
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import type { Column } from '../../ui/data-table.tsx';
import type { Option } from '../../ui/field.tsx';
import type { Area, Collection, ListItemTypes, Partner } from './registry.api.ts';

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
}

export function labelPartners(ids: string[], lookups: Lookups): string {
  return ids
    .map((id) => {
      const partner = lookups.partners?.get(id);
      return partner ? pickLocalised(partner.nameVi, partner.nameEn) : id;
    })
    .join(', ');
}

export function labelAreas(ids: string[], lookups: Lookups): string {
  return ids
    .map((id) => {
      const area = lookups.areas?.get(id);
      return area ? pickLocalised(area.labelVi, area.labelEn) : id;
    })
    .join(', ');
}

function toOptions<T>(map: Map<string, T> | undefined, label: (item: T) => string): Option[] {
  return [...(map?.values() ?? [])].map((item) => ({
    value: (item as { id: string }).id,
    label: label(item),
  }));
}

export function detailPath(collection: Collection, id: string): string {
  return `/app/${collection}/${id}`;
}

type Columns<C extends Collection> = Array<Column<ListItemTypes[C]>>;

interface ListSpec<C extends Collection> {
  columns: Columns<C>;
  filters: FilterSpec[];
}

/** Columns and filters of each registry list; the first column links to the record. */
export function describeList<C extends Collection>(
  collection: C,
  t: TFunction,
  lookups: Lookups,
): ListSpec<C> {
  const partnerOptions = toOptions(lookups.partners, (p) => pickLocalised(p.nameVi, p.nameEn));
  const areaOptions = toOptions(lookups.areas, (a) => pickLocalised(a.labelVi, a.labelEn));
  const q: FilterSpec = { name: 'q', label: t('registry.query'), kind: 'text' };
  const partnerFilter: FilterSpec = {
    name: 'partnerId',
    label: t('columns.partners'),
    kind: 'select',
    options: partnerOptions,
  };
  const areaFilter: FilterSpec = {
    name: 'areaId',
    label: t('columns.areas'),
    kind: 'select',
    options: areaOptions,
  };
  const link = (id: string, label: string) => <Link to={detailPath(collection, id)}>{label || id}</Link>;

  const specs: { [K in Collection]: ListSpec<K> } = {
    agreements: {
      columns: [
        {
          key: 'title',
          header: t('columns.title'),
          sortKey: 'titleVi',
          render: (r) => link(r.id, pickLocalised(r.titleVi, r.titleEn)),
        },
        {
          key: 'kind',
          header: t('columns.kind'),
          render: (r) => labelEnum('agreementKind', r.kind),
        },
        {
          key: 'status',
          header: t('columns.status'),
          sortKey: 'status',
          render: (r) => (
            <span className={`badge status-${r.status}`}>{labelEnum('agreementStatus', r.status)}</span>
          ),
        },
        { key: 'parties', header: t('columns.parties'), render: (r) => labelPartners(r.partyIds, lookups) },
        {
          key: 'signedOn',
          header: t('columns.signedOn'),
          sortKey: 'signedOn',
          render: (r) => formatDate(r.signedOn),
        },
        {
          key: 'validTo',
          header: t('columns.validTo'),
          sortKey: 'validTo',
          render: (r) => formatDate(r.validTo),
        },
      ],
      filters: [
        q,
        {
          name: 'kind',
          label: t('columns.kind'),
          kind: 'select',
          options: listEnumOptions('agreementKind', enumValues.agreementKind),
        },
        {
          name: 'status',
          label: t('columns.status'),
          kind: 'select',
          options: listEnumOptions('agreementStatus', enumValues.agreementStatus),
        },
        partnerFilter,
        areaFilter,
        { name: 'from', label: t('registry.from'), kind: 'date' },
        { name: 'to', label: t('registry.to'), kind: 'date' },
      ],
    },
    events: {
      columns: [
        { key: 'title', header: t('columns.title'), sortKey: 'title', render: (r) => link(r.id, r.title) },
        {
          key: 'kind',
          header: t('columns.kind'),
          sortKey: 'kind',
          render: (r) => labelEnum('eventKind', r.kind),
        },
        {
          key: 'startOn',
          header: t('columns.startOn'),
          sortKey: 'startOn',
          render: (r) => formatDate(r.startOn),
        },
        { key: 'mode', header: t('columns.mode'), render: (r) => labelEnum('eventMode', r.mode) },
        {
          key: 'partners',
          header: t('columns.partners'),
          render: (r) => labelPartners(r.partnerIds, lookups),
        },
      ],
      filters: [
        q,
        {
          name: 'kind',
          label: t('columns.kind'),
          kind: 'select',
          options: listEnumOptions('eventKind', enumValues.eventKind),
        },
        partnerFilter,
        areaFilter,
        { name: 'from', label: t('registry.from'), kind: 'date' },
        { name: 'to', label: t('registry.to'), kind: 'date' },
      ],
    },
    commitments: {
      columns: [
        { key: 'text', header: t('columns.text'), sortKey: 'text', render: (r) => link(r.id, r.text) },
        {
          key: 'status',
          header: t('columns.status'),
          sortKey: 'status',
          render: (r) => (
            <>
              <span className={`badge status-${r.status}`}>{labelEnum('commitmentStatus', r.status)}</span>
              {r.isOverdue && (
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
          sortKey: 'dueOn',
          render: (r) => formatDate(r.dueOn) || (r.horizonYear ? String(r.horizonYear) : ''),
        },
        { key: 'areas', header: t('columns.areas'), render: (r) => labelAreas(r.areaIds, lookups) },
      ],
      filters: [
        q,
        {
          name: 'status',
          label: t('columns.status'),
          kind: 'select',
          options: listEnumOptions('commitmentStatus', enumValues.commitmentStatus),
        },
        partnerFilter,
        areaFilter,
        {
          name: 'isOverdue',
          label: t('registry.overdue'),
          kind: 'select',
          options: [
            { value: 'true', label: t('registry.yes') },
            { value: 'false', label: t('registry.no') },
          ],
        },
        { name: 'dueBefore', label: t('columns.dueOn'), kind: 'date' },
      ],
    },
    people: {
      columns: [
        { key: 'name', header: t('columns.name'), sortKey: 'name', render: (r) => link(r.id, r.name) },
        {
          key: 'position',
          header: t('columns.positions'),
          render: (r) =>
            r.positions.map((p) => [p.title, p.organisationName].filter(Boolean).join(', ')).join(' · '),
        },
        {
          key: 'countryCode',
          header: t('columns.countryCode'),
          sortKey: 'countryCode',
          render: (r) => r.countryCode ?? '',
        },
      ],
      filters: [q, { name: 'countryCode', label: t('columns.countryCode'), kind: 'text' }],
    },
    organisations: {
      columns: [
        {
          key: 'name',
          header: t('columns.name'),
          sortKey: 'nameVi',
          render: (r) => link(r.id, pickLocalised(r.nameVi, r.nameEn)),
        },
        {
          key: 'kind',
          header: t('columns.kind'),
          sortKey: 'kind',
          render: (r) => labelEnum('organisationKind', r.kind),
        },
        {
          key: 'countryCode',
          header: t('columns.countryCode'),
          sortKey: 'countryCode',
          render: (r) => r.countryCode ?? '',
        },
      ],
      filters: [
        q,
        {
          name: 'kind',
          label: t('columns.kind'),
          kind: 'select',
          options: listEnumOptions('organisationKind', enumValues.organisationKind),
        },
        { name: 'countryCode', label: t('columns.countryCode'), kind: 'text' },
      ],
    },
    partners: {
      columns: [
        {
          key: 'name',
          header: t('columns.name'),
          sortKey: 'nameVi',
          render: (r) => link(r.id, pickLocalised(r.nameVi, r.nameEn)),
        },
        { key: 'code', header: t('columns.code'), sortKey: 'code', render: (r) => r.code },
        {
          key: 'kind',
          header: t('columns.kind'),
          render: (r) => labelEnum('partnerKind', r.kind),
        },
      ],
      filters: [
        q,
        {
          name: 'kind',
          label: t('columns.kind'),
          kind: 'select',
          options: listEnumOptions('partnerKind', enumValues.partnerKind),
        },
      ],
    },
    sources: {
      columns: [
        {
          key: 'title',
          header: t('columns.title'),
          sortKey: 'title',
          render: (r) =>
            r.reviewStatus === 'draft' ? (
              <Link to={`/app/review/${r.id}`}>{r.title || r.id}</Link>
            ) : (
              link(r.id, r.title)
            ),
        },
        { key: 'outlet', header: t('columns.outlet'), render: (r) => r.outlet ?? '' },
        {
          key: 'publishedAt',
          header: t('columns.publishedAt'),
          sortKey: 'publishedAt',
          render: (r) => formatDateTime(r.publishedAt),
        },
        {
          key: 'reviewStatus',
          header: t('columns.reviewStatus'),
          render: (r) => labelEnum('reviewStatus', r.reviewStatus),
        },
        {
          key: 'isPublished',
          header: t('columns.isPublished'),
          render: (r) => (r.isPublished ? t('registry.yes') : t('registry.no')),
        },
      ],
      filters: [
        q,
        {
          name: 'reviewStatus',
          label: t('columns.reviewStatus'),
          kind: 'select',
          options: listEnumOptions('reviewStatus', enumValues.reviewStatus),
        },
        {
          name: 'isPublished',
          label: t('columns.isPublished'),
          kind: 'select',
          options: [
            { value: 'true', label: t('registry.yes') },
            { value: 'false', label: t('registry.no') },
          ],
        },
      ],
    },
  };
  return specs[collection];
}
