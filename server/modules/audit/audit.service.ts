import { and, desc, eq, gte, lt, ne, or } from 'drizzle-orm';
import type { AuditListQuery, AuditRecord } from '../../../common/contracts/audit.ts';
import type { Role } from '../../../common/domain/enums.ts';
import { limits } from '../../../common/domain/limits.ts';
import type { Database } from '../../db/client.ts';
import type { ListPage } from '../../db/records.ts';
import { countCapped, toIso } from '../../db/records.ts';
import { auditLog } from './audit.table.ts';

/** The instant a day in Viet Nam (UTC+7, no daylight saving) begins, `days` later. */
function startOfVietNamDay(day: string, days: number): Date {
  const start = new Date(`${day}T00:00:00+07:00`);
  return new Date(start.getTime() + days * 86_400_000);
}

/** Reads the audit trail; writes happen in server/db/records.ts, inside each write's transaction. */
export function createAuditService({ db }: { db: Database }) {
  return {
    /** Account rows carry e-mails and roles: only admins read them all, others only their own. */
    async list(query: AuditListQuery, reader: { id: string; role: Role }): Promise<ListPage<AuditRecord>> {
      const where = and(
        reader.role === 'admin'
          ? undefined
          : or(ne(auditLog.recordType, 'user'), eq(auditLog.recordId, reader.id)),
        query.recordType ? eq(auditLog.recordType, query.recordType) : undefined,
        query.recordId ? eq(auditLog.recordId, query.recordId) : undefined,
        query.userId ? eq(auditLog.userId, query.userId) : undefined,
        query.from ? gte(auditLog.at, startOfVietNamDay(query.from, 0)) : undefined,
        query.to ? lt(auditLog.at, startOfVietNamDay(query.to, 1)) : undefined,
      );
      const rows = await db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      // The audit trail grows with every write: count no further than a list shows.
      const counted = await countCapped(db, auditLog, where, limits.listCountCap);
      return {
        items: rows.map((row) => ({ ...row, at: toIso(row.at)! })),
        ...counted,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
