import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../documents/render-pdf.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { send } from '../../test-registry.ts';

// Registering an agreement from its signed text: the upload is read as an article is, and the
// file follows the review to the agreement it creates.

const boundary = 'signed-text';

function multipart(fields: Record<string, string>, file: { name: string; bytes: Uint8Array }) {
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  return Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

async function uploadSignedText(bytes: Uint8Array, name: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/sources',
    payload: multipart({ signedText: 'true' }, { name, bytes }),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: editor },
  });
}

describe('an agreement from its signed text', () => {
  it('drafts from the PDF, and accepting moves the file to the agreement created', async () => {
    const pdf = await renderPdf({
      language: 'vi',
      title: 'Bản ghi nhớ hợp tác trong lĩnh vực y tế',
      preamble: [],
      blocks: [
        {
          kind: 'paragraph',
          text: 'Ngày 8/10/2024, Bộ Y tế Việt Nam và Bộ Y tế Cộng hòa Belarus ký Bản ghi nhớ hợp tác trong lĩnh vực y tế.',
        },
      ],
      footer: '',
    });
    const created = await uploadSignedText(pdf, 'MoU Belarus (bản ký).pdf');
    expect(created.statusCode, created.body).toBe(201);
    const source = created.json();
    const onSource = await send(t.app, {
      method: 'GET',
      url: `/api/v1/documents?recordType=source&recordId=${source.id}`,
      cookie: editor,
    });
    expect(onSource.json().items).toEqual([
      expect.objectContaining({ kind: 'signed_text', mediaType: 'application/pdf' }),
    ]);

    const draft = (
      await send(t.app, { method: 'GET', url: `/api/v1/sources/${source.id}/draft`, cookie: editor })
    ).json();
    expect(draft.agreements.map((item: { kind: string }) => item.kind)).toContain('mou');
    const accepted = await send(t.app, {
      method: 'POST',
      url: `/api/v1/sources/${source.id}/accept`,
      cookie: editor,
      payload: {
        version: source.version,
        agreements: [
          {
            kind: 'mou',
            status: 'signed',
            title: 'Bản ghi nhớ hợp tác y tế Việt Nam – Belarus',
            date: '2024-10-08',
          },
        ],
      },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [agreementId] = accepted.json().agreementIds;
    const onAgreement = await send(t.app, {
      method: 'GET',
      url: `/api/v1/documents?recordType=agreement&recordId=${agreementId}`,
      cookie: editor,
    });
    expect(onAgreement.json().items).toEqual([
      expect.objectContaining({ kind: 'signed_text', fileName: 'MoU Belarus (bản ký).pdf', version: 2 }),
    ]);
    const left = await send(t.app, {
      method: 'GET',
      url: `/api/v1/documents?recordType=source&recordId=${source.id}`,
      cookie: editor,
    });
    expect(left.json().items).toEqual([]);
  });

  it('refuses a signed text that is not a PDF or DOCX before storing anything', async () => {
    const before = (
      await send(t.app, { method: 'GET', url: '/api/v1/sources?page=1', cookie: editor })
    ).json().total;
    const refused = await uploadSignedText(
      Buffer.from('Ngày 8/10/2024, hai Bộ ký bản ghi nhớ.'),
      'ban-ky.txt',
    );
    expect(refused.statusCode).toBe(415);
    const after = (await send(t.app, { method: 'GET', url: '/api/v1/sources?page=1', cookie: editor })).json()
      .total;
    expect(after).toBe(before);
  });
});
