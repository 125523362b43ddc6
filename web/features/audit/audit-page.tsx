import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AuditRecord } from '../../../common/contracts/audit.ts';
import type { UserRecord } from '../../../common/contracts/users.ts';
import { type AuditedType, auditedTypes } from '../../../common/domain/enums.ts';
import { diffRecordImages } from '../../../common/domain/record-diff.ts';
import { buildQuery, requestJson } from '../../app/http.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { QueryState } from '../../ui/query-state.tsx';
import type { Page } from '../registry/registry.api.ts';

const pageSize = 50;

/** Where each kind of record has its page, for a link from its audit rows. */
const recordPaths: Partial<Record<AuditedType, string>> = {
  partner: 'partners',
  organisation: 'organisations',
  person: 'people',
  agreement: 'agreements',
  event: 'events',
  commitment: 'commitments',
  source: 'sources',
  policy: 'policies',
  area: 'areas',
};

/** `/app/audit`: every audited write, newest first, filtered by user, record type and days. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = {
    userId: params.get('userId') || undefined,
    recordType: params.get('recordType') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    page: Number(params.get('page') ?? 1) || 1,
  };
  const audit = useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) =>
      requestJson<Page<AuditRecord>>(`/api/v1/audit${buildQuery({ ...filters, pageSize })}`, { signal }),
    placeholderData: keepPreviousData,
  });
  const users = useQuery({
    queryKey: ['users', 'list', 'audit'],
    queryFn: ({ signal }) =>
      requestJson<Page<UserRecord>>(`/api/v1/users${buildQuery({ pageSize: 200 })}`, { signal }),
  });
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };
  const labelOf = (field: string) =>
    i18n.exists(`columns.${field}`) ? t(`columns.${field}` as 'columns.name') : field;

  return (
    <div className="stack">
      <h1>{t('audit.title')}</h1>
      <div className="row card">
        <label>
          {t('audit.user')}{' '}
          <select value={filters.userId ?? ''} onChange={(event) => setFilter('userId', event.target.value)}>
            <option value="">{t('audit.anyone')}</option>
            {users.data?.items.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName || user.email}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.recordType')}{' '}
          <select
            value={filters.recordType ?? ''}
            onChange={(event) => setFilter('recordType', event.target.value)}
          >
            <option value="">{t('audit.allTypes')}</option>
            {auditedTypes.map((type) => (
              <option key={type} value={type}>
                {t(`audit.types.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('registry.from')}{' '}
          <input
            type="date"
            value={filters.from ?? ''}
            onChange={(event) => setFilter('from', event.target.value)}
          />
        </label>
        <label>
          {t('registry.to')}{' '}
          <input
            type="date"
            value={filters.to ?? ''}
            onChange={(event) => setFilter('to', event.target.value)}
          />
        </label>
      </div>
      <QueryState query={audit}>
        {(page) => (
          <>
            <table className="data-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.user')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.record')}</th>
                  <th scope="col">{t('history.field')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((row) => {
                  const path = recordPaths[row.recordType];
                  const changes = diffRecordImages(
                    row.before as Record<string, unknown> | null,
                    row.after as Record<string, unknown> | null,
                  );
                  return (
                    <tr key={row.id}>
                      <td>{formatDateTime(row.at)}</td>
                      <td>{row.userEmail ?? t('history.system')}</td>
                      <td>{t(`history.actions.${row.action}`)}</td>
                      <td>
                        {t(`audit.types.${row.recordType}`)}{' '}
                        {path && row.action !== 'delete' ? (
                          <Link to={`/app/${path}/${row.recordId}`}>{row.recordId.slice(0, 8)}</Link>
                        ) : (
                          row.recordId.slice(0, 8)
                        )}
                      </td>
                      <td>{changes.map((change) => labelOf(change.field)).join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="row">
              <button
                type="button"
                disabled={filters.page <= 1}
                onClick={() => setFilter('page', String(filters.page - 1))}
              >
                {t('registry.previous')}
              </button>
              <span>
                {t('registry.page', {
                  page: filters.page,
                  pages: Math.max(1, Math.ceil(page.total / pageSize)),
                })}
              </span>
              <button
                type="button"
                disabled={filters.page * pageSize >= page.total}
                onClick={() => setFilter('page', String(filters.page + 1))}
              >
                {t('registry.next')}
              </button>
            </p>
          </>
        )}
      </QueryState>
    </div>
  );
}
