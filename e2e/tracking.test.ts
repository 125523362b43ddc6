import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, createWorkingCalendar, daysBetween, todayInVietNam } from '../common/domain/calendar.ts';
import { formatDay } from '../common/domain/format.ts';
import { vietnamesePublicHolidays } from '../common/domain/holidays.ts';
import {
  adminEmail,
  adminPassword,
  findSeriousViolations,
  launchBrowser,
  newContext,
  type RunningServer,
  saveScreenshot,
  signIn,
  startServer,
} from './harness.ts';

const unitEmail = 'unit-tracking@localhost';
const unitPassword = 'unit-tracking-password';
const today = todayInVietNam();

interface Board {
  groups: Array<{ key: string; label: string; count: number }>;
}

// Tracking as its users work it: the board by owner unit, a lifecycle step starting a legal clock,
// and a unit's officer landing on what the unit owes.
describe('tracking agreements and commitments', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let icdId = '';
  let drugsId = '';
  let agreementId = '';
  let lapsedId = '';

  const post = async (url: string, data: Record<string, unknown>) => {
    const response = await page.request.post(url, { data });
    expect(response.status(), `${url} ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: string };
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await newContext(browser, server.baseUrl);
    page = await admin.newPage();
    await signIn(page, adminEmail, adminPassword);

    icdId = (
      await post('/api/v1/organisations', {
        nameVi: 'Vụ Theo dõi E2E',
        kind: 'department',
        countryCode: 'VN',
      })
    ).id;
    drugsId = (
      await post('/api/v1/organisations', { nameVi: 'Cục Thuốc E2E', kind: 'department', countryCode: 'VN' })
    ).id;
    await post('/api/v1/commitments', {
      text: 'Gửi danh sách học viên E2E',
      vnOwnerIds: [icdId],
      dueOn: addDays(today, 3),
      status: 'agreed',
    });
    await post('/api/v1/commitments', {
      text: 'Tổ chức hội thảo E2E',
      vnOwnerIds: [icdId],
      dueOn: addDays(today, -20),
      status: 'in_progress',
    });
    await post('/api/v1/commitments', {
      text: 'Cấp phép lưu hành E2E',
      vnOwnerIds: [drugsId],
      dueOn: addDays(today, -5),
      status: 'agreed',
    });
    agreementId = (
      await post('/api/v1/agreements', {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ theo dõi E2E',
        status: 'negotiating',
        legalBasis: 'international_agreement',
        signingUnitId: icdId,
      })
    ).id;
    await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ sắp hết hạn E2E',
      status: 'in_force',
      validFrom: addDays(today, -600),
      validTo: addDays(today, 100),
    });
    await post('/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ còn dài hạn E2E',
      status: 'in_force',
      validFrom: addDays(today, -600),
      validTo: addDays(today, 500),
    });
    lapsedId = (
      await post('/api/v1/agreements', {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ quá hạn E2E',
        status: 'in_force',
        validFrom: addDays(today, -800),
        validTo: addDays(today, -10),
      })
    ).id;
    await post('/api/v1/users', {
      email: unitEmail,
      password: unitPassword,
      role: 'unit',
      organisationId: icdId,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers "overdue commitments by owner unit" in one click from My work, with counts per group', async () => {
    await page.goto('/app');
    // An editor's home stays the inbox; My work is one link away.
    await page.getByRole('heading', { level: 1, name: 'Hộp tin' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Điều hướng không gian làm việc' })
      .getByRole('link', { name: 'Việc của tôi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    await page.getByRole('link', { name: 'Cam kết quá hạn theo đơn vị chủ trì' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bảng cam kết' }).waitFor();
    expect(new URL(page.url()).searchParams.get('isOverdue')).toBe('true');
    expect(new URL(page.url()).searchParams.get('groupBy')).toBe('owner');

    const expected = (await (
      await page.request.get('/api/v1/commitments/board?groupBy=owner&isOverdue=true')
    ).json()) as Board;
    const groups = page.getByTestId('board-group');
    await page.getByRole('heading', { name: /Cục Thuốc E2E/ }).waitFor();
    expect(await groups.count()).toBe(expected.groups.length);
    const shown = await groups.evaluateAll((sections) =>
      sections.map((section) => [
        section.querySelector('h2 span')?.textContent ?? '',
        section.querySelector('[data-testid="board-group-count"]')?.textContent ?? '',
      ]),
    );
    expect(shown).toEqual(expected.groups.map((group) => [group.label, `${group.count} cam kết`]));
    const ours = page
      .getByTestId('board-group')
      .filter({ has: page.getByRole('heading', { name: /Vụ Theo dõi E2E/ }) });
    expect(await ours.getByTestId('board-group-count').textContent()).toBe('1 cam kết');
    await ours.getByRole('link', { name: 'Tổ chức hội thảo E2E' }).waitFor();
    expect(await ours.getByRole('link', { name: 'Gửi danh sách học viên E2E' }).count()).toBe(0);
    await saveScreenshot(page, 'commitments-board');
    expect(await findSeriousViolations(page)).toEqual([]);

    // Switched to status, the same overdue commitments fall under their statuses.
    await page.getByLabel('Nhóm theo').selectOption('status');
    await page.getByRole('heading', { name: /Đang thực hiện/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('groupBy')).toBe('status');
  });

  it('records a signature from the agreement page and shows the report-to-the-Prime-Minister clock', async () => {
    await page.goto(`/app/agreements/${agreementId}`);
    await page.getByRole('heading', { level: 1, name: 'Bản ghi nhớ theo dõi E2E' }).waitFor();
    const clocks = page.getByTestId('agreement-clocks');
    await clocks.getByText(/Chưa có thời hạn nào/).waitFor();

    const steps = page.getByRole('group', { name: 'Chuyển sang bước' });
    // Only the steps the lifecycle allows from "negotiating" are offered.
    expect(await steps.getByRole('button').allTextContents()).toEqual(['Đề xuất', 'Đã ký']);
    await steps.getByRole('button', { name: 'Đã ký' }).click();
    await page.getByLabel('Ngày', { exact: true }).fill(today);
    await page.getByLabel('Ghi chú', { exact: true }).fill('Ký tại Hà Nội nhân chuyến thăm');
    await page.getByRole('button', { name: 'Ghi nhận' }).click();

    await page.getByTestId('agreement-status').getByText('Đã ký').waitFor();
    const history = page.getByTestId('lifecycle-history');
    await history.getByText(/Ký tại Hà Nội nhân chuyến thăm/).waitFor();
    expect(await history.locator('li').first().textContent()).toContain('do bạn ghi nhận');

    const row = clocks.getByRole('row', { name: /Báo cáo Thủ tướng Chính phủ/ });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    // Fifteen days from signing; a period ending on a day off ends on the next working day.
    const calendar = createWorkingCalendar({ publicHolidays: vietnamesePublicHolidays, adjustments: [] });
    const dueOn = calendar.nextWorkingDayFrom(addDays(today, 15));
    expect(rowText).toContain(formatDay(dueOn, 'vi'));
    expect(rowText).toContain(`còn ${daysBetween(today, dueOn)} ngày`);
    expect(rowText).toContain('Đang chạy');
    expect(rowText).toContain('có văn bản: Báo cáo Thủ tướng Chính phủ và Bộ Ngoại giao');
    expect(rowText).toContain('70/2020/QH14');
    // After signing, the next steps are in force or terminated.
    expect(await steps.getByRole('button').allTextContents()).toEqual(['Có hiệu lực', 'Chấm dứt']);
    await saveScreenshot(page, 'agreement-signed-clock');
    expect(await findSeriousViolations(page)).toEqual([]);

    // Filing the report (its number and date) closes the clock.
    await page.getByRole('button', { name: /^Nhập số, ngày\s*: Báo cáo Thủ tướng/ }).click();
    const slotForm = page.getByRole('form', {
      name: 'Văn bản: Báo cáo Thủ tướng Chính phủ và Bộ Ngoại giao',
    });
    await slotForm.getByLabel('Số văn bản').fill('125/BC-BYT');
    await slotForm.getByLabel('Ngày ban hành').fill(today);
    await slotForm.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page
      .getByTestId('document-slots')
      .getByText(`Số 125/BC-BYT, ngày ${formatDay(today, 'vi')}`)
      .waitFor();
    await clocks
      .getByRole('row', { name: /Báo cáo Thủ tướng Chính phủ/ })
      .getByText('Đã xong')
      .waitFor();
  });

  it('answers "which MoUs expire in the next 12 months" in one click', async () => {
    await page.goto('/app/my-work');
    await page.getByRole('link', { name: 'Thỏa thuận hết hạn trong 12 tháng tới' }).click();
    await page.getByTestId('linked-filter').waitFor();
    expect(new URL(page.url()).searchParams.get('expiringWithinDays')).toBe('365');
    await page.getByRole('link', { name: 'Bản ghi nhớ sắp hết hạn E2E' }).waitFor();
    expect(await page.getByRole('link', { name: 'Bản ghi nhớ còn dài hạn E2E' }).count()).toBe(0);
  });

  it('shows an agreement past its term as expired without anyone editing it, until its validity is extended', async () => {
    await page.goto(`/app/agreements/${lapsedId}`);
    await page.getByTestId('expired-by-date').waitFor();
    expect(await page.getByTestId('agreement-status').textContent()).toBe('Hết hiệu lực');

    await page.getByRole('button', { name: 'Sửa hiệu lực' }).click();
    const form = page.getByRole('form', { name: 'Sửa hiệu lực' });
    await form.getByLabel('Hiệu lực đến').fill(addDays(today, 200));
    await form.getByLabel('Thời hạn thông báo chấm dứt (ngày)').fill('90');
    await form.getByLabel('Tự động gia hạn khi hết kỳ').check();
    await form.getByLabel('Mỗi kỳ gia hạn (tháng)').fill('24');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();

    await page.getByText('Tự động gia hạn mỗi 24 tháng').waitFor();
    expect(await page.getByTestId('expired-by-date').count()).toBe(0);
    expect(await page.getByTestId('agreement-status').textContent()).toBe('Có hiệu lực');
    await page.getByText('90 ngày').waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it('lands a unit’s officer on what the unit owes this week and what is overdue', async () => {
    const unit = await newContext(browser, server.baseUrl);
    const unitPage = await unit.newPage();
    await signIn(unitPage, unitEmail, unitPassword);
    expect(new URL(unitPage.url()).pathname).toBe('/app');
    await unitPage.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    await unitPage.getByText('Vụ Theo dõi E2E').first().waitFor();

    const week = unitPage.getByTestId('my-week');
    await week.getByRole('link', { name: 'Gửi danh sách học viên E2E' }).waitFor();
    const overdue = unitPage.getByTestId('my-overdue');
    await overdue.getByRole('link', { name: 'Tổ chức hội thảo E2E' }).waitFor();
    // Another unit's overdue commitment is not this unit's work.
    expect(await overdue.getByRole('link', { name: 'Cấp phép lưu hành E2E' }).count()).toBe(0);
    // The agreement this unit signs carries its clock (closed above, so none is open now).
    await unitPage.getByTestId('my-clocks').waitFor();
    await saveScreenshot(unitPage, 'unit-my-work');
    expect(await findSeriousViolations(unitPage)).toEqual([]);

    // The board opens on the unit's own commitments.
    await unitPage.getByRole('link', { name: 'Bảng cam kết' }).click();
    await unitPage.getByRole('heading', { level: 1, name: 'Bảng cam kết' }).waitFor();
    await unitPage.waitForURL((url) => url.searchParams.get('ownerId') === icdId);
    await unitPage.getByTestId('board-total').getByText('2 cam kết trong 1 nhóm').waitFor();
    await unit.close();
  });
});
