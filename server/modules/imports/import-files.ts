// What a batch import reads: files, folders (walked), and .zip archives (their entries), as
// items named by path. Hidden files and folders (.git, __MACOSX) are left out.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { StagedItem } from './imports.service.ts';

/** An entry larger than this is refused unread: no article is near it, a bomb would be. */
const maxEntryBytes = 64 * 1024 * 1024;
/** Entries inflated at a time, so a zip of a hundred thousand articles is never whole in memory. */
const zipChunk = 500;

const isHidden = (name: string) => name.startsWith('.') || name === '__MACOSX';

/** Every file under the given paths, folders walked, sorted, as absolute paths. */
export async function listFiles(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  async function walk(path: string) {
    const info = await stat(path);
    if (!info.isDirectory()) {
      found.push(path);
      return;
    }
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (!isHidden(entry.name)) await walk(join(path, entry.name));
    }
  }
  for (const path of paths) await walk(resolve(path));
  return [...new Set(found)].sort();
}

/** What a rerun of the same command recognises: a hash of its resolved file list. */
export function importKeyOf(files: string[]): string {
  return createHash('sha256').update(files.join('\n')).digest('hex');
}

const isZip = (path: string) => extname(path).toLowerCase() === '.zip';

function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (file) => {
      const parts = file.name.split('/');
      if (!file.name.endsWith('/') && !parts.some(isHidden)) names.push(file.name);
      return false;
    },
  });
  return names.sort();
}

/** The zip's entries in chunks, as items named ZIP!ENTRY; oversized entries come refused. */
export function* zipItems(zipPath: string, bytes: Uint8Array): Generator<StagedItem[]> {
  const names = zipEntryNames(bytes);
  for (let at = 0; at < names.length; at += zipChunk) {
    const wanted = new Set(names.slice(at, at + zipChunk));
    const refused = new Set<string>();
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted.has(file.name)) return false;
        if (file.originalSize > maxEntryBytes) refused.add(file.name);
        return !refused.has(file.name);
      },
    });
    yield [...wanted].map((name) => ({
      path: `${zipPath}!${name}`,
      bytes: files[name] ?? null,
      ...(refused.has(name) ? { reason: 'the file is far larger than an article' } : {}),
    }));
  }
}

/** Every item of the files, in chunks of about `chunk`, skipping paths already staged. A file
 * that cannot be read comes as a refused item with the reason. */
export async function* readItems(
  files: string[],
  skip: Set<string>,
  chunk = zipChunk,
): AsyncGenerator<StagedItem[]> {
  let pending: StagedItem[] = [];
  for (const file of files) {
    if (isZip(file)) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
        for (const items of zipItems(file, bytes)) {
          const fresh = items.filter((item) => !skip.has(item.path));
          if (fresh.length > 0) yield fresh;
        }
      } catch (error) {
        if (!skip.has(file))
          yield [{ path: file, bytes: null, reason: `not a readable zip: ${(error as Error).message}` }];
      }
      continue;
    }
    if (skip.has(file)) continue;
    try {
      const info = await stat(file);
      pending.push(
        info.size > maxEntryBytes
          ? { path: file, bytes: null, reason: 'the file is far larger than an article' }
          : { path: file, bytes: new Uint8Array(await readFile(file)) },
      );
    } catch (error) {
      pending.push({
        path: file,
        bytes: null,
        reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      });
    }
    if (pending.length >= chunk) {
      yield pending;
      pending = [];
    }
  }
  if (pending.length > 0) yield pending;
}
