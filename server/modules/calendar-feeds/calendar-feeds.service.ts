import { randomBytes } from 'node:crypto';
import { and, asc, eq, gte, isNotNull, notInArray, type SQL, sql } from 'drizzle-orm';
import { enumLabels } from '../../../common/domain/enum-labels.ts';
import { closedCommitmentStatuses } from '../../../common/domain/enums.ts';
import type { Database } from '../../db/client.ts';
import { hashToken } from '../../http/auth.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { events } from '../events/events.table.ts';
import { users } from '../users/users.table.ts';
import { buildCalendar, type CalendarEntry } from './calendar.ts';
import { calendarFeeds } from './calendar-feeds.table.ts';

/** Past events older than this are left out: a subscribed calendar is re-read every few hours. */
const yearsOfPastEvents = 2;

function earliestDay(): string {
  const day = new Date();
  day.setUTCFullYear(day.getUTCFullYear() - yearsOfPastEvents);
  return day.toISOString().slice(0, 10);
}

export function createCalendarFeedsService({ db }: { db: Database }) {
  async function eventEntries(publishedOnly: boolean): Promise<CalendarEntry[]> {
    const where: SQL[] = [isNotNull(events.startOn), gte(events.startOn, earliestDay())];
    if (publishedOnly) where.push(eq(events.isPublished, true));
    const rows = await db
      .select()
      .from(events)
      .where(and(...where))
      .orderBy(asc(events.startOn));
    return rows.map((row) => ({
      id: `event-${row.id}@hoptac`,
      summary: row.title,
      firstDay: row.startOn!,
      lastDay: row.endOn,
      location: row.location,
      description: [enumLabels.vi.eventKind[row.kind], row.summary].filter(Boolean).join('\n\n'),
      updatedAt: row.updatedAt,
    }));
  }

  /** Open commitments with a due date: a unit's own, everyone's for the other roles. */
  async function commitmentEntries(organisationId: string | null): Promise<CalendarEntry[]> {
    const where: SQL[] = [
      isNotNull(commitments.dueOn),
      notInArray(commitments.status, [...closedCommitmentStatuses]),
    ];
    if (organisationId) where.push(sql`${commitments.vnOwnerIds} @> array[${organisationId}::uuid]`);
    const rows = await db
      .select()
      .from(commitments)
      .where(and(...where))
      .orderBy(asc(commitments.dueOn));
    return rows.map((row) => ({
      id: `commitment-${row.id}@hoptac`,
      summary: `Hạn cam kết: ${row.text.length > 120 ? `${row.text.slice(0, 117)}…` : row.text}`,
      firstDay: row.dueOn!,
      lastDay: null,
      description: row.text,
      updatedAt: row.updatedAt,
    }));
  }

  return {
    async publicCalendar(): Promise<string> {
      return buildCalendar('hoptac — Sự kiện hợp tác quốc tế về y tế', await eventEntries(true));
    },

    /** The calendar behind a secret address, or null when the address is unknown or its user
     * is disabled. */
    async privateCalendar(token: string): Promise<string | null> {
      const [owner] = await db
        .select({ role: users.role, organisationId: users.organisationId })
        .from(calendarFeeds)
        .innerJoin(users, eq(users.id, calendarFeeds.userId))
        .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), eq(users.isActive, true)));
      if (!owner) return null;
      const unit = owner.role === 'unit' ? owner.organisationId : null;
      const entries = [...(await eventEntries(false)), ...(await commitmentEntries(unit))];
      return buildCalendar('hoptac — Lịch công việc', entries);
    },

    async feedOf(userId: string): Promise<{ createdAt: string } | null> {
      const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
      return feed ? { createdAt: feed.createdAt.toISOString() } : null;
    },

    /** Makes a new secret address (the old one stops working) and returns its token once. */
    async renewFeed(userId: string): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      await db
        .insert(calendarFeeds)
        .values({ userId, tokenHash: hashToken(token) })
        .onConflictDoUpdate({
          target: calendarFeeds.userId,
          set: { tokenHash: hashToken(token), createdAt: new Date() },
        });
      return token;
    },

    async revokeFeed(userId: string): Promise<void> {
      await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    },
  };
}

export type CalendarFeedsService = ReturnType<typeof createCalendarFeedsService>;
