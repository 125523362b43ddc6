import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeToPdf, pdfEmbeddedFonts, pdfPageCount, pdfText } from '../../documents/open-as-user.ts';
import { seedDemoData } from '../../seed/demo-data.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

/** pdftotext may break a line inside a table cell: compare with white space folded. */
const folded = (text: string) => text.replace(/\s+/g, ' ');

describe('partner briefings', () => {
  let test: TestApp;
  let viewer: string;
  let belarusId: string;
  let russiaId: string;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoData(test.services);
    viewer = (await test.signIn('viewer')).cookie;
    belarusId = (await test.services.partners.findByCode(test.services.db, 'BY'))!.id;
    russiaId = (await test.services.partners.findByCode(test.services.db, 'RU'))!.id;
  });
  afterAll(() => test.close());

  const briefing = (partnerId: string, format: 'docx' | 'pdf', query = '', cookie = viewer) =>
    test.app.inject({
      method: 'GET',
      url: `/api/v1/partners/${partnerId}/briefing.${format}${query}`,
      headers: { cookie },
    });

  it('writes a Vietnamese PDF whose text comes back with every mark, from an embedded font', async () => {
    const response = await briefing(belarusId, 'pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="briefing-by-vi.pdf"');
    const pdf = response.rawPayload;
    const text = folded(await pdfText(pdf));
    expect(text).toContain('BẢN TÓM TẮT QUAN HỆ HỢP TÁC Y TẾ VỚI BELARUS');
    // Table cells wrap, so words of a cell are checked rather than the whole title.
    expect(text).toContain('Bản ghi nhớ hợp tác giữa Bộ Y');
    expect(text).toContain('Nguyễn Tri Thức');
    expect(text).toContain('Uladzimir Baravikou — Đại sứ Đặc mệnh toàn quyền');
    expect(text).toContain('08/10/2024');
    // The sources behind the facts, cited by number.
    expect(text).toMatch(
      /\[1\] Tăng cường hợp tác y tế giữa Việt Nam và Cộng hòa Belarus — Cổng thông tin điện tử Bộ Y tế/,
    );
    expect(await pdfEmbeddedFonts(pdf)).toEqual(
      expect.arrayContaining([expect.stringContaining('BeVietnamPro')]),
    );
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
  });

  it('writes the Russia briefing in English with open commitments and their owners', async () => {
    const text = folded(await pdfText((await briefing(russiaId, 'pdf', '?lang=en')).rawPayload));
    expect(text).toContain('BRIEFING: HEALTH COOPERATION WITH RUSSIA');
    expect(text).toContain('Open commitments');
    expect(text).toContain('Mikhail Murashko');
  });

  it('writes a Word file that LibreOffice opens, with the Vietnamese intact', async () => {
    const response = await briefing(russiaId, 'docx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const text = folded(await pdfText(await officeToPdf(response.rawPayload, 'docx')));
    expect(text).toContain('BẢN TÓM TẮT QUAN HỆ HỢP TÁC Y TẾ VỚI NGA');
    expect(text).toContain('Lộ trình hợp tác y tế Việt Nam');
    expect(text).toContain('Chuyển giao công nghệ sản xuất vắc xin mRNA');
    expect(text).toContain('Đào Hồng Lan');
    expect(text).toContain('Cam kết đang mở');
  }, 180_000);

  it('refuses an unknown partner, a bad language and anonymous callers', async () => {
    expect((await briefing('00000000-0000-4000-8000-000000000000', 'pdf')).statusCode).toBe(404);
    expect((await briefing(belarusId, 'pdf', '?lang=fr')).statusCode).toBe(400);
    expect((await briefing(belarusId, 'docx', '', '')).statusCode).toBe(401);
  });
});
