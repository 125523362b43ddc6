import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { notifications } from './notifications.table.ts';
import { type ReceivedMail, startSmtpTestServer } from './smtp-test-server.ts';

// The reminder job through the API, with a real SMTP server receiving the digests.

const monday = '2026-03-02';
const tuesday = '2026-03-03';
const nextMonday = '2026-03-09';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
let admin: string;
let editor: string;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await createTestApp({ HOPTAC_SMTP_URL: smtp.url, HOPTAC_PUBLIC_URL: 'https://hoptac.test' });
  admin = (await t.signIn('admin')).cookie;
  editor = (await t.signIn('editor')).cookie;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function call(method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) {
  const response = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

async function unitWithUser(name: string) {
  const unit = await call('POST', '/api/v1/organisations', editor, {
    nameVi: name,
    kind: 'hospital',
    countryCode: 'VN',
  });
  const user = await t.signIn('unit', unit.id);
  const email = (await call('GET', '/api/v1/me', user.cookie)).email as string;
  return { unitId: unit.id as string, cookie: user.cookie, email };
}

async function overdueCommitment(text: string, ownerId: string, dueOn = '2026-01-15') {
  return (await call('POST', '/api/v1/commitments', editor, { text, vnOwnerIds: [ownerId], dueOn }))
    .id as string;
}

const runJob = (on: string) => call('POST', '/api/v1/reminders/run', admin, { on });
const mailsTo = (email: string): ReceivedMail[] => smtp.messages.filter((mail) => mail.to.includes(email));
const mentions = (mails: ReceivedMail[], id: string) =>
  mails.reduce((total, mail) => total + mail.text.split(`/app/commitments/${id}`).length - 1, 0);

describe('reminders', () => {
  it('tells the owning unit of an overdue commitment in the app and in one e-mail, once', async () => {
    const unit = await unitWithUser('Bệnh viện Bạch Mai');
    const id = await overdueCommitment('Cử 10 bác sĩ sang Minsk đào tạo', unit.unitId);

    const first = await runJob(monday);
    expect(first.created).toBeGreaterThan(0);
    const list = await call('GET', '/api/v1/notifications', unit.cookie);
    expect(list.unreadCount).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: 'commitment_overdue',
      recordType: 'commitment',
      recordId: id,
      on: '2026-01-15',
      link: `/app/commitments/${id}`,
      readAt: null,
    });
    expect(mailsTo(unit.email)).toHaveLength(1);
    expect(mailsTo(unit.email)[0]!.text).toContain(`https://hoptac.test/app/commitments/${id}`);
    expect(mailsTo(unit.email)[0]!.text).toContain('Cử 10 bác sĩ sang Minsk đào tạo');
    expect(mailsTo(unit.email)[0]!.subject).toContain('nhắc việc');

    // The same day again, and the next: the obligation is the same, so nothing new.
    await runJob(monday);
    await runJob(tuesday);
    expect((await call('GET', '/api/v1/notifications', unit.cookie)).total).toBe(1);
    expect(mentions(mailsTo(unit.email), id)).toBe(1);

    const read = await call('POST', '/api/v1/notifications/read', unit.cookie, { all: true });
    expect(read.unreadCount).toBe(0);
    expect((await call('GET', '/api/v1/notifications?isUnread=true', unit.cookie)).items).toEqual([]);
  });

  it('tells editors when no user belongs to the owning unit, and not the units that do not own it', async () => {
    const bystander = await unitWithUser('Viện Pasteur');
    const orphanUnit = await call('POST', '/api/v1/organisations', editor, {
      nameVi: 'Cục Y tế dự phòng',
      kind: 'department',
      countryCode: 'VN',
    });
    const id = await overdueCommitment('Báo cáo dịch tễ hằng quý', orphanUnit.id);
    await runJob(monday);
    const editorItems = (await call('GET', '/api/v1/notifications?pageSize=200', editor)).items;
    expect(editorItems.filter((item: { recordId: string }) => item.recordId === id)).toHaveLength(1);
    const bystanderItems = (await call('GET', '/api/v1/notifications', bystander.cookie)).items;
    expect(bystanderItems.some((item: { recordId: string }) => item.recordId === id)).toBe(false);
  });

  it('does not remind a user of a record they muted, and reminds again once unmuted', async () => {
    const unit = await unitWithUser('Bệnh viện K');
    const muted = await overdueCommitment('Lắp đặt máy xạ trị', unit.unitId);
    const settings = await call('PUT', '/api/v1/me/mutes', unit.cookie, {
      recordType: 'commitment',
      recordId: muted,
      isMuted: true,
    });
    expect(settings.mutes).toEqual([
      { recordType: 'commitment', recordId: muted, titleVi: 'Lắp đặt máy xạ trị', titleEn: '' },
    ]);
    await runJob(monday);
    expect((await call('GET', '/api/v1/notifications', unit.cookie)).items).toEqual([]);
    expect(mailsTo(unit.email)).toHaveLength(0);

    await call('PUT', '/api/v1/me/mutes', unit.cookie, {
      recordType: 'commitment',
      recordId: muted,
      isMuted: false,
    });
    await runJob(monday);
    expect((await call('GET', '/api/v1/notifications', unit.cookie)).items).toHaveLength(1);
    expect(mentions(mailsTo(unit.email), muted)).toBe(1);
  });

  it('refuses to mute a record that does not exist', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/mutes',
      headers: { cookie: editor },
      payload: { recordType: 'agreement', recordId: '00000000-0000-4000-8000-000000000000', isMuted: true },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('notifications.unknown_record');
  });

  it('sends a weekly digest only on Mondays and none when the digest is off, while the app still shows them', async () => {
    const weekly = await unitWithUser('Bệnh viện Chợ Rẫy');
    const off = await unitWithUser('Bệnh viện Trung ương Huế');
    expect((await call('GET', '/api/v1/me/notification-settings', weekly.cookie)).digestFrequency).toBe(
      'daily',
    );
    await call('PUT', '/api/v1/me/notification-settings', weekly.cookie, { digestFrequency: 'weekly' });
    await call('PUT', '/api/v1/me/notification-settings', off.cookie, { digestFrequency: 'off' });
    const weeklyItem = await overdueCommitment('Trao đổi chuyên gia ghép tạng', weekly.unitId);
    const offItem = await overdueCommitment('Hội thảo y học hạt nhân', off.unitId);

    await runJob(tuesday);
    expect((await call('GET', '/api/v1/notifications', weekly.cookie)).total).toBe(1);
    expect((await call('GET', '/api/v1/notifications', off.cookie)).total).toBe(1);
    expect(mailsTo(weekly.email)).toHaveLength(0);

    await runJob(nextMonday);
    expect(mailsTo(weekly.email)).toHaveLength(1);
    expect(mentions(mailsTo(weekly.email), weeklyItem)).toBe(1);
    expect(mailsTo(off.email)).toHaveLength(0);
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.recordId, offItem));
    expect(row).toMatchObject({ emailedAt: null, emailClaimedAt: null });
  });

  it('lets only admins run the job', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reminders/run',
      headers: { cookie: editor },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
  });
});
