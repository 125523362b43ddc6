import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Letterhead, OfficeDocument } from './office-document.ts';

const font = 'Times New Roman';
/** Half-points: 13 pt body, as Vietnamese administrative documents use. */
const bodySize = 26;
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

function blockToDocx(block: Block): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: block.text, bold: true, font, size: bodySize })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          alignment: AlignmentType.JUSTIFIED,
          children: block.text.split('\n').map(
            (line, index) =>
              new TextRun({
                text: line,
                font,
                size: bodySize,
                bold: block.emphasis === 'strong',
                italics: block.emphasis === 'muted',
                ...(index > 0 ? { break: 1 } : {}),
              }),
          ),
        }),
      ];
    case 'bullets':
      return block.items.map(
        (item) =>
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun({ text: item, font, size: bodySize })],
          }),
      );
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.columns.map(
                (column) =>
                  new TableCell({
                    width: { size: column.width, type: WidthType.PERCENTAGE },
                    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
                    children: [
                      new Paragraph({
                        children: [new TextRun({ text: column.header, bold: true, font, size: 20 })],
                      }),
                    ],
                  }),
              ),
            }),
            ...block.rows.map(
              (row) =>
                new TableRow({
                  children: row.map(
                    (cell, index) =>
                      new TableCell({
                        width: { size: block.columns[index]?.width ?? 10, type: WidthType.PERCENTAGE },
                        borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
                        children: cell
                          .split('\n')
                          .map(
                            (line) =>
                              new Paragraph({ children: [new TextRun({ text: line, font, size: 20 })] }),
                          ),
                      }),
                  ),
                }),
            ),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
  }
}

const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder };

function centred(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, font, size: options.size ?? bodySize, ...options })],
  });
}

/** A4 less Decree 30/2020's left and right margins, in twentieths of a point. */
const textWidth = 11906 - 1701 - 850;

/** Decree 30/2020's head: two borderless columns, the body and number left, the motto and the
 * place and date right (motto 12 pt bold capitals, its line 14 pt bold, date italic). */
function letterheadToDocx(head: Letterhead): Table {
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: noBorders, children });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [3500, textWidth - 3500],
    borders: { ...noBorders, insideHorizontal: noBorder, insideVertical: noBorder },
    rows: [
      new TableRow({
        children: [
          cell(3500, [centred(head.issuingBody, { bold: true }), centred('________'), centred(head.number)]),
          cell(textWidth - 3500, [
            centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
            centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 28 }),
            centred('________________________'),
            centred(head.placeAndDate, { italics: true, size: 28 }),
          ]),
        ],
      }),
    ],
  });
}

/** The document as a .docx file (A4, Times New Roman 13 pt, page numbers in the footer). */
export async function renderDocx(document: OfficeDocument): Promise<Buffer> {
  const docx = new Document({
    title: document.title,
    creator: 'hoptac',
    styles: { default: { document: { run: { font, size: bodySize } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            // Decree 30/2020 margins: top/bottom 20 mm, left 30 mm, right 15 mm.
            margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${document.footer} — `, font, size: 20 }),
                  new TextRun({ children: [PageNumber.CURRENT], font, size: 20 }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...(document.letterhead ? [letterheadToDocx(document.letterhead)] : []),
          ...document.preamble.map(
            (line) =>
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: line, italics: true, font, size: bodySize })],
              }),
          ),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 240 },
            children: [new TextRun({ text: document.title, bold: true, font, size: 28 })],
          }),
          ...(document.subtitle
            ? [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  spacing: { after: 240 },
                  children: [new TextRun({ text: document.subtitle, bold: true, font, size: 28 })],
                }),
              ]
            : []),
          ...document.blocks.flatMap(blockToDocx),
        ],
      },
    ],
  });
  return Packer.toBuffer(docx);
}
