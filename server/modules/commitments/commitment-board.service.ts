import { inArray, sql } from 'drizzle-orm';
import type {
  CommitmentBoard,
  CommitmentBoardQuery,
  CommitmentRecord,
} from '../../../common/contracts/commitments.ts';
import { commitmentDueOn } from '../../../common/domain/deadlines.ts';
import { homeCountryCode } from '../../../common/domain/enums.ts';
import { limits } from '../../../common/domain/limits.ts';
import type { Database } from '../../db/client.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import { events } from '../events/events.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { partners } from '../partners/partners.table.ts';
import type { CommitmentsService } from './commitments.service.ts';

type Label = { label: string; labelEn: string };
type Group = CommitmentBoard['groups'][number];

const noneKey = 'none';
const noneLabels: Record<CommitmentBoardQuery['groupBy'], Label> = {
  owner: { label: 'Chưa giao đơn vị chủ trì', labelEn: 'No owner unit' },
  partner: { label: 'Không gắn đối tác', labelEn: 'No partner' },
  area: { label: 'Chưa phân lĩnh vực', labelEn: 'No area' },
  status: { label: '', labelEn: '' },
  month: { label: 'Chưa có hạn', labelEn: 'No due date' },
};

const englishMonths = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function monthsOf(item: CommitmentRecord): string[] {
  const due = commitmentDueOn(item);
  return due ? [due.slice(0, 7)] : [];
}

function labelMonth(key: string): Label {
  const [year, month] = key.split('-');
  return {
    label: `Tháng ${Number(month)}/${year}`,
    labelEn: englishMonths.format(new Date(`${key}-01T00:00:00Z`)),
  };
}

/** The commitments board: the list's filters, grouped by owner unit, partner, area or status,
 * largest group first and "none" last, or by due month, earliest first. A commitment with two
 * owners shows under both. */
export function createCommitmentBoardService({
  db,
  commitments,
}: {
  db: Database;
  commitments: CommitmentsService;
}) {
  /** The foreign partners each commitment's agreement or event names (not Viet Nam itself). */
  async function partnersOf(items: CommitmentRecord[]): Promise<Map<string, string[]>> {
    const agreementIds = [...new Set(items.flatMap((item) => (item.agreementId ? [item.agreementId] : [])))];
    const eventIds = [...new Set(items.flatMap((item) => (item.eventId ? [item.eventId] : [])))];
    const [agreementRows, eventRows, home] = await Promise.all([
      agreementIds.length
        ? db
            .select({ id: agreements.id, ids: agreements.partyIds })
            .from(agreements)
            .where(inArray(agreements.id, agreementIds))
        : [],
      eventIds.length
        ? db
            .select({ id: events.id, ids: events.partnerIds })
            .from(events)
            .where(inArray(events.id, eventIds))
        : [],
      db.select({ id: partners.id }).from(partners).where(sql`${partners.code} = ${homeCountryCode}`),
    ]);
    const homeIds = new Set(home.map((row) => row.id));
    const byRecord = new Map([...agreementRows, ...eventRows].map((row) => [row.id, row.ids]));
    return new Map(
      items.map((item) => {
        const ids = [item.agreementId, item.eventId].flatMap((id) => (id ? (byRecord.get(id) ?? []) : []));
        return [item.id, [...new Set(ids)].filter((id) => !homeIds.has(id))];
      }),
    );
  }

  async function labelsOf(
    groupBy: CommitmentBoardQuery['groupBy'],
    keys: string[],
  ): Promise<Map<string, Label>> {
    const ids = keys.filter((key) => key !== noneKey);
    if (groupBy === 'month') return new Map(ids.map((key) => [key, labelMonth(key)]));
    if (groupBy === 'status' || ids.length === 0)
      return new Map(keys.map((key) => [key, { label: key, labelEn: key }]));
    const rows =
      groupBy === 'owner'
        ? await db
            .select({ id: organisations.id, label: organisations.nameVi, labelEn: organisations.nameEn })
            .from(organisations)
            .where(inArray(organisations.id, ids))
        : groupBy === 'partner'
          ? await db
              .select({ id: partners.id, label: partners.nameVi, labelEn: partners.nameEn })
              .from(partners)
              .where(inArray(partners.id, ids))
          : await db
              .select({ id: areas.id, label: areas.labelVi, labelEn: areas.labelEn })
              .from(areas)
              .where(inArray(areas.id, ids));
    return new Map(rows.map((row) => [row.id, { label: row.label, labelEn: row.labelEn || row.label }]));
  }

  return {
    async getBoard(query: CommitmentBoardQuery): Promise<CommitmentBoard> {
      const page = await commitments.list({
        ...query,
        page: 1,
        pageSize: limits.boardItemsMax,
        ids: undefined,
      });
      const partnerIds =
        query.groupBy === 'partner' ? await partnersOf(page.items) : new Map<string, string[]>();
      const keysOf = (item: CommitmentRecord): string[] => {
        const keys =
          query.groupBy === 'owner'
            ? item.vnOwnerIds
            : query.groupBy === 'partner'
              ? (partnerIds.get(item.id) ?? [])
              : query.groupBy === 'area'
                ? item.areaIds
                : query.groupBy === 'month'
                  ? monthsOf(item)
                  : [item.status];
        return keys.length ? keys : [noneKey];
      };
      const grouped = new Map<string, CommitmentRecord[]>();
      for (const item of page.items)
        for (const key of keysOf(item)) grouped.set(key, [...(grouped.get(key) ?? []), item]);
      const labels = await labelsOf(query.groupBy, [...grouped.keys()]);
      const groups: Group[] = [...grouped].map(([key, items]) => ({
        key,
        ...(key === noneKey ? noneLabels[query.groupBy] : (labels.get(key) ?? { label: key, labelEn: key })),
        count: items.length,
        items,
      }));
      groups.sort(
        (a, b) =>
          Number(a.key === noneKey) - Number(b.key === noneKey) ||
          (query.groupBy === 'month'
            ? a.key.localeCompare(b.key)
            : b.count - a.count || a.label.localeCompare(b.label, 'vi')),
      );
      return { groups, total: page.total, isTruncated: page.total > page.items.length };
    },
  };
}

export type CommitmentBoardService = ReturnType<typeof createCommitmentBoardService>;
