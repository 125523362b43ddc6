import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../documents/render-docx.ts';
import { renderPdf } from '../../documents/render-pdf.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { createThrough, type Registry, seedRegistry, send } from '../../test-registry.ts';
import { toAttachmentDisposition } from './content-disposition.ts';
import { sniffMediaType } from './media-type.ts';

const maxBytes = 64 * 1024;
const boundary = 'doc-test-boundary';

/** A multipart body: the fields, then the file (or the file first, when asked). */
function multipart(
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array; type?: string } | null,
  isFileFirst = false,
) {
  const parts: Buffer[] = [];
  const field = (name: string, value: string) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const filePart = file
    ? Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.from(file.bytes),
        Buffer.from('\r\n'),
      ])
    : null;
  if (filePart && isFileFirst) parts.push(filePart);
  for (const [name, value] of Object.entries(fields)) parts.push(field(name, value));
  if (filePart && !isFileFirst) parts.push(filePart);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const samplePdf = () =>
  renderPdf({ language: 'vi', title: 'Bản ghi nhớ hợp tác', preamble: [], blocks: [], footer: '' });

let t: TestApp;
let editor: string;
let viewer: string;
let registry: Registry;
let pdf: Buffer;

beforeAll(async () => {
  t = await createTestApp({ HOPTAC_DOCUMENT_MAX_BYTES: String(maxBytes) });
  editor = (await t.signIn('editor')).cookie;
  viewer = (await t.signIn('viewer')).cookie;
  registry = await seedRegistry(t, editor);
  pdf = await samplePdf();
});
afterAll(() => t.close());

async function upload(
  cookie: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array; type?: string } | null,
  isFileFirst = false,
) {
  const body = multipart(fields, file, isFileFirst);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    payload: body.payload,
    headers: { ...body.headers, cookie },
  });
}

describe('media type sniffing', () => {
  it('tells formats by their bytes, not their names', async () => {
    const docx = await renderDocx({
      language: 'vi',
      title: 'Biên bản',
      preamble: [],
      blocks: [],
      footer: '',
    });
    expect(sniffMediaType(pdf)).toBe('application/pdf');
    expect(sniffMediaType(docx)).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(Buffer.from('PK\u0003\u0004 not an office file'))).toBeNull();
    expect(sniffMediaType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
  });

  it('writes a Vietnamese name as RFC 5987 filename* beside an ASCII fallback', () => {
    expect(toAttachmentDisposition('Biên bản ghi nhớ (bản ký).pdf')).toBe(
      `attachment; filename="Bien ban ghi nho _ban ky_.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20ghi%20nh%E1%BB%9B%20%28b%E1%BA%A3n%20k%C3%BD%29.pdf`,
    );
  });
});

describe('POST /api/v1/documents', () => {
  it('stores a PDF with its checksum, size, uploader, and serves it back as an attachment', async () => {
    const response = await upload(
      editor,
      { recordType: 'agreement', recordId: registry.agreementId, kind: 'signed_text' },
      { name: 'Bản ký kết.pdf', bytes: pdf },
    );
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json();
    expect(document).toMatchObject({
      recordType: 'agreement',
      recordId: registry.agreementId,
      kind: 'signed_text',
      fileName: 'Bản ký kết.pdf',
      mediaType: 'application/pdf',
      size: pdf.byteLength,
      checksum: createHash('sha256').update(pdf).digest('hex'),
      isPublic: false,
      version: 1,
    });
    expect(document.uploadedByEmail).toMatch(/^editor\d+@test\.local$/);

    const content = await send(t.app, {
      method: 'GET',
      url: `/api/v1/documents/${document.id}/content`,
      cookie: viewer,
    });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-disposition']).toContain(
      `filename*=UTF-8''B%E1%BA%A3n%20k%C3%BD%20k%E1%BA%BFt.pdf`,
    );
    expect(Buffer.compare(content.rawPayload, pdf)).toBe(0);

    const list = await send(t.app, {
      method: 'GET',
      url: `/api/v1/documents?recordType=agreement&recordId=${registry.agreementId}`,
      cookie: viewer,
    });
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(document.id);
  });

  it('reads the fields whether they come before or after the file', async () => {
    const response = await upload(
      editor,
      { recordType: 'event', recordId: registry.eventId, kind: 'minutes' },
      { name: 'bien-ban.pdf', bytes: pdf },
      true,
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ recordType: 'event', kind: 'minutes' });
  });

  it('believes the content over a lying name and type', async () => {
    const response = await upload(
      editor,
      { recordType: 'agreement', recordId: registry.agreementId, kind: 'other' },
      { name: 'quyet-dinh.docx', bytes: pdf, type: 'application/msword' },
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ mediaType: 'application/pdf', fileName: 'quyet-dinh.docx.pdf' });
  });

  it('refuses a format it does not accept, whatever the name says, with 415', async () => {
    const response = await upload(
      editor,
      { recordType: 'agreement', recordId: registry.agreementId, kind: 'other' },
      {
        name: 'van-ban.pdf',
        bytes: Buffer.from('<html><script>alert(1)</script></html>'),
        type: 'application/pdf',
      },
    );
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'documents.type_refused' });
  });

  it('refuses a file over the size limit with 413 and stores nothing', async () => {
    const before = await send(t.app, {
      method: 'GET',
      url: `/api/v1/documents?recordType=commitment&recordId=${registry.commitmentId}`,
      cookie: editor,
    });
    const large = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(maxBytes + 10, 0x20)]);
    const response = await upload(
      editor,
      { recordType: 'commitment', recordId: registry.commitmentId, kind: 'report' },
      { name: 'bao-cao.pdf', bytes: large },
    );
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'documents.too_large' });
    const after = await send(t.app, {
      method: 'GET',
      url: `/api/v1/documents?recordType=commitment&recordId=${registry.commitmentId}`,
      cookie: editor,
    });
    expect(after.json().items).toEqual(before.json().items);
  });

  it('refuses an empty file, no file, and a record that does not exist', async () => {
    const fields = { recordType: 'agreement', recordId: registry.agreementId, kind: 'other' };
    expect((await upload(editor, fields, { name: 'a.pdf', bytes: new Uint8Array() })).statusCode).toBe(400);
    expect((await upload(editor, fields, null)).statusCode).toBe(400);
    const missing = await upload(
      editor,
      { ...fields, recordId: '00000000-0000-4000-a000-000000000000' },
      { name: 'a.pdf', bytes: pdf },
    );
    expect(missing.statusCode).toBe(422);
    const wrongKind = await upload(editor, { ...fields, kind: 'poem' }, { name: 'a.pdf', bytes: pdf });
    expect(wrongKind.statusCode).toBe(400);
  });

  it('lets a unit attach to the commitments it owns and nothing else', async () => {
    const owning = (await t.signIn('unit', registry.owningOrganisationId)).cookie;
    const other = (await t.signIn('unit', registry.otherOrganisationId)).cookie;
    const onCommitment = { recordType: 'commitment', recordId: registry.commitmentId, kind: 'report' };
    expect((await upload(owning, onCommitment, { name: 'bc.pdf', bytes: pdf })).statusCode).toBe(201);
    expect((await upload(other, onCommitment, { name: 'bc.pdf', bytes: pdf })).statusCode).toBe(403);
    const onAgreement = { recordType: 'agreement', recordId: registry.agreementId, kind: 'other' };
    expect((await upload(owning, onAgreement, { name: 'bc.pdf', bytes: pdf })).statusCode).toBe(403);
    expect((await upload(viewer, onCommitment, { name: 'bc.pdf', bytes: pdf })).statusCode).toBe(403);
  });
});

describe('public documents', () => {
  it('serves only a public document of a published record; 404 otherwise', async () => {
    const unpublished = await createThrough(t.app, editor, '/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ chưa công bố',
      status: 'signed',
    });
    const onUnpublished = (
      await upload(
        editor,
        { recordType: 'agreement', recordId: unpublished.id, kind: 'signed_text', isPublic: 'true' },
        { name: 'ky.pdf', bytes: pdf },
      )
    ).json();
    const onPublished = (
      await upload(
        editor,
        { recordType: 'agreement', recordId: registry.agreementId, kind: 'signed_text' },
        { name: 'ky.pdf', bytes: pdf },
      )
    ).json();
    const publicContent = (id: string) =>
      send(t.app, { method: 'GET', url: `/api/public/documents/${id}/content` });

    expect(onUnpublished.isPublic).toBe(true);
    expect((await publicContent(onUnpublished.id)).statusCode).toBe(404);
    expect((await publicContent(onPublished.id)).statusCode).toBe(404);

    const made = await send(t.app, {
      method: 'PATCH',
      url: `/api/v1/documents/${onPublished.id}`,
      payload: { version: 1, isPublic: true },
      cookie: editor,
    });
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({ isPublic: true, version: 2 });
    const served = await publicContent(onPublished.id);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);

    const page = await send(t.app, { method: 'GET', url: `/api/public/agreements/${registry.agreementId}` });
    expect(page.json().files.map((file: { id: string }) => file.id)).toContain(onPublished.id);
    expect(page.json().files.map((file: { id: string }) => file.id)).not.toContain(onUnpublished.id);

    const stale = await send(t.app, {
      method: 'PATCH',
      url: `/api/v1/documents/${onPublished.id}`,
      payload: { version: 1, isPublic: false },
      cookie: editor,
    });
    expect(stale.statusCode).toBe(409);
    expect((await publicContent('00000000-0000-4000-a000-000000000000')).statusCode).toBe(404);
  });
});

describe('DELETE /api/v1/documents/:id', () => {
  it('removes the document and its bytes, and the audit keeps who did it', async () => {
    const document = (
      await upload(
        editor,
        { recordType: 'agreement', recordId: registry.agreementId, kind: 'other' },
        { name: 'xoa.pdf', bytes: pdf },
      )
    ).json();
    const removed = await send(t.app, {
      method: 'DELETE',
      url: `/api/v1/documents/${document.id}?version=1`,
      cookie: editor,
    });
    expect(removed.statusCode).toBe(204);
    const content = await send(t.app, {
      method: 'GET',
      url: `/api/v1/documents/${document.id}/content`,
      cookie: editor,
    });
    expect(content.statusCode).toBe(404);
    const audit = await send(t.app, {
      method: 'GET',
      url: `/api/v1/audit?recordType=document&recordId=${document.id}`,
      cookie: editor,
    });
    expect(
      audit
        .json()
        .items.map((row: { action: string }) => row.action)
        .sort(),
    ).toEqual(['create', 'delete']);
  });
});

describe('filesystem store', () => {
  it('keeps the bytes as a file named by the id and serves them back', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'hoptac-documents-'));
    const fs = await createTestApp({ HOPTAC_DOCUMENT_STORAGE: 'filesystem', HOPTAC_DOCUMENT_DIR: directory });
    try {
      const cookie = (await fs.signIn('editor')).cookie;
      const agreement = await createThrough(fs.app, cookie, '/api/v1/agreements', {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ lưu tệp',
        status: 'signed',
      });
      const body = multipart(
        { recordType: 'agreement', recordId: agreement.id, kind: 'signed_text' },
        { name: 'ky.pdf', bytes: pdf },
      );
      const created = await fs.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        payload: body.payload,
        headers: { ...body.headers, cookie },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(await readdir(directory)).toEqual([created.json().id]);
      const content = await send(fs.app, {
        method: 'GET',
        url: `/api/v1/documents/${created.json().id}/content`,
        cookie,
      });
      expect(Buffer.compare(content.rawPayload, pdf)).toBe(0);
    } finally {
      await fs.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
