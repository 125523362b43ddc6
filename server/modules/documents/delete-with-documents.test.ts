import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../documents/render-pdf.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { createThrough, send } from '../../test-registry.ts';

// A record carrying files (the signed text, minutes, a report) is not deleted from under them:
// the delete is refused with the files listed, as any other use; once they are removed, it goes.

const boundary = 'delete-with-documents';

let t: TestApp;
let editor: string;
let pdf: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
  pdf = await renderPdf({ language: 'vi', title: 'Bản ghi nhớ', preamble: [], blocks: [], footer: '' });
});
afterAll(() => t.close());

async function attach(recordType: string, recordId: string, name: string): Promise<{ id: string }> {
  const field = (key: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(field('recordType', recordType) + field('recordId', recordId) + field('kind', 'other')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: editor },
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const remove = (path: string, version: number) =>
  send(t.app, { method: 'DELETE', url: `${path}?version=${version}`, cookie: editor });

describe('deleting a record that carries documents', () => {
  const cases = [
    {
      collection: 'agreements',
      recordType: 'agreement',
      payload: { kind: 'mou', titleVi: 'Bản ghi nhớ có văn bản ký', status: 'signed' },
    },
    { collection: 'events', recordType: 'event', payload: { kind: 'talks', title: 'Hội đàm có biên bản' } },
    { collection: 'commitments', recordType: 'commitment', payload: { text: 'Cam kết có báo cáo' } },
  ] as const;

  for (const { collection, recordType, payload } of cases) {
    it(`refuses to delete ${collection} while files are attached, listing them; then deletes`, async () => {
      const path = `/api/v1/${collection}`;
      const record = await createThrough(t.app, editor, path, payload);
      const first = await attach(recordType, record.id, 'Văn bản đã ký.pdf');
      const second = await attach(recordType, record.id, 'Biên bản.pdf');

      const uses = await send(t.app, { method: 'GET', url: `${path}/${record.id}/uses`, cookie: editor });
      expect(uses.statusCode).toBe(200);
      expect(uses.json().items).toEqual([
        { collection, id: record.id, label: 'Văn bản đã ký.pdf', field: 'documents' },
        { collection, id: record.id, label: 'Biên bản.pdf', field: 'documents' },
      ]);

      const refused = await remove(`${path}/${record.id}`, record.version);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('record.in_use');
      expect(refused.json().uses).toEqual(
        expect.arrayContaining([expect.objectContaining({ label: 'Biên bản.pdf', field: 'documents' })]),
      );
      // Nothing was deleted: the record and both files are still there.
      expect(
        (await send(t.app, { method: 'GET', url: `${path}/${record.id}`, cookie: editor })).statusCode,
      ).toBe(200);
      const listed = await send(t.app, {
        method: 'GET',
        url: `/api/v1/documents?recordType=${recordType}&recordId=${record.id}`,
        cookie: editor,
      });
      expect(listed.json().items).toHaveLength(2);

      for (const document of [first, second])
        expect((await remove(`/api/v1/documents/${document.id}`, 1)).statusCode).toBe(204);
      expect((await remove(`${path}/${record.id}`, record.version)).statusCode).toBe(204);
    });
  }
});
