import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { importableCollections } from '../../../common/columns/collections.ts';
import { type MergeCollection, mergeCollections } from '../../../common/domain/enums.ts';
import { formatNumber } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { countPages, Pager } from '../../ui/pager.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { canEdit, useMe } from '../session/session.api.ts';
import {
  type Collection,
  type ListItemTypes,
  useAreaLookup,
  useOrganisationLookup,
  usePartnerLookup,
  useRecordList,
} from './registry.api.ts';
import { describeList } from './registry-columns.tsx';
import { ExportLinks, SpreadsheetImport } from './spreadsheet-import.tsx';

const pageSize = 20;
/** The most records one merge takes: a survivor and the API's 20 merged. */
const maxMerged = 21;
const pagingKeys = ['page', 'sort', 'order'];
/** Filters a link may set though the form does not offer them (the home page's "expiring in the
 * next 12 months"); the list names the one applied and offers to drop it. */
const linkedFilters: Partial<Record<Collection, readonly string[]>> = {
  agreements: ['expiringWithinDays'],
};

function RegistryListPage<C extends Collection>({ collection }: { collection: C }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const partners = usePartnerLookup();
  const areas = useAreaLookup();
  const organisations = useOrganisationLookup();
  const spec = describeList(collection, t, {
    partners: partners.data,
    areas: areas.data,
    organisations: organisations.data,
  });

  const page = Math.max(1, Number(params.get('page')) || 1);
  const sort = params.get('sort') ?? undefined;
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const applied = Object.fromEntries(
    spec.filters.map((filter) => [filter.name, params.get(filter.name) ?? '']),
  );
  const linked = Object.fromEntries(
    (linkedFilters[collection] ?? []).flatMap((name) => {
      const value = params.get(name);
      return value ? [[name, value]] : [];
    }),
  );
  const list = useRecordList(collection, {
    ...applied,
    ...linked,
    page,
    pageSize,
    sort,
    order: sort ? order : undefined,
  });

  // The form edits a copy; the URL holds what is applied, so a filtered list can be shared.
  const [draft, setDraft] = useState<Record<string, string>>(applied);
  const appliedKey = JSON.stringify(applied);
  useEffect(() => setDraft(JSON.parse(appliedKey) as Record<string, string>), [appliedKey]);

  function applyFilters(values: Record<string, string>) {
    const next = new URLSearchParams(linked);
    for (const [key, value] of Object.entries(values)) if (value) next.set(key, value);
    if (sort) {
      next.set('sort', sort);
      next.set('order', order);
    }
    setParams(next);
  }

  function updateParams(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    setParams(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    applyFilters(draft);
  }

  const title = t(`records.${collection}`);
  const me = useMe();
  const isImportable = (importableCollections as string[]).includes(collection) && canEdit(me.data);
  const hasFilters = [...params.keys()].some((key) => !pagingKeys.includes(key));
  // People and organisations: an editor ticks rows (across pages) and merges them.
  const isMergeable = (mergeCollections as readonly string[]).includes(collection) && canEdit(me.data);
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) =>
    setSelected((current) =>
      current.includes(id) ? current.filter((item) => item !== id) : [...current, id].slice(0, maxMerged),
    );
  type Row = ListItemTypes[C];
  const rowName = (row: Row) => {
    const named = row as unknown as { name?: string; nameVi?: string; nameEn?: string | null };
    return named.name ?? pickLocalised(named.nameVi, named.nameEn);
  };
  const selectColumn: Column<Row> = {
    key: 'select',
    header: t('merges.selectColumn'),
    render: (row) => {
      const id = (row as unknown as { id: string }).id;
      return (
        <input
          type="checkbox"
          aria-label={t('merges.select', { name: rowName(row) })}
          checked={selected.includes(id)}
          disabled={!selected.includes(id) && selected.length >= maxMerged}
          onChange={() => toggle(id)}
        />
      );
    },
  };
  const columns = isMergeable ? [selectColumn, ...spec.columns] : spec.columns;

  return (
    <div className="stack">
      <div className="row-between">
        <h1>{title}</h1>
        {canEdit(me.data) && (
          <Link className="button primary" to={`/app/${collection}/new`} data-testid="new-record">
            {t('create.new')}
          </Link>
        )}
      </div>
      <form className="filters" onSubmit={submit} aria-label={t('registry.filters')}>
        {spec.filters.map((filter) =>
          filter.kind === 'select' ? (
            <SelectField
              key={filter.name}
              name={filter.name}
              label={filter.label}
              value={draft[filter.name] ?? ''}
              options={filter.options ?? []}
              emptyLabel={t('registry.all')}
              onChange={(value) => {
                const next = { ...draft, [filter.name]: value };
                setDraft(next);
                applyFilters(next);
              }}
            />
          ) : (
            <TextField
              key={filter.name}
              name={filter.name}
              label={filter.label}
              type={filter.kind === 'date' ? 'date' : 'search'}
              value={draft[filter.name] ?? ''}
              onChange={(value) => setDraft({ ...draft, [filter.name]: value })}
            />
          ),
        )}
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('registry.apply')}
          </button>
          {hasFilters && (
            <button type="button" onClick={() => setParams(new URLSearchParams())}>
              {t('registry.clear')}
            </button>
          )}
        </div>
      </form>
      {linked.expiringWithinDays && (
        <p className="notice" data-testid="linked-filter">
          {t('registry.expiringWithin', { count: Number(linked.expiringWithinDays) })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const next = new URLSearchParams(params);
              next.delete('expiringWithinDays');
              next.delete('page');
              setParams(next);
            }}
          >
            {t('registry.dropFilter')}
          </button>
        </p>
      )}
      <ExportLinks
        collection={collection}
        filters={{ ...applied, ...linked, sort, order: sort ? order : undefined }}
      />
      {isImportable && <SpreadsheetImport collection={collection} />}
      {isMergeable && (
        <div className="row" data-testid="merge-selection">
          <span className="muted" aria-live="polite">
            {t('merges.selected', { count: selected.length })}
          </span>
          {selected.length >= 2 ? (
            <Link
              className="button"
              to={`/app/${collection as MergeCollection}/merge?ids=${selected.join(',')}`}
            >
              {t('merges.mergeSelected')}
            </Link>
          ) : (
            <button type="button" disabled title={t('merges.pickMore')}>
              {t('merges.mergeSelected')}
            </button>
          )}
          {selected.length > 0 && (
            <button type="button" onClick={() => setSelected([])}>
              {t('merges.clearSelection')}
            </button>
          )}
        </div>
      )}
      <QueryState query={list}>
        {(data) => {
          const { pages, isOpen } = countPages({ ...data, pageSize, page, itemCount: data.items.length });
          const formattedCount = `${formatNumber(data.total)}${data.isTotalCapped ? '+' : ''}`;
          return (
            <>
              <p className="muted" aria-live="polite">
                {t('registry.total', { count: data.total, formattedCount })}
              </p>
              {data.items.length === 0 ? (
                <p className="muted">{t('app.empty')}</p>
              ) : (
                <DataTable
                  caption={title}
                  columns={columns}
                  rows={data.items}
                  getRowKey={(row) => row.id}
                  sort={sort}
                  order={order}
                  sortLabel={(column) => t('registry.sortBy', { column })}
                  onSort={(key) =>
                    updateParams({
                      sort: key,
                      order: sort === key && order === 'asc' ? 'desc' : 'asc',
                      page: '1',
                    })
                  }
                />
              )}
              <Pager
                page={page}
                pageCount={pages}
                onPage={(next) => updateParams({ page: String(next) })}
                labels={{
                  navigation: t('registry.pagination'),
                  previous: t('registry.previous'),
                  next: t('registry.next'),
                  status: t('registry.page', { page, pages: isOpen ? `${formatNumber(pages)}+` : pages }),
                }}
              />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

export function AgreementsListPage() {
  return <RegistryListPage collection="agreements" />;
}
export function EventsListPage() {
  return <RegistryListPage collection="events" />;
}
export function CommitmentsListPage() {
  return <RegistryListPage collection="commitments" />;
}
export function PeopleListPage() {
  return <RegistryListPage collection="people" />;
}
export function OrganisationsListPage() {
  return <RegistryListPage collection="organisations" />;
}
export function PartnersListPage() {
  return <RegistryListPage collection="partners" />;
}
export function SourcesListPage() {
  return <RegistryListPage collection="sources" />;
}
