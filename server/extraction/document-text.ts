// Decoding uploaded documents into text (.docx through mammoth, .pdf through unpdf), within a
// budget: a small file may hold far more than an article, so nothing here reads past the limits.
import { limits } from '../../common/domain/limits.ts';
import { htmlToText } from '../../reader/index.ts';
import { measureZipInflation } from './zip-inflation.ts';

export type DocumentType = 'txt' | 'html' | 'docx' | 'pdf';

const typesByExtension: Record<string, DocumentType> = {
  txt: 'txt',
  text: 'txt',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

/** The document type a file name's extension says, or undefined for one the reader cannot take. */
export function documentTypeOf(filename: string): DocumentType | undefined {
  return typesByExtension[filename.toLowerCase().split('.').pop() ?? ''];
}

export type TextBudget = {
  /** Characters of text a document may yield: the same limit as pasted text. */
  maxCharacters: number;
  /** Bytes a .docx may inflate to, all its parts together. */
  maxInflatedBytes: number;
};

export const articleBudget: TextBudget = {
  maxCharacters: limits.sourceText,
  // A .docx holds its text in XML several times the text's size; 32 MiB carries the longest
  // accepted article with room to spare, and is what inflating a bomb may cost at most.
  maxInflatedBytes: 32 * 1024 * 1024,
};

const refusals = {
  too_large: 'the document unpacks to more than an article can be',
  text_too_long: `the document holds more than ${limits.sourceText} characters of text`,
  unreadable: 'the document could not be read',
};

/** Why a document was not turned into text; the server words it for the person who sent it. */
export class DocumentRefusal extends Error {
  constructor(readonly reason: keyof typeof refusals) {
    super(refusals[reason]);
  }
}

export async function documentToText(bytes: Uint8Array, type: DocumentType, budget: TextBudget) {
  const text = await decodeDocument(bytes, type, budget);
  if (text.length > budget.maxCharacters) throw new DocumentRefusal('text_too_long');
  return text;
}

async function decodeDocument(bytes: Uint8Array, type: DocumentType, budget: TextBudget): Promise<string> {
  switch (type) {
    case 'txt':
      return decodeText(bytes);
    case 'html':
      return htmlToText(decodeText(bytes));
    case 'docx':
      return docxToText(bytes, budget.maxInflatedBytes);
    case 'pdf':
      return pdfToText(bytes, budget.maxCharacters);
  }
}

function decodeText(bytes: Uint8Array): string {
  const hasUtf16Bom = bytes[0] === 0xff && bytes[1] === 0xfe;
  const decoder = new TextDecoder(hasUtf16Bom ? 'utf-16le' : 'utf-8');
  return decoder.decode(bytes);
}

async function docxToText(bytes: Uint8Array, maxInflatedBytes: number): Promise<string> {
  const inflation = measureZipInflation(bytes, maxInflatedBytes);
  if (inflation.kind === 'too_large') throw new DocumentRefusal('too_large');
  if (inflation.kind === 'damaged') throw new DocumentRefusal('unreadable');
  const mammoth = await import('mammoth');
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value;
}

/** Page by page, stopping once the text passes the limit: a few kilobytes of compressed page
 * content can spell millions of characters. */
async function pdfToText(bytes: Uint8Array, maxCharacters: number): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: string[] = [];
  let length = 0;
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    const page = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join('');
    length += page.length;
    if (length > maxCharacters) throw new DocumentRefusal('text_too_long');
    pages.push(page);
  }
  // As unpdf's extractText({ mergePages: true }) has always given the reader: one line.
  return pages.join('\n').replace(/\s+/g, ' ');
}
