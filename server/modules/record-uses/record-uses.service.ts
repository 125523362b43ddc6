import { and, eq } from 'drizzle-orm';
import type {
  HolderCollection,
  RecordUse,
  ReplaceableCollection,
  ReplaceRecord,
  ReplaceResult,
  UsedCollection,
} from '../../../common/contracts/record-uses.ts';
import type { Database, Transaction } from '../../db/client.ts';
import type { Actor } from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { provenanceSpans } from '../sources/sources.table.ts';
import { collections, findUses, holdersOf, type Reference, references } from './record-uses.ts';

/** What the service needs of each collection holding uses: an edit and a delete inside the
 * caller's transaction, so the move is checked, versioned and audited as any edit is. */
export type Writer = {
  update(
    id: string,
    input: { version: number } & Record<string, unknown>,
    actor: Actor,
    tx: Transaction,
  ): Promise<unknown>;
};
type Remover = { remove(id: string, version: number, actor: Actor, tx: Transaction): Promise<void> };

export function createRecordUsesService({
  db,
  writers,
  removers,
}: {
  db: Database;
  writers: Record<HolderCollection, Writer>;
  removers: Record<ReplaceableCollection, Remover>;
}) {
  async function readRow(tx: Transaction, holder: HolderCollection, id: string) {
    const { table } = collections[holder];
    const [row] = await tx.select().from(table).where(eq(table.id, id)).for('update');
    return row as (Record<string, unknown> & { version: number }) | undefined;
  }

  /** The holder's field with the original's id replaced; null when nothing changes. */
  async function movedValue(
    tx: Transaction,
    reference: Reference,
    holderId: string,
    row: Record<string, unknown>,
    fromId: string,
    toId: string,
  ): Promise<unknown> {
    if (reference.child) {
      const { key, unique } = reference.child;
      const rows = await reference.child.rows(tx, holderId);
      const seen = new Set<unknown>();
      const moved = [];
      for (const child of rows) {
        const value = child[key] === fromId ? toId : child[key];
        if (unique && seen.has(value)) continue;
        seen.add(value);
        moved.push({ ...child, [key]: value });
      }
      return moved;
    }
    const current = row[reference.field];
    if (reference.many) {
      const ids = (current as string[]).map((value) => (value === fromId ? toId : value));
      return [...new Set(ids)];
    }
    // A record cannot be its own parent: the replacement that sat under the original moves up.
    if (reference.holder === reference.target && holderId === toId) return null;
    return toId;
  }

  return {
    uses: async (collection: UsedCollection, id: string) => {
      const { table } = collections[collection];
      const [found] = await db.select({ id: table.id }).from(table).where(eq(table.id, id));
      if (!found) throw commonErrors.notFound(`No ${collection} record with id ${id}.`);
      return findUses(db, collection, id);
    },

    /** Moves every use of a record to another of the same collection, then deletes it: one
     * transaction, each holder's edit audited, so nothing points at the deleted record. */
    replace: (collection: ReplaceableCollection, id: string, input: ReplaceRecord, actor: Actor) =>
      db.transaction(async (tx): Promise<ReplaceResult> => {
        const toId = input.replacementId;
        if (toId === id)
          throw commonErrors.invalid('A record cannot replace itself.', [
            { path: 'body.replacementId', message: 'must name another record' },
          ]);
        const original = await readRow(tx, collection, id);
        if (!original) throw commonErrors.notFound(`No ${collection} record with id ${id}.`);
        if (input.version !== undefined && input.version !== original.version)
          throw commonErrors.versionConflict(
            `The record was changed by someone else (version ${original.version}, not ${input.version}); reload it and try again.`,
          );
        if (!(await readRow(tx, collection, toId)))
          throw commonErrors.invalidReference(`No ${collection} record with id ${toId}.`, [
            { path: 'body.replacementId', message: `refers to no existing record in ${collection}` },
          ]);

        const { items } = await findUses(tx, collection, id);
        for (const reference of references) {
          if (reference.target !== collection) continue;
          // A page of holders at a time until none is left: the list is capped, the moves are not.
          const moved = new Set<string>();
          for (let holders = await holdersOf(tx, reference, id); holders.length > 0; ) {
            for (const holderId of holders) {
              if (moved.has(holderId))
                throw new Error(
                  `${reference.holder}/${holderId} still uses ${collection}/${id} after its move.`,
                );
              moved.add(holderId);
              const row = await readRow(tx, reference.holder, holderId);
              if (!row) continue;
              const value = await movedValue(tx, reference, holderId, row, id, toId);
              const edit = { version: row.version, [reference.field]: value };
              await writers[reference.holder].update(holderId, edit, actor, tx);
            }
            holders = await holdersOf(tx, reference, id);
          }
        }
        // The original's own evidence now supports the record that replaces it.
        await tx
          .update(provenanceSpans)
          .set({ recordId: toId })
          .where(
            and(
              eq(provenanceSpans.recordType, collections[collection].recordType),
              eq(provenanceSpans.recordId, id),
            ),
          );
        const current = await readRow(tx, collection, id);
        await removers[collection].remove(id, current!.version, actor, tx);
        return { replacementId: toId, moved: items satisfies RecordUse[] };
      }),
  };
}

export type RecordUsesService = ReturnType<typeof createRecordUsesService>;
