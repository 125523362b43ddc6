// The only impure corner of the reader: decoding uploaded documents into text (.docx through
// mammoth, .pdf through unpdf). Everything after this is pure.
import { htmlToText } from './html.ts';

export type DocumentType = 'txt' | 'html' | 'docx' | 'pdf';

export async function documentToText(bytes: Uint8Array, type: DocumentType): Promise<string> {
  switch (type) {
    case 'txt':
      return decodeText(bytes);
    case 'html':
      return htmlToText(decodeText(bytes));
    case 'docx': {
      const mammoth = await import('mammoth');
      const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return result.value;
    }
    case 'pdf': {
      const { extractText, getDocumentProxy } = await import('unpdf');
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: true });
      return Array.isArray(text) ? text.join('\n') : text;
    }
  }
}

function decodeText(bytes: Uint8Array): string {
  const hasUtf16Bom = bytes[0] === 0xff && bytes[1] === 0xfe;
  const decoder = new TextDecoder(hasUtf16Bom ? 'utf-16le' : 'utf-8');
  return decoder.decode(bytes);
}
