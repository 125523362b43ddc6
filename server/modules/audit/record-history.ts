import { and, desc, eq } from 'drizzle-orm';
import type { RecordHistory } from '../../../common/contracts/audit.ts';
import type { AuditedType } from '../../../common/domain/enums.ts';
import { diffRecordImages, withoutSecrets } from '../../../common/domain/record-diff.ts';
import type { Executor } from '../../db/client.ts';
import { commonErrors } from '../../http/errors.ts';
import { users } from '../users/users.table.ts';
import { auditLog } from './audit.table.ts';

/** The newest writes a history shows; a record edited more often than this is an import's. */
const historyLimit = 500;

type Image = Record<string, unknown> | null;

/** A record's audited writes, newest first, each as the fields it changed and who changed it
 * (the account's name today, or the e-mail the row kept when the account is gone). */
export async function readRecordHistory(
  executor: Executor,
  recordType: AuditedType,
  recordId: string,
  noun: string,
): Promise<RecordHistory> {
  const rows = await executor
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      userEmail: auditLog.userEmail,
      displayName: users.displayName,
      email: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.recordType, recordType), eq(auditLog.recordId, recordId)))
    .orderBy(desc(auditLog.id))
    .limit(historyLimit);
  if (rows.length === 0) throw commonErrors.notFound(`There is no ${noun} with id ${recordId}.`);
  return {
    items: rows.map((row) => {
      const after = withoutSecrets(row.after as Image);
      const version = after?.version ?? (row.before as Image)?.version;
      return {
        id: row.id,
        at: new Date(row.at).toISOString(),
        user: row.displayName || row.email || row.userEmail || null,
        action: row.action,
        version: typeof version === 'number' ? version : null,
        changes: diffRecordImages(row.before as Image, row.after as Image),
        record: after,
      };
    }),
  };
}
