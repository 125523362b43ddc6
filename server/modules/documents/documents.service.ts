import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DocumentRecord, PublicDocument, UpdateDocument } from '../../../common/contracts/documents.ts';
import {
  type DocumentKind,
  type DocumentRecordType,
  documentMediaTypeList,
  toStoredFileName,
} from '../../../common/domain/documents.ts';
import type { Database, Executor } from '../../db/client.ts';
import { type Actor, toIso, writeAudit } from '../../db/records.ts';
import type { SessionUser } from '../../http/auth.ts';
import { commonErrors } from '../../http/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { events } from '../events/events.table.ts';
import { sources } from '../sources/sources.table.ts';
import type { DocumentStorage } from './document-storage.ts';
import { documentsErrors } from './documents.errors.ts';
import { attachedDocuments } from './documents.table.ts';
import { sniffMediaType } from './media-type.ts';

type Row = typeof attachedDocuments.$inferSelect;

export type DocumentUpload = {
  bytes: Uint8Array;
  fileName: string;
  recordType: DocumentRecordType;
  recordId: string;
  kind: DocumentKind;
  isPublic?: boolean;
};

function toRecord(row: Row): DocumentRecord {
  return {
    id: row.id,
    recordType: row.recordType,
    recordId: row.recordId,
    kind: row.kind,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    checksum: row.checksum,
    isPublic: row.isPublic,
    uploadedBy: row.uploadedBy,
    uploadedByEmail: row.uploadedByEmail,
    uploadedAt: toIso(row.uploadedAt) ?? '',
    version: row.version,
  };
}

/** The audit image: the description, never the bytes. */
function toAuditImage(row: Row): Record<string, unknown> {
  const { storageKey: _key, ...rest } = toRecord(row) as DocumentRecord & { storageKey?: string };
  return rest;
}

const tables = { agreement: agreements, event: events, commitment: commitments, source: sources } as const;

/** The record a document belongs to, with what decides who may see and attach. */
async function findOwner(
  executor: Executor,
  recordType: DocumentRecordType,
  recordId: string,
): Promise<{ isPublished: boolean; vnOwnerIds: string[] } | null> {
  if (recordType === 'commitment') {
    const [row] = await executor
      .select({ vnOwnerIds: commitments.vnOwnerIds })
      .from(commitments)
      .where(eq(commitments.id, recordId));
    return row ? { isPublished: false, vnOwnerIds: row.vnOwnerIds } : null;
  }
  const table = tables[recordType];
  const [row] = await executor
    .select({ isPublished: table.isPublished })
    .from(table)
    .where(eq(table.id, recordId));
  return row ? { isPublished: row.isPublished, vnOwnerIds: [] } : null;
}

/** Files attached to agreements, events and commitments: described in attached_documents, the
 * bytes in the configured store, every change audited as record type `document`. */
export function createDocumentsService({
  db,
  storage,
  maxBytes,
}: {
  db: Database;
  storage: DocumentStorage;
  maxBytes: number;
}) {
  async function requireRow(executor: Executor, id: string, isForUpdate = false): Promise<Row> {
    const query = executor.select().from(attachedDocuments).where(eq(attachedDocuments.id, id));
    const [row] = isForUpdate ? await query.for('update') : await query;
    if (!row) throw documentsErrors.notFound(`No document has the id ${id}.`);
    return row;
  }

  function requireVersion(row: Row, version: number) {
    if (row.version !== version) {
      throw commonErrors.versionConflict(
        `This document was changed by someone else (your version ${version}, current ${row.version}). Reload it and try again.`,
      );
    }
  }

  async function readBytes(executor: Executor, row: Row): Promise<Uint8Array> {
    const bytes = await storage.get(executor, row.storageKey);
    if (!bytes)
      throw documentsErrors.contentMissing(`The file of document ${row.id} is missing from the store.`);
    return bytes;
  }

  /** Checks and stores an upload in the transaction given, so that a caller (accepting a
   * reviewed draft) can attach a file with the records it creates. */
  async function attach(executor: Executor, upload: DocumentUpload, user: SessionUser | null) {
    const actor: Actor = { userId: user?.id ?? null, email: user?.email ?? null };
    const { bytes } = upload;
    if (bytes.byteLength === 0) throw documentsErrors.empty('The file is empty.');
    if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    const mediaType = sniffMediaType(bytes);
    if (!mediaType) {
      throw documentsErrors.typeRefused(
        'This file is not one of the accepted formats (PDF, DOCX, XLSX, PNG, JPEG, WEBP); its content, not its name, decides.',
      );
    }
    const owner = await findOwner(executor, upload.recordType, upload.recordId);
    if (!owner) {
      throw documentsErrors.recordMissing(`No ${upload.recordType} has the id ${upload.recordId}.`, [
        { path: 'recordId', message: `no ${upload.recordType} has this id` },
      ]);
    }
    if (user?.role === 'unit') {
      const isOwned =
        upload.recordType === 'commitment' &&
        user.organisationId !== null &&
        owner.vnOwnerIds.includes(user.organisationId);
      if (!isOwned) {
        throw documentsErrors.notOwner(
          'A unit may attach files only to the commitments it owns; ask the desk for other records.',
        );
      }
    }
    const id = randomUUID();
    const storageKey = await storage.put(executor, id, bytes);
    const [row] = await executor
      .insert(attachedDocuments)
      .values({
        id,
        recordType: upload.recordType,
        recordId: upload.recordId,
        kind: upload.kind,
        fileName: toStoredFileName(upload.fileName, mediaType),
        mediaType,
        size: bytes.byteLength,
        checksum: createHash('sha256').update(bytes).digest('hex'),
        isPublic: upload.isPublic ?? false,
        storageKey,
        uploadedBy: actor.userId,
        uploadedByEmail: actor.email,
      })
      .returning();
    await writeAudit(executor, {
      actor,
      action: 'create',
      recordType: 'document',
      recordId: id,
      before: null,
      after: toAuditImage(row!),
    });
    return toRecord(row!);
  }

  return {
    maxBytes,
    acceptedMediaTypes: documentMediaTypeList,
    attach,

    upload: (upload: DocumentUpload, user: SessionUser | null) =>
      db.transaction((tx) => attach(tx, upload, user)),

    async list(recordType: DocumentRecordType, recordId: string): Promise<DocumentRecord[]> {
      const rows = await db
        .select()
        .from(attachedDocuments)
        .where(and(eq(attachedDocuments.recordType, recordType), eq(attachedDocuments.recordId, recordId)))
        .orderBy(asc(attachedDocuments.uploadedAt), asc(attachedDocuments.id));
      return rows.map(toRecord);
    },

    /** The public documents of a published record, for the portal. */
    async listPublic(recordType: DocumentRecordType, recordId: string): Promise<PublicDocument[]> {
      const owner = await findOwner(db, recordType, recordId);
      if (!owner?.isPublished) return [];
      const rows = await db
        .select()
        .from(attachedDocuments)
        .where(
          and(
            eq(attachedDocuments.recordType, recordType),
            eq(attachedDocuments.recordId, recordId),
            eq(attachedDocuments.isPublic, true),
          ),
        )
        .orderBy(asc(attachedDocuments.uploadedAt), asc(attachedDocuments.id));
      return rows.map(({ id, kind, fileName, mediaType, size }) => ({ id, kind, fileName, mediaType, size }));
    },

    get: async (id: string) => toRecord(await requireRow(db, id)),

    /** Refuses, before anything is written, a signed text that is not a PDF or DOCX. */
    requireSignedText(bytes: Uint8Array) {
      const mediaType = sniffMediaType(bytes);
      const signedTextTypes: (string | null)[] = [
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ];
      if (!signedTextTypes.includes(mediaType)) {
        throw documentsErrors.typeRefused(
          'A signed text must be a PDF or DOCX file; its content, not its name, decides.',
        );
      }
    },

    /** After a review is accepted: the signed text the source was read from goes to the
     * agreement created from it. */
    moveSignedText: (sourceId: string, agreementId: string, actor: Actor): Promise<DocumentRecord[]> =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(attachedDocuments)
          .where(
            and(
              eq(attachedDocuments.recordType, 'source'),
              eq(attachedDocuments.recordId, sourceId),
              eq(attachedDocuments.kind, 'signed_text'),
            ),
          )
          .for('update');
        const moved: DocumentRecord[] = [];
        for (const current of rows) {
          const [row] = await tx
            .update(attachedDocuments)
            .set({ recordType: 'agreement', recordId: agreementId, version: current.version + 1 })
            .where(eq(attachedDocuments.id, current.id))
            .returning();
          await writeAudit(tx, {
            actor,
            action: 'update',
            recordType: 'document',
            recordId: current.id,
            before: toAuditImage(current),
            after: toAuditImage(row!),
          });
          moved.push(toRecord(row!));
        }
        return moved;
      }),

    async readContent(id: string): Promise<{ document: DocumentRecord; bytes: Uint8Array }> {
      const row = await requireRow(db, id);
      return { document: toRecord(row), bytes: await readBytes(db, row) };
    },

    /** Only a document marked public on a published record; anything else is "not found", so
     * the public learns nothing of what exists. */
    async readPublicContent(id: string): Promise<{ document: DocumentRecord; bytes: Uint8Array }> {
      const [row] = await db.select().from(attachedDocuments).where(eq(attachedDocuments.id, id));
      // Only what the portal shows: an agreement's or event's files, never a source's under review.
      const isShown = row?.isPublic && (row.recordType === 'agreement' || row.recordType === 'event');
      const owner = isShown ? await findOwner(db, row.recordType, row.recordId) : null;
      if (!row || !owner?.isPublished) throw documentsErrors.notFound(`No public document has the id ${id}.`);
      return { document: toRecord(row), bytes: await readBytes(db, row) };
    },

    update: (id: string, input: UpdateDocument, actor: Actor): Promise<DocumentRecord> =>
      db.transaction(async (tx) => {
        const current = await requireRow(tx, id, true);
        requireVersion(current, input.version);
        const [row] = await tx
          .update(attachedDocuments)
          .set({
            kind: input.kind ?? current.kind,
            isPublic: input.isPublic ?? current.isPublic,
            version: current.version + 1,
          })
          .where(eq(attachedDocuments.id, id))
          .returning();
        await writeAudit(tx, {
          actor,
          action: 'update',
          recordType: 'document',
          recordId: id,
          before: toAuditImage(current),
          after: toAuditImage(row!),
        });
        return toRecord(row!);
      }),

    remove: (id: string, version: number, actor: Actor): Promise<void> =>
      db.transaction(async (tx) => {
        const current = await requireRow(tx, id, true);
        requireVersion(current, version);
        await tx.delete(attachedDocuments).where(eq(attachedDocuments.id, id));
        await writeAudit(tx, {
          actor,
          action: 'delete',
          recordType: 'document',
          recordId: id,
          before: toAuditImage(current),
          after: null,
        });
        await storage.remove(tx, current.storageKey);
      }),
  };
}

export function tooLarge(maxBytes: number) {
  const megabytes = maxBytes / (1024 * 1024);
  const limit = `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(2)} MB`;
  return documentsErrors.tooLarge(`The file is larger than the ${limit} a document may be.`, undefined, {
    limit,
  });
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
