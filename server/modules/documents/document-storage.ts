import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { documentContents } from './documents.table.ts';

/** Where attached files' bytes are kept. `put` runs inside the transaction that writes the
 * description, so a database store commits or rolls back with it; a file store's orphan after a
 * rollback is harmless (its key is never referenced). */
export type DocumentStorage = {
  put(executor: Executor, id: string, bytes: Uint8Array): Promise<string>;
  get(executor: Executor, key: string): Promise<Uint8Array | null>;
  remove(executor: Executor, key: string): Promise<void>;
};

export type DocumentStorageConfig = { kind: 'database' } | { kind: 'filesystem'; directory: string };

/** Bytes in a bytea column: the default, and the only store on PGlite that a backup carries. */
export function createDatabaseStorage(): DocumentStorage {
  return {
    async put(executor, id, bytes) {
      const key = `db:${id}`;
      await executor.insert(documentContents).values({ key, bytes });
      return key;
    },
    async get(executor, key) {
      const [row] = await executor
        .select({ bytes: documentContents.bytes })
        .from(documentContents)
        .where(eq(documentContents.key, key));
      return row ? new Uint8Array(row.bytes) : null;
    },
    async remove(executor, key) {
      await executor.delete(documentContents).where(eq(documentContents.key, key));
    },
  };
}

/** Bytes as files under one directory, named by the document's id (never by the upload's name). */
export function createFilesystemStorage(directory: string): DocumentStorage {
  const root = resolve(directory);
  const pathOf = (key: string) => {
    const name = key.slice('fs:'.length);
    if (!/^[0-9a-f-]{36}$/.test(name)) throw new Error(`not a file store key: ${key}`);
    return join(root, name);
  };
  return {
    async put(_executor, id, bytes) {
      await mkdir(root, { recursive: true });
      const key = `fs:${id}`;
      const temporary = `${pathOf(key)}.part`;
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, pathOf(key));
      return key;
    },
    async get(executor, key) {
      if (key.startsWith('db:')) return createDatabaseStorage().get(executor, key);
      return readFile(pathOf(key)).then(
        (buffer) => new Uint8Array(buffer),
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        },
      );
    },
    async remove(executor, key) {
      if (key.startsWith('db:')) return createDatabaseStorage().remove(executor, key);
      await rm(pathOf(key), { force: true });
    },
  };
}

export function createDocumentStorage(config: DocumentStorageConfig): DocumentStorage {
  return config.kind === 'filesystem' ? createFilesystemStorage(config.directory) : createDatabaseStorage();
}
