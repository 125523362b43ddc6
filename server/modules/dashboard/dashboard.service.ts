import { type SQL, sql } from 'drizzle-orm';
import {
  type AreaOverview,
  areaOverviewLimit,
  type Dashboard,
  type DashboardQuery,
  type MatrixCell,
  matrixAreaLimit,
  matrixPartnerLimit,
  timelineLimit,
} from '../../../common/contracts/dashboard.ts';
import { addMonths, todayInVietNam } from '../../../common/domain/calendar.ts';
import { isCommitmentOverdue } from '../../../common/domain/deadlines.ts';
import {
  type AgreementKind,
  type AgreementStatus,
  type CommitmentStatus,
  closedCommitmentStatuses,
  homeCountryCode,
  type PartnerKind,
} from '../../../common/domain/enums.ts';
import type { Database } from '../../db/client.ts';
import { commonErrors } from '../../http/errors.ts';
import { readStatusSql } from '../agreements/agreements.service.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import { overdueCondition } from '../commitments/commitments.service.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { eventParticipants, events } from '../events/events.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { findNumericCode } from '../partners/country-names.ts';
import { partners } from '../partners/partners.table.ts';
import { people } from '../people/people.table.ts';

// Viet Nam, a party to every agreement, is no partner of its own: it is left off the map and the
// matrix. Every figure is one aggregate query (group by over unnested tag arrays), so the dashboard costs
// the same whatever the number of records, and nothing is loaded row by row into the process.
// Raw statements name tables without aliases, so drizzle's qualified columns ("agreements"."id")
// stay valid inside them; dates come back as text and arrays as JSON, the same on both drivers.

async function rowsOf<T>(db: Database, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

const closedList = sql`(${sql.join(
  closedCommitmentStatuses.map((status) => sql`${status}`),
  sql`, `,
)})`;

/** In force as the portal's partner page reads it: signed or in force, and its term not over. */
function inForceSql(today: string): SQL {
  return sql`(${readStatusSql(today)} in ('signed', 'in_force')
    and (${agreements.validTo} is null or ${agreements.validTo} >= ${today}::date or ${agreements.renewalPeriodMonths} is not null))`;
}

type Options = { isPublishedOnly: boolean };

export function createDashboardService({ db }: { db: Database }) {
  function published(isPublishedOnly: boolean) {
    return {
      agreements: isPublishedOnly ? sql`and ${agreements.isPublished}` : sql``,
      events: isPublishedOnly ? sql`and ${events.isPublished}` : sql``,
    };
  }

  async function findPartners(today: string, only: ReturnType<typeof published>) {
    const since = addMonths(today, -24);
    const rows = await rowsOf<{
      id: string;
      code: string;
      kind: PartnerKind;
      name_vi: string;
      name_en: string;
      agreements_in_force: number;
      recent_events: number;
    }>(
      db,
      sql`with in_force as (
          select u.pid, count(*)::int as n from ${agreements} cross join unnest(${agreements.partyIds}) as u(pid)
          where ${inForceSql(today)} ${only.agreements} group by u.pid),
        recent as (
          select u.pid, count(*)::int as n from ${events} cross join unnest(${events.partnerIds}) as u(pid)
          where ${events.startOn} >= ${since}::date and ${events.startOn} <= ${today}::date ${only.events}
          group by u.pid)
        select ${partners.id}, ${partners.code}, ${partners.kind}, ${partners.nameVi} as name_vi, ${partners.nameEn} as name_en,
          coalesce(in_force.n, 0)::int as agreements_in_force, coalesce(recent.n, 0)::int as recent_events
        from ${partners}
          left join in_force on in_force.pid = ${partners.id}
          left join recent on recent.pid = ${partners.id}
        where (in_force.n is not null or recent.n is not null) and upper(${partners.code}) <> ${homeCountryCode}
        order by coalesce(in_force.n, 0) + coalesce(recent.n, 0) desc, ${partners.nameVi}
        limit 1000`,
    );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      kind: row.kind,
      nameVi: row.name_vi,
      nameEn: row.name_en,
      numericCode: row.kind === 'country' ? findNumericCode(row.code) : null,
      agreementsInForce: Number(row.agreements_in_force),
      recentEvents: Number(row.recent_events),
    }));
  }

  async function findTimeline(query: DashboardQuery, only: ReturnType<typeof published>) {
    const eventWhere = sql.join(
      [
        sql`${events.startOn} is not null`,
        query.partnerId ? sql`${query.partnerId}::uuid = any(${events.partnerIds})` : undefined,
        query.areaId ? sql`${query.areaId} = any(${events.areaIds})` : undefined,
        query.kind ? sql`${events.kind} = ${query.kind}` : undefined,
        query.year ? sql`extract(year from ${events.startOn}) = ${query.year}` : undefined,
      ].filter((part) => part !== undefined),
      sql` and `,
    );
    const signingWhere = sql.join(
      [
        sql`${agreements.signedOn} is not null`,
        query.partnerId ? sql`${query.partnerId}::uuid = any(${agreements.partyIds})` : undefined,
        query.areaId ? sql`${query.areaId} = any(${agreements.areaIds})` : undefined,
        query.kind ? sql`${agreements.kind} = ${query.kind}` : undefined,
        query.year ? sql`extract(year from ${agreements.signedOn}) = ${query.year}` : undefined,
      ].filter((part) => part !== undefined),
      sql` and `,
    );
    const rows = await rowsOf<{
      entry: 'event' | 'signing';
      id: string;
      kind: string;
      title_vi: string;
      title_en: string;
      on_date: string;
      partner_ids: string[] | string;
      area_ids: string[] | string;
    }>(
      db,
      // Sorted and cut on bare columns first; dates and arrays are formatted for the 200 kept only.
      sql`select entry, id, kind, title_vi, title_en, to_char(sort_on, 'YYYY-MM-DD') as on_date,
          array_to_json(partner_ids) as partner_ids, array_to_json(area_ids) as area_ids
        from (
          select 'event' as entry, ${events.id} as id, ${events.kind} as kind, ${events.title} as title_vi,
            ${events.title} as title_en, ${events.startOn} as sort_on,
            ${events.partnerIds} as partner_ids, ${events.areaIds} as area_ids
          from ${events} where ${eventWhere} ${only.events}
          union all
          select 'signing', ${agreements.id}, ${agreements.kind}, ${agreements.titleVi}, ${agreements.titleEn},
            ${agreements.signedOn}, ${agreements.partyIds}, ${agreements.areaIds}
          from ${agreements} where ${signingWhere} ${only.agreements}
          order by sort_on desc, id limit ${timelineLimit}
        ) as timeline order by sort_on desc, id`,
    );
    const [counted] = await rowsOf<{ total: number }>(
      db,
      sql`select ((select count(*) from ${events} where ${eventWhere} ${only.events})
        + (select count(*) from ${agreements} where ${signingWhere} ${only.agreements}))::int as total`,
    );
    const asArray = (value: string[] | string): string[] =>
      typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
    return {
      timeline: rows.map((row) => ({
        entry: row.entry,
        id: row.id,
        kind: row.kind,
        titleVi: row.title_vi,
        titleEn: row.title_en || row.title_vi,
        on: row.on_date,
        partnerIds: asArray(row.partner_ids),
        areaIds: asArray(row.area_ids),
      })),
      timelineTotal: Number(counted?.total ?? 0),
    };
  }

  async function findMatrix(only: ReturnType<typeof published>, isPublishedOnly: boolean) {
    type Row = { area_id: string; pid: string; n: number };
    const agreementCells = await rowsOf<Row>(
      db,
      sql`select ua.area_id, up.pid, count(*)::int as n from ${agreements}
        cross join unnest(${agreements.areaIds}) as ua(area_id) cross join unnest(${agreements.partyIds}) as up(pid)
        where true ${only.agreements} group by ua.area_id, up.pid`,
    );
    const eventCells = await rowsOf<Row>(
      db,
      sql`select ua.area_id, up.pid, count(*)::int as n from ${events}
        cross join unnest(${events.areaIds}) as ua(area_id) cross join unnest(${events.partnerIds}) as up(pid)
        where true ${only.events} group by ua.area_id, up.pid`,
    );
    // A commitment's partners are its origin's: the agreement's parties or the event's partners,
    // as the commitments list's partner filter reads them.
    const commitmentCells = isPublishedOnly
      ? []
      : await rowsOf<Row>(
          db,
          // Hash joins to each origin rather than a lateral subquery per commitment; `distinct`
          // counts once a partner that is both the agreement's party and the event's partner.
          sql`select area_id, pid, count(distinct cid)::int as n from (
              select ${commitments.id} as cid, ua.area_id, up.pid from ${commitments}
                join ${agreements} on ${agreements.id} = ${commitments.agreementId}
                cross join unnest(${commitments.areaIds}) as ua(area_id) cross join unnest(${agreements.partyIds}) as up(pid)
                where ${commitments.status} not in ${closedList}
              union all
              select ${commitments.id}, ua.area_id, up.pid from ${commitments}
                join ${events} on ${events.id} = ${commitments.eventId}
                cross join unnest(${commitments.areaIds}) as ua(area_id) cross join unnest(${events.partnerIds}) as up(pid)
                where ${commitments.status} not in ${closedList}
            ) as origins group by area_id, pid`,
        );
    const cells = new Map<string, MatrixCell>();
    const add = (rows: Row[], field: 'agreements' | 'events' | 'openCommitments') => {
      for (const row of rows) {
        const key = `${row.area_id}|${row.pid}`;
        const cell = cells.get(key) ?? {
          areaId: row.area_id,
          partnerId: row.pid,
          agreements: 0,
          events: 0,
          openCommitments: 0,
        };
        cell[field] += Number(row.n);
        cells.set(key, cell);
      }
    };
    add(agreementCells, 'agreements');
    add(eventCells, 'events');
    add(commitmentCells, 'openCommitments');

    const totals = (pick: (cell: MatrixCell) => string) => {
      const sums = new Map<string, number>();
      for (const cell of cells.values())
        sums.set(
          pick(cell),
          (sums.get(pick(cell)) ?? 0) + cell.agreements + cell.events + cell.openCommitments,
        );
      return [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
    };
    const [home] = await rowsOf<{ id: string }>(
      db,
      sql`select ${partners.id} from ${partners} where upper(${partners.code}) = ${homeCountryCode}`,
    );
    const partnerIds = totals((cell) => cell.partnerId)
      .filter((id) => id !== home?.id)
      .slice(0, matrixPartnerLimit);
    const areaIds = totals((cell) => cell.areaId).slice(0, matrixAreaLimit);
    const [partnerRows, areaRows] = await Promise.all([
      partnerIds.length
        ? rowsOf<{ id: string; code: string; name_vi: string; name_en: string }>(
            db,
            sql`select ${partners.id}, ${partners.code}, ${partners.nameVi} as name_vi, ${partners.nameEn} as name_en
              from ${partners} where ${partners.id} = any(${sql.param(partnerIds)}::uuid[])`,
          )
        : [],
      areaIds.length
        ? rowsOf<{ id: string; label_vi: string; label_en: string }>(
            db,
            sql`select ${areas.id}, ${areas.labelVi} as label_vi, ${areas.labelEn} as label_en
              from ${areas} where ${areas.id} = any(${sql.param(areaIds)}::text[])`,
          )
        : [],
    ]);
    const byOrder = <T extends { id: string }>(ids: string[], rows: T[]) =>
      ids.map((id) => rows.find((row) => row.id === id)).filter((row): row is T => row !== undefined);
    const shownPartners = new Set(partnerIds);
    const shownAreas = new Set(areaIds);
    return {
      areas: byOrder(areaIds, areaRows).map((row) => ({
        id: row.id,
        labelVi: row.label_vi,
        labelEn: row.label_en,
      })),
      partners: byOrder(partnerIds, partnerRows).map((row) => ({
        id: row.id,
        code: row.code,
        nameVi: row.name_vi,
        nameEn: row.name_en,
      })),
      cells: [...cells.values()].filter(
        (cell) => shownPartners.has(cell.partnerId) && shownAreas.has(cell.areaId),
      ),
    };
  }

  async function findAgreementFigures(today: string, only: ReturnType<typeof published>) {
    const byStatusAndKind = await rowsOf<{ status: AgreementStatus; kind: AgreementKind; n: number }>(
      db,
      sql`select ${readStatusSql(today)} as status, ${agreements.kind} as kind, count(*)::int as n
        from ${agreements} where true ${only.agreements} group by 1, 2 order by 1, 2`,
    );
    const perYear = await rowsOf<{ year: number; n: number }>(
      db,
      sql`select extract(year from ${agreements.signedOn})::int as year, count(*)::int as n
        from ${agreements} where ${agreements.signedOn} is not null ${only.agreements} group by 1 order by 1`,
    );
    return {
      agreementsByStatusAndKind: byStatusAndKind.map((row) => ({
        status: row.status,
        kind: row.kind,
        count: Number(row.n),
      })),
      signingsPerYear: perYear.map((row) => ({ year: Number(row.year), count: Number(row.n) })),
    };
  }

  async function findCommitmentFigures(today: string) {
    const byStatus = await rowsOf<{ status: CommitmentStatus; n: number }>(
      db,
      sql`select ${commitments.status} as status, count(*)::int as n from ${commitments} group by 1 order by 1`,
    );
    const byOwner = await rowsOf<{
      organisation_id: string | null;
      name_vi: string | null;
      name_en: string | null;
      open: number;
      overdue: number;
      closed: number;
    }>(
      db,
      sql`select owner.oid as organisation_id, ${organisations.nameVi} as name_vi, ${organisations.nameEn} as name_en,
          count(*) filter (where ${commitments.status} not in ${closedList})::int as open,
          count(*) filter (where ${overdueCondition(today)})::int as overdue,
          count(*) filter (where ${commitments.status} in ${closedList})::int as closed
        from ${commitments}
          left join lateral unnest(${commitments.vnOwnerIds}) as owner(oid) on true
          left join ${organisations} on ${organisations.id} = owner.oid
        group by owner.oid, ${organisations.nameVi}, ${organisations.nameEn}
        order by 4 desc, 6 desc, 2
        limit 30`,
    );
    return {
      commitmentsByStatus: byStatus.map((row) => ({ status: row.status, count: Number(row.n) })),
      commitmentsByOwner: byOwner.map((row) => ({
        organisationId: row.organisation_id,
        nameVi: row.name_vi ?? '',
        nameEn: row.name_en || (row.name_vi ?? ''),
        open: Number(row.open),
        overdue: Number(row.overdue),
        closed: Number(row.closed),
      })),
    };
  }

  return {
    /** The figures the dashboard draws; the portal's asks for published agreements and events. */
    async getDashboard(query: DashboardQuery, { isPublishedOnly }: Options): Promise<Dashboard> {
      const today = todayInVietNam();
      const only = published(isPublishedOnly);
      const partnerRows = await findPartners(today, only);
      const timeline = await findTimeline(query, only);
      const matrix = await findMatrix(only, isPublishedOnly);
      const agreementFigures = await findAgreementFigures(today, only);
      const commitmentFigures = isPublishedOnly
        ? { commitmentsByStatus: [], commitmentsByOwner: [] }
        : await findCommitmentFigures(today);
      return { today, partners: partnerRows, ...timeline, matrix, ...agreementFigures, ...commitmentFigures };
    },

    /** Everything filed under an area or any of its sub-areas, whoever the partner. */
    async getAreaOverview(id: string): Promise<AreaOverview> {
      const [area] = await rowsOf<{
        id: string;
        label_vi: string;
        label_en: string;
        parent_id: string | null;
        dac_code: number | null;
      }>(
        db,
        sql`select ${areas.id}, ${areas.labelVi} as label_vi, ${areas.labelEn} as label_en,
          ${areas.parentId} as parent_id, ${areas.dacCode} as dac_code from ${areas} where ${areas.id} = ${id}`,
      );
      if (!area) throw commonErrors.notFound(`There is no area ${id}.`);
      // The sub-tree by a recursive walk; `union` (not `union all`) stops at a cycle of parents.
      const descendants = await rowsOf<{ id: string; label_vi: string; label_en: string }>(
        db,
        sql`with recursive tree(id) as (
            select ${areas.id} from ${areas} where ${areas.parentId} = ${id}
            union
            select ${areas.id} from ${areas} join tree on ${areas.parentId} = tree.id
          )
          select ${areas.id}, ${areas.labelVi} as label_vi, ${areas.labelEn} as label_en
          from ${areas} where ${areas.id} in (select id from tree) and ${areas.id} <> ${id}
          order by ${areas.labelVi}`,
      );
      const areaIds = sql`${sql.param([id, ...descendants.map((row) => row.id)])}::text[]`;
      const today = todayInVietNam();
      const agreementRows = await db
        .select({
          id: agreements.id,
          kind: agreements.kind,
          titleVi: agreements.titleVi,
          titleEn: agreements.titleEn,
          status: readStatusSql(today),
          signedOn: agreements.signedOn,
          partyIds: agreements.partyIds,
        })
        .from(agreements)
        .where(sql`${agreements.areaIds} && ${areaIds}`)
        .orderBy(sql`${agreements.signedOn} desc nulls last`, agreements.titleVi)
        .limit(areaOverviewLimit);
      const eventRows = await db
        .select({
          id: events.id,
          kind: events.kind,
          title: events.title,
          startOn: events.startOn,
          partnerIds: events.partnerIds,
        })
        .from(events)
        .where(sql`${events.areaIds} && ${areaIds}`)
        .orderBy(sql`${events.startOn} desc nulls last`, events.title)
        .limit(areaOverviewLimit);
      const commitmentRows = await db
        .select({
          id: commitments.id,
          text: commitments.text,
          status: commitments.status,
          dueOn: commitments.dueOn,
          horizonYear: commitments.horizonYear,
        })
        .from(commitments)
        .where(sql`${commitments.areaIds} && ${areaIds}`)
        .orderBy(sql`${commitments.status} in ${closedList}`, sql`${commitments.dueOn} nulls last`)
        .limit(areaOverviewLimit);
      const peopleRows = await rowsOf<{ id: string; name: string; country_code: string | null }>(
        db,
        sql`select distinct ${people.id}, ${people.name}, ${people.countryCode} as country_code from ${people}
          join ${eventParticipants} on ${eventParticipants.personId} = ${people.id}
          join ${events} on ${events.id} = ${eventParticipants.eventId}
          where ${events.areaIds} && ${areaIds} order by ${people.name} limit ${areaOverviewLimit}`,
      );
      const [totals] = await rowsOf<{
        agreements: number;
        events: number;
        commitments: number;
        people: number;
      }>(
        db,
        sql`select (select count(*) from ${agreements} where ${agreements.areaIds} && ${areaIds})::int as agreements,
          (select count(*) from ${events} where ${events.areaIds} && ${areaIds})::int as events,
          (select count(*) from ${commitments} where ${commitments.areaIds} && ${areaIds})::int as commitments,
          (select count(distinct ${eventParticipants.personId}) from ${eventParticipants}
            join ${events} on ${events.id} = ${eventParticipants.eventId}
            where ${events.areaIds} && ${areaIds})::int as people`,
      );
      const partnerIds = [
        ...new Set([
          ...agreementRows.flatMap((row) => row.partyIds),
          ...eventRows.flatMap((row) => row.partnerIds),
        ]),
      ];
      const partnerRows = partnerIds.length
        ? await rowsOf<{ id: string; code: string; name_vi: string; name_en: string }>(
            db,
            sql`select ${partners.id}, ${partners.code}, ${partners.nameVi} as name_vi, ${partners.nameEn} as name_en
              from ${partners} where ${partners.id} = any(${sql.param(partnerIds)}::uuid[]) order by ${partners.nameVi}`,
          )
        : [];
      return {
        area: {
          id: area.id,
          labelVi: area.label_vi,
          labelEn: area.label_en,
          parentId: area.parent_id,
          dacCode: area.dac_code === null ? null : Number(area.dac_code),
        },
        descendants: descendants.map((row) => ({ id: row.id, labelVi: row.label_vi, labelEn: row.label_en })),
        agreements: agreementRows,
        events: eventRows,
        commitments: commitmentRows.map((row) => ({ ...row, isOverdue: isCommitmentOverdue(row, today) })),
        people: peopleRows.map((row) => ({ id: row.id, name: row.name, countryCode: row.country_code })),
        partners: partnerRows.map((row) => ({
          id: row.id,
          code: row.code,
          nameVi: row.name_vi,
          nameEn: row.name_en,
        })),
        totals: {
          agreements: Number(totals?.agreements ?? 0),
          events: Number(totals?.events ?? 0),
          commitments: Number(totals?.commitments ?? 0),
          people: Number(totals?.people ?? 0),
        },
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
