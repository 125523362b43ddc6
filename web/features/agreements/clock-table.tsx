import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import type { Clock } from './agreements.api.ts';

const statusBadge = { open: '', done: 'badge-ok', overdue: 'badge-warn' } as const;

/** Legal clocks: what is owed, by when, how many days are left, and what closes each. */
export function ClockTable({
  clocks,
  caption,
  withAgreement = false,
}: {
  clocks: Clock[];
  caption: string;
  /** Adds a link to each clock's agreement (lists across agreements). */
  withAgreement?: boolean;
}) {
  const { t } = useTranslation();
  const closedBy = (clock: Clock) => {
    const rule = clock.closedBy;
    if (rule.kind === 'document')
      return t('clocks.closedByDocument', { slot: t(`documents.slots.${rule.slot}`) });
    if (rule.kind === 'transition')
      return t('clocks.closedByTransition', {
        statuses: rule.statuses.map((status) => labelEnum('agreementStatus', status)).join(', '),
      });
    return t('clocks.untracked');
  };
  const daysLeft = (clock: Clock) =>
    clock.status === 'done'
      ? t('clocks.doneOn', { date: formatDate(clock.doneOn) })
      : clock.daysLeft < 0
        ? t('clocks.daysLate', { count: -clock.daysLeft })
        : clock.daysLeft === 0
          ? t('clocks.dueToday')
          : t('clocks.daysLeft', { count: clock.daysLeft });
  const columns: Array<Column<Clock>> = [
    {
      key: 'rule',
      header: t('clocks.obligation'),
      render: (clock) => (
        <>
          {pickLocalised(clock.titleVi, clock.titleEn)}
          {withAgreement && clock.agreementId && (
            <>
              <br />
              <Link to={`/app/agreements/${clock.agreementId}`}>{t('clocks.openAgreement')}</Link>
            </>
          )}
        </>
      ),
    },
    { key: 'dueOn', header: t('clocks.dueOn'), render: (clock) => formatDate(clock.dueOn) },
    { key: 'daysLeft', header: t('clocks.remaining'), render: daysLeft },
    {
      key: 'status',
      header: t('columns.status'),
      render: (clock) => (
        <span className={`badge ${statusBadge[clock.status]}`}>{t(`clocks.statuses.${clock.status}`)}</span>
      ),
    },
    { key: 'closedBy', header: t('clocks.closedBy'), render: closedBy },
    {
      key: 'basis',
      header: t('clocks.basis'),
      render: (clock) => (
        <>
          {clock.basis}
          {clock.certainty === 'uncertain' && (
            <>
              {' '}
              <span className="badge" title={t('clocks.uncertainHint')}>
                {t('clocks.uncertain')}
              </span>
            </>
          )}
        </>
      ),
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={clocks}
      getRowKey={(clock) => `${clock.rule}-${clock.agreementId}-${clock.startedOn}`}
    />
  );
}
