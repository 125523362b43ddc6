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
import {
  type RecordTypes,
  useAreaLookup,
  usePartnerLookup,
  useRecord,
  useRecordList,
} from './registry.api.ts';
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
                    {entry.sourceId && (
                      <>
                        {' '}
                        <Link to={`/app/sources/${entry.sourceId}`}>({t('progress.fromArticle')})</Link>
                      </>
                    )}
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
          <PersonEvents personId={record.id} />
          <ProvenanceSection recordType="person" recordId={record.id} />
        </RecordView>
      )}
    </QueryState>
  );
}

/** The events a person took part in. */
function PersonEvents({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const events = useRecordList('events', { personId, pageSize: 50, sort: 'startOn', order: 'desc' });
  return (
    <Related title={t('detail.events')}>
      {events.data?.items.length === 0 ? (
        <p className="muted">{t('app.empty')}</p>
      ) : (
        <ul aria-label={t('detail.events')}>
          {events.data?.items.map((event) => (
            <li key={event.id}>
              <Link to={`/app/events/${event.id}`}>{event.title}</Link>
              {event.startOn && ` (${formatDate(event.startOn)})`}
            </li>
          ))}
        </ul>
      )}
    </Related>
  );
}

/** The units below an organisation, each with its own units: ministry → department → unit. */
function UnitTree({ parentId, depth = 0 }: { parentId: string; depth?: number }) {
  const units = useRecordList('organisations', { parentId, pageSize: 100 });
  const items = units.data?.items ?? [];
  if (items.length === 0 || depth > 6) return null;
  return (
    <ul className="unit-tree">
      {items.map((unit) => (
        <li key={unit.id}>
          <Link to={`/app/organisations/${unit.id}`}>{pickLocalised(unit.nameVi, unit.nameEn)}</Link>
          <UnitTree parentId={unit.id} depth={depth + 1} />
        </li>
      ))}
    </ul>
  );
}

/** Reorganisations: what this organisation became, and what became it. */
function Lineage({ record }: { record: RecordTypes['organisations'] }) {
  const { t } = useTranslation();
  const successor = useRecordList('organisations', { ids: record.successorId ?? undefined, pageSize: 1 });
  const predecessors = useRecordList('organisations', { successorId: record.id, pageSize: 100 });
  const next = record.successorId ? successor.data?.items[0] : undefined;
  const before = predecessors.data?.items ?? [];
  if (!record.successorId && before.length === 0) return null;
  return (
    <Related title={t('detail.lineage')}>
      {next && record.lineageKind ? (
        <p>
          {labelEnum('lineageKind', record.lineageKind)}{' '}
          <Link to={`/app/organisations/${next.id}`}>{pickLocalised(next.nameVi, next.nameEn)}</Link>
          {record.lineageFrom && ` (${t('detail.lineageFrom', { date: formatDate(record.lineageFrom) })})`}
        </p>
      ) : null}
      {before.length > 0 ? (
        <p>
          {t('detail.predecessors')}{' '}
          {before.map((item, index) => (
            <span key={item.id}>
              {index > 0 && ', '}
              <Link to={`/app/organisations/${item.id}`}>{pickLocalised(item.nameVi, item.nameEn)}</Link>
            </span>
          ))}
        </p>
      ) : null}
    </Related>
  );
}

export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organisation = useRecord('organisations', id);
  return (
    <QueryState query={organisation}>
      {(record) => (
        <RecordView
          collection="organisations"
          record={record}
          title={pickLocalised(record.nameVi, record.nameEn)}
        >
          <Lineage record={record} />
          <Related title={t('detail.units')}>
            <UnitTree parentId={record.id} />
          </Related>
        </RecordView>
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
