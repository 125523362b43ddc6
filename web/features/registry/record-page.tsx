import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mayPostProgress } from '../../../common/domain/permissions.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { ProgressForm } from '../commitments/progress-form.tsx';
import { DocumentsPanel } from '../documents/documents-panel.tsx';
import { ProvenanceSection } from '../provenance/provenance-section.tsx';
import { useMe } from '../session/session.api.ts';
import { IdLinks } from './id-links.tsx';
import { RecordView } from './record-view.tsx';
import { type RecordTypes, useAreaLookup, usePartnerLookup, useRecord } from './registry.api.ts';
import { labelAreas, labelPartners } from './registry-columns.tsx';

function useLookups() {
  const partners = usePartnerLookup();
  const areas = useAreaLookup();
  return { partners: partners.data, areas: areas.data };
}

function Related({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `related-${title.replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

type Progress = RecordTypes['commitments']['progress'][number];

/** Oldest first, as a dated log reads; same-day notes keep the order they were posted in. */
function sortProgress(progress: Progress[]): Progress[] {
  return [...progress].sort((a, b) => a.on.localeCompare(b.on));
}

export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useRecord('events', id);
  const lookups = useLookups();
  return (
    <QueryState query={event}>
      {(record) => (
        <RecordView collection="events" record={record} title={record.title}>
          <Related title={t('detail.participants')}>
            {record.participants.length === 0 ? (
              <p className="muted">{t('app.empty')}</p>
            ) : (
              <ul>
                {record.participants.map((participant) => (
                  <li key={`${participant.personId}-${participant.role}`}>
                    <Link to={`/app/people/${participant.personId}`}>{participant.personName}</Link>
                    {participant.title && ` — ${participant.title}`} (
                    {labelEnum('participantRole', participant.role)})
                  </li>
                ))}
              </ul>
            )}
          </Related>
          <Related title={t('columns.partners')}>
            <p>{labelPartners(record.partnerIds, lookups) || t('app.none')}</p>
          </Related>
          <Related title={t('detail.areas')}>
            <p>{labelAreas(record.areaIds, lookups) || t('app.none')}</p>
          </Related>
          <Related title={t('detail.agreements')}>
            <IdLinks kind="agreements" ids={record.agreementIds} />
          </Related>
          <Related title={t('detail.sources')}>
            <IdLinks kind="sources" ids={record.sourceIds} />
          </Related>
          <DocumentsPanel recordType="event" recordId={record.id} />
          <ProvenanceSection recordType="event" recordId={record.id} />
        </RecordView>
      )}
    </QueryState>
  );
}

export function CommitmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const commitment = useRecord('commitments', id);
  const me = useMe();
  const lookups = useLookups();
  return (
    <QueryState query={commitment}>
      {(record) => (
        <RecordView collection="commitments" record={record} title={record.text}>
          {record.isOverdue && (
            <p>
              <span className="badge badge-warn" data-testid="overdue">
                {t('progress.overdue')}
              </span>
            </p>
          )}
          <Related title={t('detail.owner')}>
            <IdLinks kind="organisations" ids={[...record.vnOwnerIds, ...record.partnerOwnerIds]} />
          </Related>
          <Related title={t('detail.areas')}>
            <p>{labelAreas(record.areaIds, lookups) || t('app.none')}</p>
          </Related>
          <Related title={t('detail.progress')}>
            {record.progress.length === 0 ? (
              <p className="muted">{t('app.empty')}</p>
            ) : (
              <ol className="progress-list" data-testid="progress-list">
                {sortProgress(record.progress).map((entry) => (
                  <li key={entry.id}>
                    <time dateTime={entry.on}>{formatDate(entry.on)}</time> — {entry.note}
                    {entry.status && (
                      <>
                        {' '}
                        <span className={`badge status-${entry.status}`}>
                          {labelEnum('commitmentStatus', entry.status)}
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {mayPostProgress(me.data, record) && <ProgressForm commitment={record} />}
          </Related>
          {record.agreementId && (
            <Related title={t('detail.agreements')}>
              <IdLinks kind="agreements" ids={[record.agreementId]} />
            </Related>
          )}
          {record.eventId && (
            <Related title={t('detail.events')}>
              <IdLinks kind="events" ids={[record.eventId]} />
            </Related>
          )}
          <DocumentsPanel
            recordType="commitment"
            recordId={record.id}
            mayUpload={mayPostProgress(me.data, record)}
          />
          <ProvenanceSection recordType="commitment" recordId={record.id} />
        </RecordView>
      )}
    </QueryState>
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = useRecord('people', id);
  return (
    <QueryState query={person}>
      {(record) => (
        <RecordView collection="people" record={record} title={record.name}>
          <Related title={t('detail.positions')}>
            {record.positions.length === 0 ? (
              <p className="muted">{t('app.empty')}</p>
            ) : (
              <ul>
                {record.positions.map((position) => (
                  <li key={position.id}>
                    {position.title}
                    {position.organisationName && `, ${position.organisationName}`}
                    {(position.startOn || position.endOn) &&
                      ` (${formatDate(position.startOn)} – ${formatDate(position.endOn)})`}
                  </li>
                ))}
              </ul>
            )}
          </Related>
          <ProvenanceSection recordType="person" recordId={record.id} />
        </RecordView>
      )}
    </QueryState>
  );
}

export function OrganisationPage() {
  const { id = '' } = useParams();
  const organisation = useRecord('organisations', id);
  return (
    <QueryState query={organisation}>
      {(record) => (
        <RecordView
          collection="organisations"
          record={record}
          title={pickLocalised(record.nameVi, record.nameEn)}
        />
      )}
    </QueryState>
  );
}

export function SourcePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const source = useRecord('sources', id);
  return (
    <QueryState query={source}>
      {(record) => (
        <RecordView collection="sources" record={record} title={record.title}>
          <p className="row">
            {record.reviewStatus === 'draft' && (
              <Link to={`/app/review/${record.id}`}>{t('detail.openInReview')}</Link>
            )}
            {record.isPublished && <Link to={`/news/${record.id}`}>{t('detail.viewOnPortal')}</Link>}
          </p>
          <Related title={t('detail.sourceText')}>
            <div className="source-plain">{record.text}</div>
          </Related>
        </RecordView>
      )}
    </QueryState>
  );
}
