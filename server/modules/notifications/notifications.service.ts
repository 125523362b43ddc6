import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type {
  DigestFrequency,
  NotificationList,
  NotificationListQuery,
  NotificationSettings,
  RemindedRecordType,
  SetMute,
} from '../../../common/contracts/notifications.ts';
import type { Database } from '../../db/client.ts';
import { toIso } from '../../db/records.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { shippedRules } from '../clocks/clocks.service.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { notificationErrors } from './notifications.errors.ts';
import { notificationMutes, notificationPreferences, notifications } from './notifications.table.ts';
import { linkOf } from './reminders.service.ts';

/** A user's own notifications, mutes and digest frequency. Every function is scoped to one user. */
export function createNotificationsService({
  db,
  isEmailConfigured,
}: {
  db: Database;
  isEmailConfigured: boolean;
}) {
  async function titlesOf(
    recordType: RemindedRecordType,
    ids: string[],
  ): Promise<Map<string, { titleVi: string; titleEn: string }>> {
    if (ids.length === 0) return new Map();
    if (recordType === 'clock') {
      return new Map(
        shippedRules
          .filter((rule) => ids.includes(rule.id))
          .map((rule) => [rule.id, { titleVi: rule.titleVi, titleEn: rule.titleEn }]),
      );
    }
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (uuids.length === 0) return new Map();
    const rows =
      recordType === 'agreement'
        ? await db
            .select({ id: agreements.id, titleVi: agreements.titleVi, titleEn: agreements.titleEn })
            .from(agreements)
            .where(inArray(agreements.id, uuids))
        : (
            await db
              .select({ id: commitments.id, text: commitments.text })
              .from(commitments)
              .where(inArray(commitments.id, uuids))
          ).map((row) => ({ id: row.id, titleVi: row.text, titleEn: '' }));
    return new Map(rows.map((row) => [row.id, { titleVi: row.titleVi, titleEn: row.titleEn }]));
  }

  async function unreadCountOf(userId: string): Promise<number> {
    const [row] = await db
      .select({ value: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return row?.value ?? 0;
  }

  async function getSettings(userId: string): Promise<NotificationSettings> {
    const [preference] = await db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    const mutes = await db
      .select()
      .from(notificationMutes)
      .where(eq(notificationMutes.userId, userId))
      .orderBy(desc(notificationMutes.createdAt));
    const titles = new Map<RemindedRecordType, Map<string, { titleVi: string; titleEn: string }>>();
    for (const recordType of ['commitment', 'agreement', 'clock'] as const) {
      titles.set(
        recordType,
        await titlesOf(
          recordType,
          mutes.filter((mute) => mute.recordType === recordType).map((mute) => mute.recordId),
        ),
      );
    }
    return {
      digestFrequency: preference?.digestFrequency ?? 'daily',
      mutes: mutes.map((mute) => ({
        recordType: mute.recordType,
        recordId: mute.recordId,
        ...(titles.get(mute.recordType)?.get(mute.recordId) ?? { titleVi: mute.recordId, titleEn: '' }),
      })),
      isEmailConfigured,
    };
  }

  return {
    async list(userId: string, query: NotificationListQuery): Promise<NotificationList> {
      const where: SQL = and(
        eq(notifications.userId, userId),
        query.isUnread === undefined ? undefined : query.isUnread ? isNull(notifications.readAt) : undefined,
      )!;
      const [rows, [total], unreadCount] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.on), desc(notifications.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ value: count() }).from(notifications).where(where),
        unreadCountOf(userId),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          recordType: row.recordType,
          recordId: row.recordId,
          titleVi: row.titleVi,
          titleEn: row.titleEn,
          on: row.on,
          ruleId: row.ruleId,
          link: linkOf(row.recordType, row.recordId, row.on),
          createdAt: toIso(row.createdAt)!,
          readAt: toIso(row.readAt),
        })),
        total: total?.value ?? 0,
        page: query.page,
        pageSize: query.pageSize,
        unreadCount,
      };
    },

    async markRead(userId: string, input: { ids?: string[] | undefined; all?: boolean | undefined }) {
      await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            input.all ? undefined : inArray(notifications.id, input.ids ?? []),
          ),
        );
      return { unreadCount: await unreadCountOf(userId) };
    },

    getSettings,

    async setDigestFrequency(userId: string, digestFrequency: DigestFrequency) {
      await db
        .insert(notificationPreferences)
        .values({ userId, digestFrequency })
        .onConflictDoUpdate({
          target: notificationPreferences.userId,
          set: { digestFrequency, updatedAt: new Date() },
        });
      return getSettings(userId);
    },

    async setMute(userId: string, input: SetMute) {
      if (input.isMuted) {
        if (!(await titlesOf(input.recordType, [input.recordId])).has(input.recordId)) {
          throw notificationErrors.unknownRecord(
            `There is no ${input.recordType} ${input.recordId} to mute.`,
          );
        }
        await db
          .insert(notificationMutes)
          .values({ userId, recordType: input.recordType, recordId: input.recordId })
          .onConflictDoNothing();
      } else {
        await db
          .delete(notificationMutes)
          .where(
            and(
              eq(notificationMutes.userId, userId),
              eq(notificationMutes.recordType, input.recordType),
              eq(notificationMutes.recordId, input.recordId),
            ),
          );
      }
      return getSettings(userId);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
