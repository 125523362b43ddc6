import nodemailer from 'nodemailer';
import type { ReminderKind } from '../../../common/contracts/notifications.ts';

// The e-mail side of reminders: one SMTP transport (nodemailer) when HOPTAC_SMTP_URL is set, and
// the digest's text. Without SMTP the mailer says so and reminders stay in the app.

export type MailMessage = { to: string; subject: string; text: string };

export type Mailer = {
  isConfigured: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
};

export const noMailer: Mailer = {
  isConfigured: false,
  send: async () => {
    throw new Error('No SMTP server is configured (HOPTAC_SMTP_URL).');
  },
  close: () => {},
};

export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!options.smtpUrl) return noMailer;
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    isConfigured: true,
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
    close: () => transport.close(),
  };
}

const kindLabels: Record<ReminderKind, { vi: string; en: string }> = {
  commitment_due: { vi: 'Cam kết sắp đến hạn', en: 'Commitment due soon' },
  commitment_overdue: { vi: 'Cam kết quá hạn', en: 'Commitment overdue' },
  commitment_silent: { vi: 'Cam kết không có tin tức', en: 'Silent commitment' },
  clock_due: { vi: 'Thời hạn pháp lý sắp đến', en: 'Legal deadline due soon' },
  clock_overdue: { vi: 'Thời hạn pháp lý đã quá', en: 'Legal deadline overdue' },
  renewal_window: { vi: 'Thỏa thuận sắp hết thời hạn', en: 'Agreement in its renewal window' },
  dormant_agreement: { vi: 'Thỏa thuận không có hoạt động', en: 'Dormant agreement' },
};

export type DigestItem = {
  kind: ReminderKind;
  titleVi: string;
  titleEn: string;
  on: string;
  link: string;
};

/** One digest e-mail, each reminder once: its kind and title in Vietnamese and English, its day
 * and the address of its record. */
export function composeDigest(to: string, items: readonly DigestItem[], baseUrl: string): MailMessage {
  const line = (item: DigestItem) => {
    const label = kindLabels[item.kind];
    const title =
      item.titleEn && item.titleEn !== item.titleVi ? `${item.titleVi} / ${item.titleEn}` : item.titleVi;
    return `- ${label.vi} / ${label.en}: ${title} (${item.on})\n  ${baseUrl}${item.link}`;
  };
  const text = [
    `hoptac có ${items.length} nhắc việc cho bạn / hoptac has ${items.length} reminder(s) for you:`,
    '',
    ...items.map(line),
    '',
    `Tắt nhắc việc hoặc đổi tần suất / Mute or change the frequency: ${baseUrl}/app/profile`,
  ].join('\n');
  return { to, subject: `hoptac: ${items.length} nhắc việc / reminder(s)`, text };
}
