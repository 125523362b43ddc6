import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CommitmentBoard } from '../../../common/contracts/commitments.ts';
import {
  type CommitmentGrouping,
  commitmentGroupings,
  commitmentStatuses,
} from '../../../common/domain/enums.ts';
import { labelEnum, listEnumOptions } from '../../i18n/enum-label.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { CheckboxField, type Option, SelectField, TextField } from '../../ui/field.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useAreaLookup, useOrganisationLookup, usePartnerLookup } from '../registry/registry.api.ts';
import { useMe } from '../session/session.api.ts';
import { useCommitmentBoard } from './commitments.api.ts';

type Group = CommitmentBoard['groups'][number];

const filterNames = [
  'partnerId',
  'areaId',
  'status',
  'ownerId',
  'dueFrom',
  'dueBefore',
  'isOverdue',
  'isSilent',
] as const;

function sortOptions(options: Option[]): Option[] {
  return options.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

function isGrouping(value: string | null): value is CommitmentGrouping {
  return commitmentGroupings.includes(value as CommitmentGrouping);
}

function GroupSection({ group, groupBy }: { group: Group; groupBy: CommitmentGrouping }) {
  const { t } = useTranslation();
  const label =
    groupBy === 'status'
      ? labelEnum('commitmentStatus', group.key)
      : pickLocalised(group.label, group.labelEn);
  const titleId = `group-${groupBy}-${group.key}`;
  return (
    <section className="card" aria-labelledby={titleId} data-testid="board-group">
      <h2 id={titleId} className="row-between">
        <span>{label}</span>
        <span className="badge" data-testid="board-group-count">
          {t('board.count', { count: group.count, formattedCount: formatNumber(group.count) })}
        </span>
      </h2>
      <ul className="card-list">
        {group.items.map((item) => (
          <li key={item.id}>
            <Link to={`/app/commitments/${item.id}`}>{item.text}</Link>{' '}
            <span className={`badge status-${item.status}`}>
              {labelEnum('commitmentStatus', item.status)}
            </span>
            {item.dueOn && ` · ${t('detail.due')} ${formatDate(item.dueOn)}`}
            {!item.dueOn && item.horizonYear && ` · ${t('board.byYear', { year: item.horizonYear })}`}
            {item.isOverdue && (
              <>
                {' '}
                <span className="badge badge-warn">{t('progress.overdue')}</span>
              </>
            )}
            <span className="muted">
              {' '}
              · {t('board.lastSign', { date: formatDate(item.lastSignOfLifeOn) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Commitments grouped by owner unit (or partner, area, status, due month) with the list's filters;
 * the address holds the choice, so "overdue by owner unit" is a link. */
export function CommitmentBoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const partners = usePartnerLookup();
  const areas = useAreaLookup();
  const organisations = useOrganisationLookup();

  // A unit's officer lands on the unit's own commitments; clearing the filters shows everyone's.
  const ownOrganisation = me.data?.role === 'unit' ? me.data.organisationId : null;
  const isBare = params.size === 0;
  useEffect(() => {
    if (isBare && ownOrganisation)
      setParams({ groupBy: 'owner', ownerId: ownOrganisation }, { replace: true });
  }, [isBare, ownOrganisation, setParams]);

  const groupByParam = params.get('groupBy');
  const groupBy: CommitmentGrouping = isGrouping(groupByParam) ? groupByParam : 'owner';
  const applied = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? '']));
  const board = useCommitmentBoard({ ...applied, groupBy });

  const [draft, setDraft] = useState<Record<string, string>>(applied);
  const appliedKey = JSON.stringify(applied);
  useEffect(() => setDraft(JSON.parse(appliedKey) as Record<string, string>), [appliedKey]);

  function apply(values: Record<string, string>, grouping: CommitmentGrouping = groupBy) {
    const next = new URLSearchParams({ groupBy: grouping });
    for (const [key, value] of Object.entries(values)) if (value) next.set(key, value);
    setParams(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  const choose = (name: string) => (value: string) => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    apply(next);
  };
  const toggle = (name: string) => (isChecked: boolean) => choose(name)(isChecked ? 'true' : '');

  const partnerOptions = sortOptions(
    [...(partners.data?.values() ?? [])].map((item) => ({
      value: item.id,
      label: pickLocalised(item.nameVi, item.nameEn),
    })),
  );
  const areaOptions = sortOptions(
    [...(areas.data?.values() ?? [])].map((item) => ({
      value: item.id,
      label: pickLocalised(item.labelVi, item.labelEn),
    })),
  );
  const ownerOptions = sortOptions(
    [...(organisations.data?.values() ?? [])].map((item) => ({
      value: item.id,
      label: pickLocalised(item.nameVi, item.nameEn),
    })),
  );

  return (
    <div className="stack">
      <h1>{t('board.title')}</h1>
      <form className="filters" onSubmit={submit} aria-label={t('registry.filters')}>
        <SelectField
          name="groupBy"
          label={t('board.groupBy')}
          value={groupBy}
          options={commitmentGroupings.map((value) => ({ value, label: t(`board.groupings.${value}`) }))}
          onChange={(value) => apply(draft, isGrouping(value) ? value : 'owner')}
        />
        <SelectField
          name="ownerId"
          label={t('columns.owners')}
          value={draft.ownerId ?? ''}
          options={ownerOptions}
          emptyLabel={t('registry.all')}
          onChange={choose('ownerId')}
        />
        <SelectField
          name="partnerId"
          label={t('board.partner')}
          value={draft.partnerId ?? ''}
          options={partnerOptions}
          emptyLabel={t('registry.all')}
          onChange={choose('partnerId')}
        />
        <SelectField
          name="areaId"
          label={t('detail.areas')}
          value={draft.areaId ?? ''}
          options={areaOptions}
          emptyLabel={t('registry.all')}
          onChange={choose('areaId')}
        />
        <SelectField
          name="status"
          label={t('columns.status')}
          value={draft.status ?? ''}
          options={listEnumOptions('commitmentStatus', commitmentStatuses)}
          emptyLabel={t('registry.all')}
          onChange={choose('status')}
        />
        <TextField
          name="dueFrom"
          label={t('board.dueFrom')}
          type="date"
          value={draft.dueFrom ?? ''}
          onChange={(value) => setDraft({ ...draft, dueFrom: value })}
        />
        <TextField
          name="dueBefore"
          label={t('board.dueBefore')}
          type="date"
          value={draft.dueBefore ?? ''}
          onChange={(value) => setDraft({ ...draft, dueBefore: value })}
        />
        <CheckboxField
          name="isOverdue"
          label={t('board.overdueOnly')}
          isChecked={draft.isOverdue === 'true'}
          onChange={toggle('isOverdue')}
        />
        <CheckboxField
          name="isSilent"
          label={t('board.silentOnly')}
          isChecked={draft.isSilent === 'true'}
          onChange={toggle('isSilent')}
        />
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('registry.apply')}
          </button>
          <button type="button" onClick={() => apply({})}>
            {t('registry.clear')}
          </button>
        </div>
      </form>
      <QueryState query={board}>
        {(data) => (
          <>
            <p className="muted" aria-live="polite" data-testid="board-total">
              {t('board.total', {
                count: data.total,
                formattedCount: formatNumber(data.total),
                groups: data.groups.length,
              })}
            </p>
            {data.isTruncated && <p className="notice notice-warn">{t('board.truncated')}</p>}
            {data.groups.length === 0 ? (
              <p className="muted">{t('app.empty')}</p>
            ) : (
              data.groups.map((group) => <GroupSection key={group.key} group={group} groupBy={groupBy} />)
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
