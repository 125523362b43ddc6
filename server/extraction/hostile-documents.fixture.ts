// Documents built by the tests and the bench themselves (no binary blobs in the repository): a real
// .docx, a .docx that inflates far past its size (a zip bomb, honest or lying about its sizes), and
// a PDF whose few kilobytes of compressed pages spell millions of characters.
import { constants, crc32, createDeflateRaw, deflateSync } from 'node:zlib';

type ZipEntry = { name: string; data: Buffer; size: number; crc: number; method: 0 | 8 };

/** Deflates `repeat` copies of `chunk` as a stream, so a 200 MB entry never exists in memory. */
async function deflateRepeated(chunk: Buffer, repeat: number, head = '', tail = '') {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  deflate.write(head);
  for (let index = 0; index < repeat; index++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  const size = Buffer.byteLength(head) + chunk.length * repeat + Buffer.byteLength(tail);
  return { data: Buffer.concat(parts), size, crc };
}

function storedEntry(name: string, text: string): ZipEntry {
  const data = Buffer.from(text);
  return { name, data, size: data.length, crc: crc32(data), method: 0 };
}

/** A zip archive; `declaredSizes` overrides what the directory says an entry inflates to. */
function buildZip(entries: ZipEntry[], declaredSizes: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = declaredSizes[entry.name] ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const docxParts = [
  storedEntry(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  storedEntry(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ),
];
const documentHead =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const documentTail = '</w:body></w:document>';
const paragraphXml = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A .docx whose body repeats `paragraph` about `repeat` times (rounded up to whole chunks); optionally its directory understates
 * the body's size, as a bomb built to slip past a size check would. */
export async function buildDocx(
  paragraph: string,
  repeat = 1,
  { declaredBodySize }: { declaredBodySize?: number } = {},
): Promise<{ bytes: Buffer; bodyBytes: number }> {
  // Written in chunks of about a megabyte: a stream fed paragraph by paragraph is far slower.
  const perChunk = Math.max(
    1,
    Math.min(repeat, Math.floor(2 ** 20 / Buffer.byteLength(paragraphXml(paragraph)))),
  );
  const chunk = Buffer.from(paragraphXml(paragraph).repeat(perChunk));
  const body = await deflateRepeated(chunk, Math.ceil(repeat / perChunk), documentHead, documentTail);
  const entry: ZipEntry = { name: 'word/document.xml', method: 8, ...body };
  const declared: Record<string, number> =
    declaredBodySize === undefined ? {} : { 'word/document.xml': declaredBodySize };
  return { bytes: buildZip([...docxParts, entry], declared), bodyBytes: body.size };
}

/** A PDF of `pages` pages that all show one compressed content stream of `linesPerPage` lines of
 * `line`: the text multiplies by the page count while the file stays a few kilobytes. Every line
 * is set at the same place on the page, since text off the page is not extracted. */
export function buildPdf({
  pages,
  linesPerPage,
  line,
}: {
  pages: number;
  linesPerPage: number;
  line: string;
}) {
  const content = deflateSync(`BT /F1 10 Tf\n${`1 0 0 1 40 400 Tm (${line}) Tj\n`.repeat(linesPerPage)}ET`);
  const pageIds = Array.from({ length: pages }, (_, index) => 5 + index);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    null, // 4: the shared content stream, written with its binary data below
    ...pageIds.map(
      () =>
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>',
    ),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const chunk =
      object === null
        ? Buffer.concat([
            Buffer.from(`${index + 1} 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`),
            content,
            Buffer.from('\nendstream\nendobj\n'),
          ])
        : Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  ].join('');
  chunks.push(Buffer.from(xref));
  return Buffer.concat(chunks);
}
