import { z } from 'zod';
import { isoDate, recordId } from './common.ts';

/** What a reminder is about: a commitment due soon, overdue or silent; a legal clock due soon or
 * overdue; an agreement in its renewal window or dormant. */
export const reminderKinds = [
  'commitment_due',
  'commitment_overdue',
  'commitment_silent',
  'clock_due',
  'clock_overdue',
  'renewal_window',
  'dormant_agreement',
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** The record a reminder points at; `clock` is one of the ministry's own duties (its id is the rule id). */
export const remindedRecordTypes = ['commitment', 'agreement', 'clock'] as const;
export type RemindedRecordType = (typeof remindedRecordTypes)[number];

export const digestFrequencies = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

export const notificationRecord = z.object({
  id: z.string(),
  kind: z.enum(reminderKinds),
  recordType: z.enum(remindedRecordTypes),
  recordId: z.string(),
  /** The record's title (a commitment's text), in both languages where it has them. */
  titleVi: z.string(),
  titleEn: z.string(),
  /** The day the reminder is about: the due day, the term's end, the last sign of life. */
  on: z.string(),
  /** The rule of a legal clock, when the reminder is about one. */
  ruleId: z.string().nullable(),
  /** Where the record lives in the web app. */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationRecord = z.infer<typeof notificationRecord>;

export const notificationListQuery = z.strictObject({
  isUnread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationList = z.object({
  items: z.array(notificationRecord),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

/** Marks the listed notifications read, or all of the user's with `all: true`. */
export const markNotificationsRead = z
  .strictObject({
    ids: z.array(recordId).max(500).optional(),
    all: z.boolean().optional(),
  })
  .refine((value) => value.all === true || (value.ids?.length ?? 0) > 0, {
    message: 'name the ids to mark read, or all: true',
  });
export type MarkNotificationsRead = z.infer<typeof markNotificationsRead>;

export const unreadCount = z.object({ unreadCount: z.number().int() });

export const mute = z.strictObject({
  recordType: z.enum(remindedRecordTypes),
  recordId: z.string().trim().min(1).max(100),
});
export type Mute = z.infer<typeof mute>;

export const setMute = mute.extend({ isMuted: z.boolean() });
export type SetMute = z.infer<typeof setMute>;

export const notificationSettings = z.object({
  digestFrequency: z.enum(digestFrequencies),
  mutes: z.array(mute.extend({ titleVi: z.string(), titleEn: z.string() })),
  /** Whether the server can send e-mail at all (SMTP configured). */
  isEmailConfigured: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettings>;

export const updateNotificationSettings = z.strictObject({ digestFrequency: z.enum(digestFrequencies) });

/** Runs the reminder job now, for `on` (a day in Viet Nam; today when absent). */
export const runReminders = z.strictObject({ on: isoDate.optional() });

export const reminderRunSummary = z.object({
  on: z.string(),
  /** Obligations found (before recipients and mutes). */
  obligations: z.number().int(),
  /** Notifications this run created (others already existed or were made by another process). */
  created: z.number().int(),
  /** Digest e-mails this run sent, and the reminders they carried. */
  emailsSent: z.number().int(),
  remindersEmailed: z.number().int(),
  /** Digests the SMTP server refused; their reminders are offered again on the next run. */
  emailsFailed: z.number().int(),
});
export type ReminderRunSummary = z.infer<typeof reminderRunSummary>;
