import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PolicyRecord } from '../../../common/contracts/policies.ts';
import { buildQuery, requestJson } from '../../app/http.ts';
import { formatDate } from '../../i18n/format.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { IdLinks } from '../registry/id-links.tsx';
import type { Page } from '../registry/registry.api.ts';

function usePolicies() {
  return useQuery({
    queryKey: ['policies', 'list', 'all'],
    queryFn: ({ signal }) =>
      requestJson<Page<PolicyRecord>>(`/api/v1/policies${buildQuery({ sort: 'issuedOn', pageSize: 200 })}`, {
        signal,
      }),
  });
}

/** `/app/policies`: the Vietnamese policies cooperation implements, newest resolutions last. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const policies = usePolicies();
  return (
    <div className="stack">
      <h1>{t('policies.title')}</h1>
      <p className="muted">{t('policies.hint')}</p>
      <QueryState query={policies}>
        {(page) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('columns.number')}</th>
                <th scope="col">{t('columns.title')}</th>
                <th scope="col">{t('columns.issuingBody')}</th>
                <th scope="col">{t('columns.issuedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((policy) => (
                <tr key={policy.id}>
                  <td>
                    <Link to={`/app/policies/${policy.id}`}>{policy.number}</Link>
                  </td>
                  <td>{policy.title}</td>
                  <td>{policy.issuingBody}</td>
                  <td>{formatDate(policy.issuedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </div>
  );
}

const citingKinds = ['agreements', 'events', 'commitments'] as const;

function useCiting(kind: (typeof citingKinds)[number], policyId: string) {
  return useQuery({
    queryKey: [kind, 'list', { policyId }],
    queryFn: ({ signal }) =>
      requestJson<Page<{ id: string }>>(`/api/v1/${kind}${buildQuery({ policyId, pageSize: 200 })}`, {
        signal,
      }),
  });
}

function Citing({ kind, policyId }: { kind: (typeof citingKinds)[number]; policyId: string }) {
  const { t } = useTranslation();
  const citing = useCiting(kind, policyId);
  return (
    <section className="card" aria-labelledby={`citing-${kind}`}>
      <h2 id={`citing-${kind}`}>{t(`records.${kind}`)}</h2>
      <QueryState query={citing}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('policies.none')}</p>
          ) : (
            <IdLinks kind={kind} ids={page.items.map((item) => item.id)} />
          )
        }
      </QueryState>
    </section>
  );
}

/** `/app/policies/:id`: a policy and everything that cites it. */
export function PolicyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const policy = useQuery({
    queryKey: ['policies', 'one', id],
    queryFn: ({ signal }) =>
      requestJson<PolicyRecord>(`/api/v1/policies/${encodeURIComponent(id)}`, { signal }),
  });
  return (
    <QueryState query={policy}>
      {(record) => (
        <div className="stack">
          <div>
            <p className="eyebrow">{t('policies.title')}</p>
            <h1>
              {record.number} — {record.title}
            </h1>
          </div>
          <dl className="fields card">
            <div>
              <dt>{t('columns.issuingBody')}</dt>
              <dd>{record.issuingBody}</dd>
            </div>
            <div>
              <dt>{t('columns.issuedOn')}</dt>
              <dd>{formatDate(record.issuedOn)}</dd>
            </div>
            {record.url && (
              <div>
                <dt>{t('columns.url')}</dt>
                <dd>
                  <a href={record.url} rel="noreferrer">
                    {record.url}
                  </a>
                </dd>
              </div>
            )}
          </dl>
          <h2>{t('policies.citing')}</h2>
          {citingKinds.map((kind) => (
            <Citing key={kind} kind={kind} policyId={record.id} />
          ))}
        </div>
      )}
    </QueryState>
  );
}
