import { describe, expect, it } from 'vitest';
import { articleBudget, DocumentRefusal, documentToText } from './document-text.ts';
import { buildDocx, buildPdf } from './hostile-documents.fixture.ts';
import { measureZipInflation } from './zip-inflation.ts';

const megabyte = 1024 * 1024;
const sentence = 'Ngày 12/3/2025, Thứ trưởng Bộ Y tế tiếp Đại sứ Nhật Bản.';

async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  return error instanceof DocumentRefusal ? error.reason : error;
}

describe('zip inflation budget', () => {
  it('sums what an honest .docx inflates to', async () => {
    const { bytes, bodyBytes } = await buildDocx(sentence, 3);
    const inflation = measureZipInflation(bytes, megabyte);
    expect(inflation.kind).toBe('fits');
    expect(inflation.kind === 'fits' && inflation.inflatedBytes).toBeGreaterThan(bodyBytes);
  });

  it('refuses a bomb from its declared sizes, before inflating anything', async () => {
    const { bytes, bodyBytes } = await buildDocx('a'.repeat(1000), 100_000);
    expect(bytes.length).toBeLessThan(bodyBytes / 300);
    expect(measureZipInflation(bytes, 64 * megabyte)).toEqual({ kind: 'too_large' });
  });

  it('refuses a bomb that understates its sizes once it inflates past what it declared', async () => {
    const { bytes } = await buildDocx('a'.repeat(1000), 100_000, { declaredBodySize: 1000 });
    expect(measureZipInflation(bytes, 64 * megabyte)).toEqual({ kind: 'too_large' });
  });

  it('tells a damaged archive from a large one', () => {
    const inflation = measureZipInflation(new TextEncoder().encode('not a zip at all'), megabyte);
    expect(inflation.kind).toBe('damaged');
  });
});

describe('document text', () => {
  it('reads the paragraphs of a .docx and the pages of a PDF', async () => {
    const docx = await documentToText((await buildDocx(sentence, 2)).bytes, 'docx', articleBudget);
    expect(docx.trim().split(/\n+/)).toEqual([sentence, sentence]);
    const pdf = buildPdf({ pages: 2, linesPerPage: 1, line: 'Hop tac y te Viet Nam' });
    expect(await documentToText(pdf, 'pdf', articleBudget)).toBe(
      'Hop tac y te Viet Nam Hop tac y te Viet Nam',
    );
  });

  it('refuses a .docx that inflates past the budget without handing it to the .docx reader', async () => {
    const bomb = await buildDocx('a'.repeat(1000), 100_000, { declaredBodySize: 2000 });
    expect(await refusalOf(documentToText(bomb.bytes, 'docx', articleBudget))).toBe('too_large');
  });

  it('stops reading a PDF once its text passes the limit of pasted text', async () => {
    const line = 'Hop tac y te Viet Nam. '.repeat(5).slice(0, 95);
    // 4,000 lines of 95 characters on each of 100 pages: 38 million characters in a few kilobytes.
    const pdf = buildPdf({ pages: 100, linesPerPage: 4000, line });
    expect(pdf.length).toBeLessThan(20_000);
    expect(await refusalOf(documentToText(pdf, 'pdf', articleBudget))).toBe('text_too_long');
  });

  it('refuses a text file longer than pasted text may be', async () => {
    const text = new TextEncoder().encode('Hợp tác y tế. '.repeat((8 * megabyte) / 18));
    expect(text.length).toBeGreaterThan(7 * megabyte);
    expect(await refusalOf(documentToText(text, 'txt', articleBudget))).toBe('text_too_long');
  });
});
