import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, OfficeDocument } from './office-document.ts';

// Be Vietnam Pro (OFL) from an npm package, embedded in every PDF: it draws every Vietnamese
// letter, and nothing is fetched at run time.
const require = createRequire(import.meta.url);
const fontFile = (style: string) =>
  require.resolve(`@expo-google-fonts/be-vietnam-pro/${style}/BeVietnamPro_${style}.ttf`);
const fonts = {
  BeVietnamPro: {
    normal: fontFile('400Regular'),
    bold: fontFile('700Bold'),
    italics: fontFile('400Regular_Italic'),
    bolditalics: fontFile('700Bold_Italic'),
  },
};
const fontPaths = new Set(Object.values(fonts.BeVietnamPro));

pdfmake.setFonts(fonts);
// Documents are built from our own records: no image or font is ever loaded from a URL or from
// any file other than the fonts above.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => fontPaths.has(path));

function blockToPdf(block: Block): Content {
  switch (block.kind) {
    case 'heading':
      return { text: block.text, style: 'heading' };
    case 'paragraph':
      return {
        text: block.text,
        margin: [0, 0, 0, 6],
        bold: block.emphasis === 'strong',
        italics: block.emphasis === 'muted',
        color: block.emphasis === 'muted' ? '#555555' : undefined,
      };
    case 'bullets':
      return { ul: block.items, margin: [0, 0, 0, 6] };
    case 'table':
      return {
        margin: [0, 2, 0, 8],
        fontSize: 9,
        table: {
          headerRows: 1,
          widths: block.columns.map((column) => `${column.width}%`),
          body: [
            block.columns.map((column) => ({ text: column.header, bold: true, fillColor: '#eeeeee' })),
            ...block.rows,
          ],
        },
        layout: {
          hLineColor: '#999999',
          vLineColor: '#999999',
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
        },
      };
  }
}

/** The document as a PDF (A4, Be Vietnam Pro embedded, page numbers in the footer). */
export function renderPdf(document: OfficeDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: document.title, creator: 'hoptac', producer: 'hoptac' },
    language: document.language,
    pageSize: 'A4',
    pageMargins: [56, 48, 42, 48],
    defaultStyle: { font: 'BeVietnamPro', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 8, 0, 12] },
      heading: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
      preamble: { italics: true, alignment: 'right', color: '#444444' },
    },
    footer: (page: number, pages: number) => ({
      text: `${document.footer} — ${page}/${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#666666',
    }),
    content: [
      ...document.preamble.map((line) => ({ text: line, style: 'preamble' })),
      { text: document.title, style: 'title' },
      ...document.blocks.map(blockToPdf),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
