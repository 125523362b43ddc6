import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let admin: string;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('admin')).cookie;
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

const announced2025 = [
  { on: '2025-04-26', kind: 'working_day', note: 'Làm bù cho thứ Sáu 02/5' },
  { on: '2025-05-02', kind: 'day_off', note: 'Hoán đổi với thứ Bảy 26/4' },
];

function putYear(year: number, items: unknown[], cookie = admin) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/calendar/${year}`,
    headers: { cookie },
    payload: { items },
  });
}

describe('calendar API', () => {
  it('shows a year’s statutory days off, lunar Tết included, and stores the announced adjustments', async () => {
    const saved = await putYear(2025, announced2025);
    expect(saved.statusCode).toBe(200);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/2025',
      headers: { cookie: editor },
    });
    expect(read.json().statutoryDaysOff).toEqual(expect.arrayContaining(['2025-01-29', '2025-04-07']));
    expect(read.json().items).toEqual(announced2025);
    const calendar = await t.services.calendar.loadWorkingCalendar();
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
  });

  it('replaces the year as a whole and leaves other years alone', async () => {
    await putYear(2026, [{ on: '2026-09-01', kind: 'day_off', note: 'Quốc khánh' }]);
    await putYear(2025, [announced2025[0]]);
    const year2025 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/2025',
      headers: { cookie: admin },
    });
    expect(year2025.json().items).toHaveLength(1);
    const year2026 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/2026',
      headers: { cookie: admin },
    });
    expect(year2026.json().items).toHaveLength(1);
  });

  it('refuses a day of another year, a repeated day and a non-admin, changing nothing', async () => {
    const outside = await putYear(2025, [{ on: '2026-01-02', kind: 'day_off', note: '' }]);
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      code: 'calendar.day_outside_year',
      errors: [{ path: 'body.items.0.on' }],
    });
    const repeated = await putYear(2025, [announced2025[1], announced2025[1]]);
    expect(repeated.json().code).toBe('calendar.day_repeated');
    const badKind = await putYear(2025, [{ on: '2025-05-02', kind: 'holiday' }]);
    expect(badKind.statusCode).toBe(400);
    expect((await putYear(2025, [], editor)).statusCode).toBe(403);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/2025',
      headers: { cookie: admin },
    });
    expect(read.json().items).toHaveLength(1);
  });
});
