import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays, todayInVietNam } from '../../../common/domain/calendar.ts';
import { isCommitmentOpen } from '../../../common/domain/deadlines.ts';
import { buildQuery } from '../../app/http.ts';
import { lazyPage } from '../../app/lazy-page.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { ClockTable } from '../agreements/clock-table.tsx';
import { type Commitment, useOrganisationLookup, useRecordList } from '../registry/registry.api.ts';
import { useMe } from '../session/session.api.ts';
import { useClocksDue, useRadar } from './my-work.api.ts';

const LeadershipDashboard = lazyPage(() => import('../dashboard/dashboard-page.tsx'), 'DashboardPage');

const clockHorizonDays = 30;
const listSize = 50;

/** The two questions leadership asks most, one link each. */
export const expiringLink = `/app/agreements${buildQuery({ expiringWithinDays: 365 })}`;
export const overdueByOwnerLink = `/app/commitments/board${buildQuery({ groupBy: 'owner', isOverdue: true })}`;

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  children: ReactNode;
}) {
  return (
    <section className="card stack" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>
        {title}
        {count !== undefined && (
          <>
            {' '}
            <span className="badge">{count}</span>
          </>
        )}
      </h2>
      {children}
    </section>
  );
}

function CommitmentLines({ items }: { items: Commitment[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('myWork.nothing')}</p>;
  return (
    <ul className="card-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={`/app/commitments/${item.id}`}>{item.text}</Link>{' '}
          <span className={`badge status-${item.status}`}>{labelEnum('commitmentStatus', item.status)}</span>
          {item.dueOn && ` · ${t('detail.due')} ${formatDate(item.dueOn)}`}
          {item.isOverdue && (
            <>
              {' '}
              <span className="badge badge-warn">{t('progress.overdue')}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function CommitmentSection({
  id,
  title,
  params,
}: {
  id: string;
  title: string;
  params: Record<string, string>;
}) {
  const list = useRecordList('commitments', { ...params, sort: 'dueOn', pageSize: listSize });
  return (
    <QueryState query={list}>
      {(data) => {
        const open = data.items.filter((item) => isCommitmentOpen(item.status));
        return (
          <Section id={id} title={title} count={open.length}>
            <CommitmentLines items={open} />
          </Section>
        );
      }}
    </QueryState>
  );
}

interface RadarItem {
  id: string;
  to: string;
  name: string;
  note: string;
}

function RadarSection({ id, title, items }: { id: string; title: string; items: RadarItem[] }) {
  const { t } = useTranslation();
  return (
    <Section id={id} title={title} count={items.length}>
      {items.length === 0 ? (
        <p className="muted">{t('myWork.nothing')}</p>
      ) : (
        <ul className="card-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={item.to}>{item.name}</Link> <span className="muted">{item.note}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Clocks and radars for everyone, or only those of the user's unit when the user is a unit's. */
function ClocksAndRadars({ unitId }: { unitId: string | null }) {
  const { t } = useTranslation();
  const clocks = useClocksDue(clockHorizonDays);
  const radar = useRadar();
  const isMine = (ownerId: string | null) => unitId === null || ownerId === unitId;
  return (
    <>
      <QueryState query={clocks}>
        {(data) => {
          const mine = data.items.filter((clock) => clock.status !== 'done' && isMine(clock.ownerUnitId));
          return (
            <Section
              id="my-clocks"
              title={t('myWork.clocks', { days: clockHorizonDays })}
              count={mine.length}
            >
              {mine.length === 0 ? (
                <p className="muted">{t('myWork.nothing')}</p>
              ) : (
                <ClockTable
                  clocks={mine}
                  caption={t('myWork.clocks', { days: clockHorizonDays })}
                  withAgreement
                />
              )}
            </Section>
          );
        }}
      </QueryState>
      <QueryState query={radar}>
        {(data) => (
          <>
            <RadarSection
              id="radar-silent"
              title={t('myWork.silent')}
              items={data.silentCommitments
                .filter((item) => unitId === null || item.vnOwnerIds.includes(unitId))
                .map((item) => ({
                  id: item.id,
                  to: `/app/commitments/${item.id}`,
                  name: item.text,
                  note: t('board.lastSign', { date: formatDate(item.lastSignOfLifeOn) }),
                }))}
            />
            <RadarSection
              id="radar-renewal"
              title={t('myWork.renewal')}
              items={data.renewalWindow
                .filter((item) => isMine(item.signingUnitId))
                .map((item) => ({
                  id: item.id,
                  to: `/app/agreements/${item.id}`,
                  name: pickLocalised(item.titleVi, item.titleEn),
                  note: [
                    t('myWork.termEnds', { date: formatDate(item.currentTermEndsOn) }),
                    item.noticeDueOn ? t('myWork.noticeBy', { date: formatDate(item.noticeDueOn) }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · '),
                }))}
            />
            <RadarSection
              id="radar-dormant"
              title={t('myWork.dormant')}
              items={data.dormantAgreements
                .filter((item) => isMine(item.signingUnitId))
                .map((item) => ({
                  id: item.id,
                  to: `/app/agreements/${item.id}`,
                  name: pickLocalised(item.titleVi, item.titleEn),
                  note: t('board.lastSign', { date: formatDate(item.lastSignOfLifeOn) }),
                }))}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

/** The home of units and leadership: what is owed this week, what is late, the legal clocks and
 * the radars — a unit's own, or the whole ministry's for everyone else. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organisations = useOrganisationLookup();
  const unitId = me.data?.role === 'unit' ? me.data.organisationId : null;
  const unit = unitId ? organisations.data?.get(unitId) : undefined;
  const today = todayInVietNam();
  const owner: Record<string, string> = unitId ? { ownerId: unitId } : {};
  return (
    <div className="stack">
      <div>
        <p className="eyebrow">
          {unitId ? (unit ? pickLocalised(unit.nameVi, unit.nameEn) : '') : t('myWork.wholeMinistry')}
        </p>
        <h1>{t('myWork.title')}</h1>
      </div>
      <nav aria-label={t('myWork.quickLinks')} className="card">
        <ul className="quick-links">
          <li>
            <Link to={expiringLink}>{t('myWork.expiringLink')}</Link>
          </li>
          <li>
            <Link to={overdueByOwnerLink}>{t('myWork.overdueByOwnerLink')}</Link>
          </li>
          {unitId && (
            <li>
              <Link to={`/app/commitments/board${buildQuery({ groupBy: 'status', ownerId: unitId })}`}>
                {t('myWork.unitBoardLink')}
              </Link>
            </li>
          )}
        </ul>
      </nav>
      {me.data?.role === 'viewer' && (
        // Leadership reads the dashboard first; its charts load only here and on /app/dashboard.
        <div id="leadership-dashboard" data-testid="dashboard-slot">
          <Suspense fallback={null}>
            <LeadershipDashboard />
          </Suspense>
        </div>
      )}
      <CommitmentSection
        id="my-week"
        title={unitId ? t('myWork.unitWeek') : t('myWork.week')}
        params={{ ...owner, dueFrom: today, dueBefore: addDays(today, 7) }}
      />
      <CommitmentSection
        id="my-overdue"
        title={unitId ? t('myWork.unitOverdue') : t('myWork.overdue')}
        params={{ ...owner, isOverdue: 'true' }}
      />
      <ClocksAndRadars unitId={unitId} />
    </div>
  );
}
