import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { compareByDue } from '../../../common/domain/deadlines.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { getLanguage, pickLocalised } from '../../i18n/i18n.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { RecordView } from '../registry/record-view.tsx';
import { useOrganisationLookup } from '../registry/registry.api.ts';
import { type PartnerOverview, usePartnerOverview } from './partners.api.ts';

function compareDates(a: string | null, b: string | null): number {
  return (a ?? '9999').localeCompare(b ?? '9999');
}

/** Downloads of the one-page briefing in the interface's language (the session cookie goes along). */
function BriefingLinks({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const base = `/api/v1/partners/${partnerId}/briefing`;
  const lang = `?lang=${getLanguage()}`;
  return (
    <section className="card" aria-labelledby="briefing-title">
      <h2 id="briefing-title">{t('detail.briefing')}</h2>
      <p className="muted">{t('detail.briefingHint')}</p>
      <p>
        <a className="button" href={`${base}.pdf${lang}`} download>
          {t('detail.briefingPdf')}
        </a>{' '}
        <a className="button" href={`${base}.docx${lang}`} download>
          {t('detail.briefingDocx')}
        </a>
      </p>
    </section>
  );
}

/** Under a section that shows only the newest records: how many there are, and where the rest are. */
function SeeAll({ shown, total, to }: { shown: number; total: number | undefined; to: string | null }) {
  const { t } = useTranslation();
  if (total === undefined || total <= shown) return null;
  const label = t('detail.newestOf', { shown: formatNumber(shown), formattedCount: formatNumber(total) });
  return <p className="muted">{to ? <Link to={to}>{label}</Link> : label}</p>;
}

function OverviewSections({ overview }: { overview: PartnerOverview }) {
  const { t } = useTranslation();
  const organisations = useOrganisationLookup();
  const orgName = (id: string) => {
    const organisation = organisations.data?.get(id);
    return organisation ? pickLocalised(organisation.nameVi, organisation.nameEn) : '';
  };
  const timeline = [...overview.events].sort((a, b) => compareDates(b.startOn, a.startOn));
  const commitments = [...overview.commitments].sort(compareByDue);

  return (
    <>
      <BriefingLinks partnerId={overview.partner.id} />
      <section className="card" aria-labelledby="agreements-title">
        <h2 id="agreements-title">{t('detail.agreements')}</h2>
        {overview.agreements.length === 0 ? (
          <p className="muted">{t('app.empty')}</p>
        ) : (
          <DataTable
            caption={t('detail.agreements')}
            rows={overview.agreements}
            getRowKey={(row) => row.id}
            columns={[
              {
                key: 'title',
                header: t('columns.title'),
                render: (row) => (
                  <Link to={`/app/agreements/${row.id}`}>{pickLocalised(row.titleVi, row.titleEn)}</Link>
                ),
              },
              {
                key: 'kind',
                header: t('columns.kind'),
                render: (row) => labelEnum('agreementKind', row.kind),
              },
              {
                key: 'status',
                header: t('columns.status'),
                render: (row) => (
                  <span className={`badge status-${row.status}`}>
                    {labelEnum('agreementStatus', row.status)}
                  </span>
                ),
              },
              { key: 'signedOn', header: t('columns.signedOn'), render: (row) => formatDate(row.signedOn) },
              {
                key: 'validity',
                header: t('columns.validTo'),
                render: (row) =>
                  [formatDate(row.validFrom), formatDate(row.validTo)].filter(Boolean).join(' – '),
              },
            ]}
          />
        )}
        <SeeAll
          shown={overview.agreements.length}
          total={overview.counts?.agreements}
          to={`/app/agreements?partnerId=${encodeURIComponent(overview.partner.id)}`}
        />
      </section>
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('detail.timeline')}</h2>
        {timeline.length === 0 ? (
          <p className="muted">{t('app.empty')}</p>
        ) : (
          <ol className="timeline">
            {timeline.map((event) => (
              <li key={event.id}>
                <time dateTime={event.startOn ?? undefined}>{formatDate(event.startOn)}</time>{' '}
                <span className="badge">{labelEnum('eventKind', event.kind)}</span>{' '}
                <Link to={`/app/events/${event.id}`}>{event.title}</Link>
              </li>
            ))}
          </ol>
        )}
        <SeeAll
          shown={timeline.length}
          total={overview.counts?.events}
          to={`/app/events?partnerId=${encodeURIComponent(overview.partner.id)}`}
        />
      </section>
      <section className="card" aria-labelledby="people-title">
        <h2 id="people-title">{t('detail.peopleMet')}</h2>
        {overview.people.length === 0 ? (
          <p className="muted">{t('app.empty')}</p>
        ) : (
          <ul>
            {overview.people.map((person) => (
              <li key={`${person.personId}-${person.metOn}`}>
                <Link to={`/app/people/${person.personId}`}>{person.name}</Link>
                {(person.title || person.organisationName) &&
                  ` — ${[person.title, person.organisationName].filter(Boolean).join(', ')}`}
                {person.metOn && <span className="muted"> ({formatDate(person.metOn)})</span>}
              </li>
            ))}
          </ul>
        )}
        <SeeAll shown={overview.people.length} total={overview.counts?.peopleMet} to={null} />
      </section>
      <section className="card" aria-labelledby="commitments-title">
        <h2 id="commitments-title">{t('detail.openCommitments')}</h2>
        {commitments.length === 0 ? (
          <p className="muted">{t('app.empty')}</p>
        ) : (
          <DataTable
            caption={t('detail.openCommitments')}
            rows={commitments}
            getRowKey={(row) => row.id}
            columns={[
              {
                key: 'text',
                header: t('columns.text'),
                render: (row) => <Link to={`/app/commitments/${row.id}`}>{row.text}</Link>,
              },
              {
                key: 'owners',
                header: t('columns.owners'),
                render: (row) =>
                  [...row.vnOwnerIds, ...row.partnerOwnerIds].map(orgName).filter(Boolean).join(', ') || '—',
              },
              {
                key: 'due',
                header: t('columns.dueOn'),
                render: (row) => formatDate(row.dueOn) || (row.horizonYear ? String(row.horizonYear) : '—'),
              },
              {
                key: 'status',
                header: t('columns.status'),
                render: (row) => (
                  <>
                    {labelEnum('commitmentStatus', row.status)}
                    {row.isOverdue && (
                      <>
                        {' '}
                        <span className="badge badge-warn">{t('progress.overdue')}</span>
                      </>
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </section>
      <section className="card" aria-labelledby="areas-title">
        <h2 id="areas-title">{t('detail.areas')}</h2>
        {overview.areas.length === 0 ? (
          <p className="muted">{t('app.empty')}</p>
        ) : (
          <ul className="tags">
            {overview.areas.map((area) => (
              <li key={area.id}>{pickLocalised(area.labelVi, area.labelEn)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function PartnerPage() {
  const { id = '' } = useParams();
  const overview = usePartnerOverview(id);
  return (
    <QueryState query={overview}>
      {(data) => (
        <RecordView
          collection="partners"
          record={data.partner}
          title={pickLocalised(data.partner.nameVi, data.partner.nameEn)}
        >
          <OverviewSections overview={data} />
        </RecordView>
      )}
    </QueryState>
  );
}
