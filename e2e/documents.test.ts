import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPaths } from '../common/domain/public-urls.ts';
import { renderPdf } from '../server/documents/render-pdf.ts';
import {
  adminEmail,
  adminPassword,
  launchBrowser,
  newContext,
  type RunningServer,
  saveScreenshot,
  signIn,
  startServer,
} from './harness.ts';

// An officer attaches the signed text of an MoU; a viewer downloads it; the public may download it
// only once the agreement is published and the officer has made the file public.

const viewerEmail = 'viewer@example.org';
const viewerPassword = 'viewer-long-password';
const fileName = 'Bản ghi nhớ ký kết.pdf';

describe('documents attached to an agreement', () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: BrowserContext;
  let viewer: BrowserContext;
  let visitor: BrowserContext;
  let pdf: Buffer;
  let agreement: { id: string; version: number };

  beforeAll(async () => {
    [server, browser, pdf] = await Promise.all([
      startServer(),
      launchBrowser(),
      renderPdf({
        language: 'vi',
        title: 'Bản ghi nhớ hợp tác y tế',
        preamble: [],
        blocks: [{ kind: 'paragraph', text: 'Hai Bên thống nhất hợp tác đào tạo nhân lực y tế.' }],
        footer: '',
      }),
    ]);
    editor = await newContext(browser, server.baseUrl);
    await signIn(await editor.newPage(), adminEmail, adminPassword);
    const created = await editor.request.post('/api/v1/users', {
      data: { email: viewerEmail, password: viewerPassword, role: 'viewer' },
    });
    expect(created.status()).toBe(201);
    const made = await editor.request.post('/api/v1/agreements', {
      data: {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ thử nghiệm tài liệu',
        status: 'signed',
        signedOn: '2025-06-01',
      },
    });
    expect(made.status()).toBe(201);
    agreement = await made.json();
    viewer = await newContext(browser, server.baseUrl);
    await signIn(await viewer.newPage(), viewerEmail, viewerPassword);
    visitor = await newContext(browser, server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function downloadFrom(page: Page, name: string): Promise<{ suggested: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name, exact: true }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { suggested: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  it('attaches a PDF on the agreement page and a viewer downloads the same bytes', async () => {
    const page = await editor.newPage();
    await page.goto(`/app/agreements/${agreement.id}`);
    const panel = page.getByTestId('attached-documents');
    await panel.getByRole('heading', { name: 'Tài liệu đính kèm' }).waitFor();
    await panel.getByText('Chưa có tài liệu nào.').waitFor();
    await panel.getByLabel('Tệp (PDF, DOCX, XLSX, ảnh)').setInputFiles({
      name: fileName,
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await panel.getByLabel('Loại tài liệu').selectOption('signed_text');
    await panel.getByRole('button', { name: 'Tải lên' }).click();
    await panel.getByRole('link', { name: fileName }).waitFor();
    await panel.getByTestId('attached-document').getByText('Văn bản đã ký', { exact: true }).waitFor();
    await saveScreenshot(page, 'documents-attached');

    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`/app/agreements/${agreement.id}`);
    const viewerPanel = viewerPage.getByTestId('attached-documents');
    await viewerPanel.getByRole('link', { name: fileName }).waitFor();
    expect(await viewerPanel.getByRole('button', { name: 'Tải lên' }).count()).toBe(0);
    expect(await viewerPanel.getByRole('button', { name: 'Xóa' }).count()).toBe(0);
    const downloaded = await downloadFrom(viewerPage, fileName);
    expect(downloaded.suggested).toBe(fileName);
    expect(Buffer.compare(downloaded.bytes, pdf)).toBe(0);
  });

  it('refuses a file that is not an accepted format, whatever its name', async () => {
    const page = await editor.newPage();
    await page.goto(`/app/agreements/${agreement.id}`);
    const panel = page.getByTestId('attached-documents');
    await panel.getByLabel('Tệp (PDF, DOCX, XLSX, ảnh)').setInputFiles({
      name: 'gia-mao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    await panel.getByRole('button', { name: 'Tải lên' }).click();
    await panel
      .getByTestId('documents-error')
      .getByText('Định dạng tệp không được chấp nhận', { exact: false })
      .waitFor();
    expect(await panel.getByRole('link', { name: 'gia-mao.pdf' }).count()).toBe(0);
  });

  it('lets the public download it only once the agreement is published and the file public', async () => {
    const list = await editor.request.get(`/api/v1/documents?recordType=agreement&recordId=${agreement.id}`);
    const [document] = (await list.json()).items as { id: string }[];
    const publicUrl = `/api/public/documents/${document!.id}/content`;
    const status = async () => (await visitor.request.get(publicUrl)).status();

    const page = await editor.newPage();
    await page.goto(`/app/agreements/${agreement.id}`);
    const panel = page.getByTestId('attached-documents');
    await panel.getByRole('button', { name: 'Công khai' }).click();
    await panel.getByRole('button', { name: 'Thôi công khai' }).waitFor();
    expect(await status()).toBe(404);

    const published = await editor.request.patch(`/api/v1/agreements/${agreement.id}`, {
      data: { version: agreement.version, isPublished: true },
    });
    expect(published.status()).toBe(200);
    expect(await status()).toBe(200);

    const portal = await visitor.newPage();
    const record = await (await visitor.request.get(`/api/public/agreements/${agreement.id}`)).json();
    await portal.goto(publicPaths.agreement(record));
    await portal.getByTestId('public-files').waitFor();
    const downloaded = await downloadFrom(portal, fileName);
    expect(downloaded.suggested).toBe(fileName);
    expect(Buffer.compare(downloaded.bytes, pdf)).toBe(0);
    await saveScreenshot(portal, 'documents-public');

    await panel.getByRole('button', { name: 'Thôi công khai' }).click();
    await panel.getByRole('button', { name: 'Công khai' }).waitFor();
    expect(await status()).toBe(404);
  });

  it('registers an agreement from its signed text: read, reviewed, and the file attached', async () => {
    const signed = await renderPdf({
      language: 'vi',
      title: 'Bản ghi nhớ hợp tác trong lĩnh vực y tế',
      preamble: [],
      blocks: [
        {
          kind: 'paragraph',
          text: 'Ngày 15/3/2025, Bộ Y tế Việt Nam và Bộ Y tế, Lao động và Phúc lợi Nhật Bản ký Bản ghi nhớ hợp tác trong lĩnh vực y tế.',
        },
      ],
      footer: '',
    });
    const page = await editor.newPage();
    await page.goto('/app/inbox');
    const form = page.locator('form[aria-labelledby="signed-text-title"]');
    await form.getByLabel('Văn bản đã ký (PDF, DOCX)').setInputFiles({
      name: 'MoU Nhật Bản.pdf',
      mimeType: 'application/pdf',
      buffer: signed,
    });
    await form.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.waitForURL(/\/app\/review\//);
    await page.getByTestId('attached-documents').getByRole('link', { name: 'MoU Nhật Bản.pdf' }).waitFor();
    // What the reader matched to existing records: the officer says these are new.
    for (;;) {
      const isNew = page.getByRole('button', { name: 'Không trùng — tạo hồ sơ mới' }).first();
      if ((await isNew.count()) === 0) break;
      await isNew.click();
    }
    await page.getByRole('button', { name: 'Lưu tất cả vào sổ đăng ký' }).click();
    await page.getByText('Đã lưu bản nháp vào sổ đăng ký.').waitFor();
    await saveScreenshot(page, 'documents-signed-text-reviewed');
    await page.getByRole('status').getByRole('link', { name: 'Thỏa thuận' }).first().click();
    await page.waitForURL(/\/app\/agreements\//);
    const panel = page.getByTestId('attached-documents');
    await panel.getByRole('link', { name: 'MoU Nhật Bản.pdf' }).waitFor();
    await panel.getByTestId('attached-document').getByText('Văn bản đã ký', { exact: true }).waitFor();
  });

  it('shows the demo MoU’s public signed text on the portal', async () => {
    const list = await (await visitor.request.get('/api/public/agreements?q=Belarus')).json();
    const mou = list.items.find((item: { kind: string }) => item.kind === 'mou');
    const page = await (await visitor.request.get(`/api/public/agreements/${mou.id}`)).json();
    expect(page.files).toEqual([
      expect.objectContaining({ kind: 'signed_text', mediaType: 'application/pdf' }),
    ]);
    const served = await visitor.request.get(`/api/public/documents/${page.files[0].id}/content`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-disposition']).toContain("filename*=UTF-8''");
  });
});
