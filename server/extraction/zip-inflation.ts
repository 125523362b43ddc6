// A .docx is a zip: a few hundred kilobytes can inflate to gigabytes of XML, and the .docx library
// inflates every part whole into memory. Before it runs, this reads the zip's own directory and
// inflates each entry against a byte budget, so a zip bomb costs at most the budget.
import { inflateRawSync } from 'node:zlib';

export type ZipInflation =
  | { kind: 'fits'; inflatedBytes: number }
  | { kind: 'too_large' }
  | { kind: 'damaged'; problem: string };

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const endOfDirectoryLength = 22;
// Zip64 marks sizes it moved elsewhere with all ones; no genuine article needs 4 GB.
const zip64Marker = 0xffffffff;

function findEndOfDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - endOfDirectoryLength - 0xffff);
  for (let at = view.byteLength - endOfDirectoryLength; at >= earliest; at--) {
    if (view.getUint32(at, true) === endOfDirectorySignature) return at;
  }
  return -1;
}

/** Sums what the zip's entries inflate to, stopping as soon as the sum passes `budgetBytes`. An
 * entry is inflated (never more than it declared) so a zip that lies about its sizes is caught too. */
export function measureZipInflation(bytes: Uint8Array, budgetBytes: number): ZipInflation {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) return { kind: 'damaged', problem: 'not a zip archive' };
  const entryCount = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let inflatedBytes = 0;
  try {
    for (let index = 0; index < entryCount; index++) {
      if (view.getUint32(at, true) !== directoryEntrySignature) {
        return { kind: 'damaged', problem: 'damaged zip directory' };
      }
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const declaredSize = view.getUint32(at + 24, true);
      const localHeader = view.getUint32(at + 42, true);
      at +=
        46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      if (declaredSize === zip64Marker || inflatedBytes + declaredSize > budgetBytes) {
        return { kind: 'too_large' };
      }
      if (view.getUint32(localHeader, true) !== localHeaderSignature) {
        return { kind: 'damaged', problem: 'damaged zip entry' };
      }
      const dataStart =
        localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      if (method === 8) {
        const actualSize = inflateRawSync(data, { maxOutputLength: Math.max(1, declaredSize) }).byteLength;
        if (actualSize !== declaredSize) return { kind: 'damaged', problem: 'zip entry size mismatch' };
      } else if (method !== 0) {
        return { kind: 'damaged', problem: `zip compression method ${method}` };
      }
      inflatedBytes += declaredSize;
    }
  } catch (error) {
    // Inflating past the declared size: the entry lied about it, which only a bomb needs to do.
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return { kind: 'too_large' };
    }
    return { kind: 'damaged', problem: 'damaged zip data' };
  }
  return { kind: 'fits', inflatedBytes };
}
