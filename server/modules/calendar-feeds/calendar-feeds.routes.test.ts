import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed/demo-data.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

type ParsedEntry = { uid: string; summary: string; start: string; end: string; isDate: boolean };

/** Parses a feed the way calendar clients do (Mozilla's ical.js). */
function parseCalendar(ics: string): { timeZones: string[]; entries: ParsedEntry[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const timeZones = calendar
    .getAllSubcomponents('vtimezone')
    .map((zone) => String(zone.getFirstPropertyValue('tzid')));
  const entries = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      isDate: event.startDate.isDate,
    };
  });
  return { timeZones, entries };
}

describe('calendar feeds', () => {
  let test: TestApp;
  let editor: string;
  const processTimeZone = process.env.TZ;

  beforeAll(async () => {
    // A server far west of Viet Nam: dates must not slide to the previous day.
    process.env.TZ = 'America/Los_Angeles';
    test = await createTestApp();
    await seedDemoData(test.services);
    editor = (await test.signIn('editor')).cookie;
  });
  afterAll(async () => {
    process.env.TZ = processTimeZone;
    await test.close();
  });

  const request = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string) =>
    test.app.inject({ method, url, headers: cookie ? { cookie } : {} });

  it('publishes published events as all-day entries on their Vietnamese dates', async () => {
    const event = await test.services.events.create(
      {
        kind: 'signing',
        title: 'Lễ ký kết thử nghiệm',
        startOn: '2026-03-01',
        endOn: '2026-03-02',
        isPublished: true,
      },
      { userId: null, email: 'test' },
    );
    await test.services.events.create(
      { kind: 'talks', title: 'Hội đàm chưa công bố', startOn: '2026-03-05' },
      { userId: null, email: 'test' },
    );
    const response = await request('GET', '/calendar/public.ics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const { timeZones, entries } = parseCalendar(response.body);
    expect(timeZones).toEqual(['Asia/Ho_Chi_Minh']);
    const signing = entries.find((entry) => entry.uid === `event-${event.id}@hoptac`);
    // DTEND is exclusive: a two-day event ends the day after its last day.
    expect(signing).toMatchObject({
      summary: 'Lễ ký kết thử nghiệm',
      start: '2026-03-01',
      end: '2026-03-03',
      isDate: true,
    });
    expect(entries.map((entry) => entry.summary)).not.toContain('Hội đàm chưa công bố');
  });

  it('gives each user a secret address with unpublished events and due dates, shown once and revocable', async () => {
    expect((await request('POST', '/api/v1/me/calendar')).statusCode).toBe(401);
    const made = await request('POST', '/api/v1/me/calendar', editor);
    expect(made.statusCode).toBe(200);
    const path = made.json().path as string;
    expect(path).toMatch(/^\/calendar\/private\/[A-Za-z0-9_-]{40,}\.ics$/);
    // The address is not readable back: only that it exists and since when.
    const status = (await request('GET', '/api/v1/me/calendar', editor)).json();
    expect(status.path).toBeUndefined();
    expect(status.createdAt).toEqual(expect.any(String));

    await test.services.commitments.create(
      { text: 'Trao đổi chuyên gia ung bướu', dueOn: '2026-06-30', status: 'agreed' },
      { userId: null, email: 'test' },
    );
    const feed = await request('GET', path);
    expect(feed.statusCode).toBe(200);
    const summaries = parseCalendar(feed.body).entries.map((entry) => entry.summary);
    expect(summaries).toContain('Hội đàm chưa công bố');
    expect(summaries).toContain('Hạn cam kết: Trao đổi chuyên gia ung bướu');

    const renewed = (await request('POST', '/api/v1/me/calendar', editor)).json().path as string;
    expect(renewed).not.toBe(path);
    expect((await request('GET', path)).statusCode).toBe(404);
    expect((await request('DELETE', '/api/v1/me/calendar', editor)).statusCode).toBe(204);
    expect((await request('GET', renewed)).statusCode).toBe(404);
  });

  it('stops serving the address of a disabled user', async () => {
    const admin = (await test.signIn('admin')).cookie;
    const viewer = await test.signIn('viewer');
    const path = (await request('POST', '/api/v1/me/calendar', viewer.cookie)).json().path as string;
    expect((await request('GET', path)).statusCode).toBe(200);
    const user = (await request('GET', `/api/v1/users/${viewer.userId}`, admin)).json();
    const disabled = await test.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${viewer.userId}`,
      headers: { cookie: admin },
      payload: { version: user.version, isActive: false },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await request('GET', path)).statusCode).toBe(404);
  });
});
