import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeToPdf, pdfText } from '../../documents/open-as-user.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { createThrough, seedRegistry } from '../../test-registry.ts';

const importOrder = ['partners', 'organisations', 'people', 'agreements', 'events', 'commitments'] as const;

/** A multipart body with one file, as a browser's form sends it. */
function multipart(content: Buffer, filename: string) {
  const boundary = '----hoptac-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function readWorkbook(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function buildXlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Thỏa thuận');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('spreadsheets in and out', () => {
  let source: TestApp;
  let editor: string;
  let viewer: string;

  const exportFile = (t: TestApp, path: string, cookie: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/export/${path}`, headers: { cookie, ...headers } });
  const importFile = (
    t: TestApp,
    collection: string,
    query: string,
    file: Buffer,
    name: string,
    cookie: string,
  ) => {
    const body = multipart(file, name);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/import/${collection}?${query}`,
      payload: body.payload,
      headers: { cookie, 'content-type': body.contentType },
    });
  };

  beforeAll(async () => {
    source = await createTestApp();
    editor = (await source.signIn('editor')).cookie;
    viewer = (await source.signIn('viewer')).cookie;
    const registry = await seedRegistry(source, editor);
    const parent = await createThrough(source.app, editor, '/api/v1/organisations', {
      nameVi: 'Bộ Y tế',
      nameEn: 'Ministry of Health',
      kind: 'ministry',
      countryCode: 'VN',
    });
    await createThrough(source.app, editor, '/api/v1/organisations', {
      nameVi: 'Bệnh viện K',
      kind: 'hospital',
      countryCode: 'VN',
      parentId: parent.id,
    });
    await createThrough(source.app, editor, '/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ về ung thư; đào tạo, "nghiên cứu"',
      titleEn: '=cmd|calc (not a formula)',
      status: 'in_force',
      signedOn: '2024-10-08',
      validFrom: '2024-10-08',
      validTo: '2029-10-07',
      renewalPeriodMonths: 60,
      partyIds: [registry.partnerId],
      areaIds: ['oncology', 'training'],
      signingUnitId: parent.id,
      summary: 'Dòng một\nDòng hai',
    });
  });
  afterAll(() => source.close());

  it('exports the filtered list as XLSX with Vietnamese headers, real dates and ids', async () => {
    const response = await exportFile(source, 'agreements.xlsx?kind=mou&lang=vi', viewer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="hoptac-agreements-vi.xlsx"');
    const rows = await readWorkbook(response.rawPayload);
    expect(rows).toHaveLength(2);
    const header = rows[0] as string[];
    expect(header.slice(0, 6)).toEqual([
      'Mã bản ghi',
      'Tên tiếng Việt',
      'Tên tiếng Anh',
      'Loại',
      'Trạng thái',
      'Các bên',
    ]);
    const row = Object.fromEntries(header.map((name, index) => [name, rows[1]![index]]));
    expect(row['Tên tiếng Việt']).toBe('Bản ghi nhớ về ung thư; đào tạo, "nghiên cứu"');
    expect(row.Loại).toBe('Bản ghi nhớ');
    expect(row['Trạng thái']).toBe('Có hiệu lực');
    expect(row['Ngày ký']).toEqual(new Date('2024-10-08T00:00:00Z'));
    expect(row['Các bên']).toBe('Belarus');
    expect(row['Các bên (mã)']).toMatch(/^[0-9a-f-]{36}$/);
    expect(row['Lĩnh vực (mã)']).toBe('oncology; training');
  });

  it('exports CSV in English for an English browser, with a byte order mark and ISO dates', async () => {
    const response = await exportFile(source, 'agreements.csv?sort=titleVi', viewer, {
      'accept-language': 'en-GB,en;q=0.9',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toMatch(
      /^\uFEFFRecord id,Title \(Vietnamese\),Title \(English\),Kind,Status,Parties,Parties \(id\),Signed on/,
    );
    expect(text).toContain('2024-10-08');
    // A text that would run as a formula in Excel is guarded by a leading apostrophe.
    expect(text).toContain("'=cmd|calc (not a formula)");
  });

  it('takes the list’s filters and refuses what the list refuses', async () => {
    const inForce = await exportFile(source, 'agreements.csv?status=in_force&lang=en', viewer);
    const lines = inForce.body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',In force,');
    expect((await exportFile(source, 'agreements.csv?status=bogus', viewer)).statusCode).toBe(400);
    expect((await exportFile(source, 'commitments.csv?unexpectedField=1', viewer)).statusCode).toBe(400);
    expect((await exportFile(source, 'commitments.csv?page=2', viewer)).statusCode).toBe(400);
  });

  it('opens in LibreOffice: the XLSX converts and its Vietnamese comes back', async () => {
    const response = await exportFile(source, 'organisations.xlsx', viewer);
    const text = await pdfText(await officeToPdf(response.rawPayload, 'xlsx'));
    expect(text).toContain('Vụ Hợp tác quốc tế');
    expect(text).toContain('Tên tiếng Việt');
  }, 120_000);

  it('gives a template equal to the export header', async () => {
    const template = await source.app.inject({
      method: 'GET',
      url: '/api/v1/import/agreements/template.xlsx?lang=vi',
      headers: { cookie: viewer },
    });
    const exported = await exportFile(source, 'agreements.xlsx?lang=vi', viewer);
    const templateRows = await readWorkbook(template.rawPayload);
    expect(templateRows).toHaveLength(1);
    expect(templateRows[0]).toEqual((await readWorkbook(exported.rawPayload))[0]);
  });

  it('round trip: export, import into an empty database, export again gives the same files', async () => {
    const target = await createTestApp();
    try {
      const targetEditor = (await target.signIn('editor')).cookie;
      for (const collection of importOrder) {
        for (const kind of ['csv', 'xlsx'] as const) {
          const first = await exportFile(source, `${collection}.${kind}`, editor);
          expect(first.statusCode).toBe(200);
          const imported = await importFile(
            target,
            collection,
            'dryRun=false',
            first.rawPayload,
            `in.${kind}`,
            targetEditor,
          );
          expect(imported.statusCode, imported.body).toBe(200);
          const result = imported.json();
          expect(result.errors, `${collection}.${kind}`).toEqual([]);
          expect(result.isWritten).toBe(true);
          if (kind === 'csv') expect(result.created).toBeGreaterThan(0);
          else expect(result.unchanged).toBe(result.rows.length);
          const second = await exportFile(target, `${collection}.${kind}`, targetEditor);
          if (kind === 'csv') expect(second.body, collection).toBe(first.body);
          else expect(await readWorkbook(second.rawPayload)).toEqual(await readWorkbook(first.rawPayload));
        }
      }
    } finally {
      await target.close();
    }
  }, 60_000);

  it('dry run shows what would change and writes nothing; a changed cell updates only that record', async () => {
    const exported = await exportFile(source, 'organisations.csv?lang=vi', editor);
    const lines = exported.body.split('\r\n');
    const changed = lines.map((line) => line.replace('Cục Quản lý Dược', 'Cục Quản lý Dược Việt Nam'));
    changed.push(',Viện Pasteur Nha Trang,,Viện,VN,,');
    const file = Buffer.from(changed.join('\r\n'));
    const auditRows = async () =>
      (
        await source.app.inject({
          method: 'GET',
          url: '/api/v1/audit?recordType=organisation',
          headers: { cookie: editor },
        })
      ).json().total as number;
    const auditBefore = await auditRows();
    const dry = (await importFile(source, 'organisations', '', file, 'orgs.csv', editor)).json();
    expect(await auditRows()).toBe(auditBefore);
    expect(dry).toMatchObject({ created: 1, updated: 1, isDryRun: true, isWritten: false, errors: [] });
    expect(dry.unchanged).toBe(lines.length - 3);
    expect(dry.rows.find((row: { action: string }) => row.action === 'create').label).toBe(
      'Viện Pasteur Nha Trang',
    );
    const before = await source.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?q=pasteur',
      headers: { cookie: editor },
    });
    expect(before.json().total).toBe(0);
    const real = (await importFile(source, 'organisations', 'dryRun=false', file, 'orgs.csv', editor)).json();
    expect(real).toMatchObject({ created: 1, updated: 1, isWritten: true });
    // Through the records layer: one audit row for the record created, one for the one changed.
    expect(await auditRows()).toBe(auditBefore + 2);
    const after = await source.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?q=pasteur',
      headers: { cookie: editor },
    });
    expect(after.json().total).toBe(1);
  });

  it('names every mistake by row and column in the user’s language, and writes nothing', async () => {
    const template = await source.app.inject({
      method: 'GET',
      url: '/api/v1/import/agreements/template.xlsx?lang=vi',
      headers: { cookie: editor },
    });
    const header = (await readWorkbook(template.rawPayload))[0] as string[];
    const row = (cells: Record<string, unknown>) => header.map((name) => cells[name] ?? null);
    const valid = { 'Tên tiếng Việt': 'Bản ghi nhớ hợp lệ', Loại: 'Bản ghi nhớ', 'Trạng thái': 'Đề xuất' };
    const file = await buildXlsx([
      header,
      row({ ...valid, 'Ngày ký': '31/02/2024' }), // 2: no such day
      row({ ...valid, Loại: 'Hợp đồng mua bán' }), // 3: no such kind
      row({ ...valid, 'Tên tiếng Việt': null }), // 4: required
      row({ ...valid, 'Tự gia hạn (tháng)': 'mười hai' }), // 5: not a number
      row({ ...valid, 'Đã công bố': 'có lẽ' }), // 6: not yes or no
      row({ ...valid, 'Các bên': 'Atlantis' }), // 7: no such partner
      row({ ...valid, 'Mã bản ghi': 'abc' }), // 8: not an id
      row({ ...valid, 'Hiệu lực từ': '2025-01-01', 'Hiệu lực đến': '2024-01-01' }), // 9: ends before it starts
      row({ ...valid, 'Tên tiếng Việt': 'ạ'.repeat(1001) }), // 10: too long
      row({ ...valid, 'Số quyết định': { formula: '1+1', result: 2 } }), // 11: a formula
      row({ ...valid, 'Đơn vị ký (mã)': '00000000-0000-4000-8000-000000000000' }), // 12: points at nothing
      row({ ...valid, 'Lĩnh vực (mã)': 'not an area!' }), // 13: bad area id
      row(valid), // 14: fine
    ]);
    const response = await importFile(source, 'agreements', 'dryRun=false', file, 'mistakes.xlsx', editor);
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.isWritten).toBe(false);
    expect(
      result.errors.map((error: { row: number; column: string; message: string }) => error.message),
    ).toEqual([
      'Dòng 2, cột Ngày ký: 31/02/2024 không phải là ngày hợp lệ',
      expect.stringMatching(
        /^Dòng 3, cột Loại: Hợp đồng mua bán không phải giá trị được phép \(Bản ghi nhớ, Hiệp định/,
      ),
      'Dòng 4, cột Tên tiếng Việt: không được để trống',
      'Dòng 5, cột Tự gia hạn (tháng): mười hai không phải là số',
      'Dòng 6, cột Đã công bố: có lẽ không phải là Có hoặc Không',
      'Dòng 7, cột Các bên: không tìm thấy “Atlantis”',
      'Dòng 8, cột Mã bản ghi: abc không phải là mã bản ghi hợp lệ',
      'Dòng 9, cột Hiệu lực đến: không được trước Hiệu lực từ',
      'Dòng 10, cột Tên tiếng Việt: dài quá 300 ký tự',
      'Dòng 11, cột Số quyết định: ô chứa công thức; hãy dán giá trị thay cho công thức',
      'Dòng 12, cột Đơn vị ký: trỏ tới bản ghi không tồn tại',
      'Dòng 13, cột Lĩnh vực (mã): not an area! không phải là mã bản ghi hợp lệ',
    ]);
    expect(result.errors[0]).toMatchObject({ row: 2, column: 'Ngày ký' });
    const listed = await source.app.inject({
      method: 'GET',
      url: '/api/v1/agreements?q=hop%20le',
      headers: { cookie: editor },
    });
    expect(listed.json().total).toBe(0);

    const english = (await importFile(source, 'agreements', 'lang=en', file, 'mistakes.xlsx', editor)).json();
    expect(english.errors[0].message).toBe('Row 2, column Ngày ký: 31/02/2024 is not a valid date');

    const onlyValid = (
      await importFile(source, 'agreements', 'dryRun=false&onlyValid=true', file, 'm.xlsx', editor)
    ).json();
    expect(onlyValid).toMatchObject({ created: 1, isWritten: true });
    const after = await source.app.inject({
      method: 'GET',
      url: '/api/v1/agreements?q=hop%20le',
      headers: { cookie: editor },
    });
    expect(after.json().total).toBe(1);
  });

  it('refuses hostile files with a 4xx in the user’s language', async () => {
    const send = (content: Buffer, name: string, query = '') =>
      importFile(source, 'people', query, content, name, editor);
    const notSheet = await send(Buffer.from('\x89PNG\r\n\x1a\n'), 'photo.png');
    expect(notSheet.statusCode).toBe(415);
    expect(notSheet.json().detail).toBe('Tệp phải là bảng tính Excel (.xlsx) hoặc CSV (.csv).');
    const latin1 = await send(Buffer.from('Tên\r\nNguy\u00ean\r\n', 'latin1'), 'people.csv');
    expect(latin1.statusCode).toBe(422);
    expect(latin1.json().code).toBe('import.encoding');
    expect(latin1.json().detail).toContain('UTF-8');
    const many = await send(
      Buffer.from(`Tên\r\n${'Nguyễn Văn A\r\n'.repeat(10_001)}`),
      'people.csv',
      'lang=en',
    );
    expect(many.statusCode).toBe(413);
    expect(many.json().detail).toBe('The file has more than 10000 rows; split it into several files.');
    const huge = await send(Buffer.alloc(6 * 1024 * 1024, 0x41), 'people.csv');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toBe('Tệp quá lớn để nhập một lần; hãy chia thành nhiều tệp.');
    const damaged = await send(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]), 'people.xlsx');
    expect(damaged.statusCode).toBe(422);
    const viewerTry = await importFile(source, 'people', '', Buffer.from('Tên\r\nA\r\n'), 'p.csv', viewer);
    expect(viewerTry.statusCode).toBe(403);
  });
});
