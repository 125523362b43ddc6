import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeToPdf, pdfPageCount, pdfText } from '../../documents/open-as-user.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { commitments, progressUpdates } from '../commitments/commitments.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { partners } from '../partners/partners.table.ts';

// The yearly report opened as its readers open it: the DOCX through LibreOffice into a PDF whose
// text is read back, the XLSX parsed by exceljs.

let t: TestApp;
let viewer: string;

beforeAll(async () => {
  t = await createTestApp();
  viewer = (await t.signIn('viewer')).cookie;
  const db = t.database.db;
  const [unit] = await db
    .insert(organisations)
    .values({ nameVi: 'Cục Quản lý Khám, chữa bệnh', kind: 'department', countryCode: 'VN' })
    .returning();
  const [other] = await db
    .insert(organisations)
    .values({ nameVi: 'Viện Vệ sinh dịch tễ Trung ương', kind: 'institute', countryCode: 'VN' })
    .returning();
  const [belarus] = await db
    .insert(partners)
    .values({ kind: 'country', code: 'BY', nameVi: 'Belarus', nameEn: 'Belarus' })
    .returning();
  const [signed] = await db
    .insert(agreements)
    .values({
      kind: 'mou',
      titleVi: 'Bản ghi nhớ hợp tác y tế Việt Nam – Belarus',
      status: 'in_force',
      signedOn: '2025-03-10',
      validFrom: '2025-03-10',
      validTo: '2030-03-09',
      legalBasis: 'international_agreement',
      decisionNumber: '3557/QĐ-BYT',
      signingUnitId: unit!.id,
      partyIds: [belarus!.id],
      statusHistory: [{ status: 'signed', on: '2025-03-10', note: null }],
    })
    .returning();
  await db.insert(agreements).values([
    {
      kind: 'plan',
      titleVi: 'Chương trình hợp tác phòng chống sốt xuất huyết',
      status: 'terminated',
      signedOn: '2021-06-01',
      validFrom: '2021-06-01',
      validTo: '2026-06-01',
      signingUnitId: other!.id,
      statusHistory: [
        { status: 'in_force', on: '2021-06-01', note: null },
        { status: 'terminated', on: '2025-08-20', note: 'Hai bên thống nhất chấm dứt' },
      ],
    },
    {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ đã hết hạn từ lâu',
      status: 'expired',
      signedOn: '2015-01-01',
      validFrom: '2015-01-01',
      validTo: '2020-01-01',
      signingUnitId: unit!.id,
    },
  ]);
  const [done, late] = await db
    .insert(commitments)
    .values([
      { text: 'Trao đổi chuyên gia tim mạch', agreementId: signed!.id, status: 'done', dueOn: '2025-10-01' },
      { text: 'Đào tạo 20 điều dưỡng', agreementId: signed!.id, status: 'in_progress', dueOn: '2025-11-30' },
    ])
    .returning();
  await db.insert(progressUpdates).values([
    { commitmentId: done!.id, on: '2025-09-15', note: 'Đoàn 5 chuyên gia đã sang Minsk', status: 'done' },
    { commitmentId: late!.id, on: '2025-06-01', note: 'Đã chọn 20 học viên', status: 'in_progress' },
  ]);
});
afterAll(() => t.close());

function get(url: string, cookie = viewer) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

describe('yearly report', () => {
  it('writes a Word report in the administrative layout that LibreOffice opens, listing the year’s agreements by unit', async () => {
    const response = await get('/api/v1/reports/yearly?year=2025&format=docx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="bao-cao-thoa-thuan-quoc-te-2025.docx"',
    );
    const pdf = await officeToPdf(response.rawPayload, 'docx');
    const text = (await pdfText(pdf, 'raw')).replace(/\s+/g, ' ');
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('BỘ Y TẾ');
    expect(text).toContain('/BC-BYT');
    expect(text).toMatch(/Hà Nội, ngày \d{2} tháng \d{2} năm \d{4}/);
    expect(text).toContain('thỏa thuận quốc tế năm 2025');
    expect(text).toContain('Cục Quản lý Khám, chữa bệnh');
    expect(text).toContain('Viện Vệ sinh dịch tễ Trung ương');
    expect(text).toContain('Bản ghi nhớ hợp tác y tế Việt Nam – Belarus');
    expect(text).toContain('Chương trình hợp tác phòng chống sốt xuất huyết');
    expect(text).toMatch(/3557\/QĐ- ?BYT/);
    expect(text).toContain('Đoàn 5 chuyên gia đã sang Minsk');
    expect(text).toContain('Tổng số 2 thỏa thuận');
    expect(text).not.toContain('Bản ghi nhớ đã hết hạn từ lâu');
  }, 180_000);

  it('writes the same rows as a workbook with real dates', async () => {
    const response = await get('/api/v1/reports/yearly?year=2025&format=xlsx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toContain('bao-cao-thoa-thuan-quoc-te-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (rowNumber: number, header: string) =>
      sheet.getRow(rowNumber).getCell(headers.indexOf(header) + 1).value;
    const rows = [2, 3].map((number) => ({
      title: cell(number, 'Thỏa thuận'),
      unit: cell(number, 'Đơn vị ký'),
      signedOn: cell(number, 'Ngày ký'),
      overdue: cell(number, 'Cam kết quá hạn'),
      done: cell(number, 'Cam kết hoàn thành'),
      situations: cell(number, 'Trong năm'),
    }));
    const belarus = rows.find((row) => row.title === 'Bản ghi nhớ hợp tác y tế Việt Nam – Belarus')!;
    expect(belarus.unit).toBe('Cục Quản lý Khám, chữa bệnh');
    expect(belarus.signedOn).toBeInstanceOf(Date);
    expect((belarus.signedOn as Date).toISOString().slice(0, 10)).toBe('2025-03-10');
    expect(belarus).toMatchObject({ overdue: 1, done: 1, situations: 'Ký kết, Có hiệu lực' });
    const ended = rows.find((row) => row.title === 'Chương trình hợp tác phòng chống sốt xuất huyết')!;
    expect(ended.situations).toBe('Có hiệu lực, Chấm dứt');
  });

  it('is for leadership and the desk: units may not read it', async () => {
    const [organisation] = await t.database.db.select().from(organisations).limit(1);
    const unit = await t.signIn('unit', organisation!.id);
    expect((await get('/api/v1/reports/yearly?year=2025&format=xlsx', unit.cookie)).statusCode).toBe(403);
    expect((await get('/api/v1/reports/yearly?year=20x5&format=xlsx')).statusCode).toBe(400);
  });
});
