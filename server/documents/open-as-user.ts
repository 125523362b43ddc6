import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Tests open the files hoptac writes the way their readers do: LibreOffice for Word files,
// poppler's pdftotext and pdffonts for PDFs (Debian packages installed by .ci/run).

const run = promisify(execFile);

function scratch(name: string, content: Buffer): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-open-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  return { dir, file };
}

/** The text of a PDF, laid out as pdftotext reads it; `raw` keeps the order the text was drawn
 * in, so a table cell's wrapped lines stay together instead of interleaving with its row. */
export async function pdfText(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): Promise<string> {
  const { file } = scratch('document.pdf', pdf);
  return (await run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-'])).stdout;
}

export async function pdfPageCount(pdf: Buffer): Promise<number> {
  const { file } = scratch('document.pdf', pdf);
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

/** Names of the fonts a PDF embeds (pdffonts' "emb" column says yes). */
export async function pdfEmbeddedFonts(pdf: Buffer): Promise<string[]> {
  const { file } = scratch('document.pdf', pdf);
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .filter((line) => line.split(/\s+/).at(-5) === 'yes')
    .map((line) => line.split(/\s+/)[0]!);
}

/** Converts an office file to PDF with LibreOffice headless, as a user opening it would see it. */
export async function officeToPdf(content: Buffer, extension: 'docx' | 'xlsx'): Promise<Buffer> {
  const { dir, file } = scratch(`document.${extension}`, content);
  // A profile of its own, so that parallel conversions do not wait on one another's lock.
  const profile = `file://${join(dir, 'profile')}`;
  await run(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    { timeout: 120_000 },
  );
  return readFileSync(join(dir, 'document.pdf'));
}
