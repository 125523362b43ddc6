import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { DocumentsPanel } from '../documents/documents-panel.tsx';
import { ProvenanceSection } from '../provenance/provenance-section.tsx';
import { IdLinks } from '../registry/id-links.tsx';
import { RecordView } from '../registry/record-view.tsx';
import {
  type Agreement,
  useAreaLookup,
  usePartnerLookup,
  useRecord,
  useRecordList,
} from '../registry/registry.api.ts';
import { labelAreas } from '../registry/registry-columns.tsx';
import { ClocksSection } from './clocks-section.tsx';
import { DocumentsSection } from './documents-section.tsx';
import { LifecycleSection } from './lifecycle-section.tsx';
import { ValiditySection } from './validity-section.tsx';

function AgreementRelations({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const partners = usePartnerLookup();
  const areas = useAreaLookup();
  const commitments = useRecordList('commitments', { agreementId: agreement.id, pageSize: 200 });
  const events = useRecordList('events', { agreementId: agreement.id, pageSize: 200 });
  const mentioning = events.data?.items ?? [];

  return (
    <>
      <section className="card" aria-labelledby="parties-title">
        <h2 id="parties-title">{t('detail.parties')}</h2>
        <ul>
          {agreement.partyIds.map((id) => {
            const partner = partners.data?.get(id);
            return (
              <li key={id}>
                <Link to={`/app/partners/${id}`}>
                  {partner ? pickLocalised(partner.nameVi, partner.nameEn) : id}
                </Link>
              </li>
            );
          })}
        </ul>
        <p className="muted">
          {t('detail.areas')}:{' '}
          {labelAreas(agreement.areaIds, { partners: partners.data, areas: areas.data }) || '—'}
        </p>
      </section>
      <section className="card" aria-labelledby="commitments-title">
        <h2 id="commitments-title">{t('detail.commitments')}</h2>
        <QueryState query={commitments}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="muted">{t('app.empty')}</p>
            ) : (
              <ul>
                {data.items.map((commitment) => (
                  <li key={commitment.id}>
                    <Link to={`/app/commitments/${commitment.id}`}>{commitment.text}</Link>{' '}
                    <span className="badge">{labelEnum('commitmentStatus', commitment.status)}</span>
                    {commitment.dueOn && ` · ${t('detail.due')} ${formatDate(commitment.dueOn)}`}
                    {commitment.isOverdue && (
                      <>
                        {' '}
                        <span className="badge badge-warn">{t('progress.overdue')}</span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section className="card" aria-labelledby="events-title">
        <h2 id="events-title">{t('detail.events')}</h2>
        {mentioning.length === 0 ? (
          <p className="muted">{t('app.empty')}</p>
        ) : (
          <ul>
            {mentioning.map((event) => (
              <li key={event.id}>
                {formatDate(event.startOn)} — <Link to={`/app/events/${event.id}`}>{event.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="sources-title">
        <h2 id="sources-title">{t('detail.sources')}</h2>
        <IdLinks kind="sources" ids={agreement.sourceIds} />
      </section>
    </>
  );
}

export function AgreementPage() {
  const { id = '' } = useParams();
  const agreement = useRecord('agreements', id);
  return (
    <QueryState query={agreement}>
      {(record) => (
        <RecordView
          collection="agreements"
          record={record}
          title={pickLocalised(record.titleVi, record.titleEn)}
        >
          <LifecycleSection agreement={record} />
          <ClocksSection agreement={record} />
          <ValiditySection agreement={record} />
          <DocumentsSection agreement={record} />
          <AgreementRelations agreement={record} />
          <DocumentsPanel recordType="agreement" recordId={record.id} />
          <ProvenanceSection recordType="agreement" recordId={record.id} />
        </RecordView>
      )}
    </QueryState>
  );
}
