import { asc } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { RecordType } from '../common/domain/enums.ts';
import type { Executor } from './db/client.ts';
import { agreements } from './modules/agreements/agreements.table.ts';
import { areas } from './modules/areas/areas.table.ts';
import { auditLog } from './modules/audit/audit.table.ts';
import { commitments } from './modules/commitments/commitments.table.ts';
import { events } from './modules/events/events.table.ts';
import { organisations } from './modules/organisations/organisations.table.ts';
import { partners } from './modules/partners/partners.table.ts';
import { people } from './modules/people/people.table.ts';
import { policies } from './modules/policies/policies.table.ts';
import { provenanceSpans, sources } from './modules/sources/sources.table.ts';
import { users } from './modules/users/users.table.ts';

// Checks that can fail after any sequence of requests, for tests that throw many at the app:
// every record is what its latest audit row says it became (nothing changed behind the audit,
// nothing half-written), and no record points at one that is not there.

const auditedTables: Record<RecordType, PgTable> = {
  partner: partners,
  organisation: organisations,
  person: people,
  agreement: agreements,
  event: events,
  commitment: commitments,
  area: areas,
  source: sources,
  user: users,
  policy: policies,
};

/** Columns the audit image leaves out on purpose (see toAuditImage in server/db/records.ts). */
const notInAuditImage = new Set([
  'searchText',
  'searchVector',
  'searchLabelVector',
  'text',
  'draft',
  'passwordHash',
]);

/** JSON with sorted keys and dates as ISO strings, so a row and an audit image compare as text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)));
    }
    return item;
  });
}

async function latestAuditRows(db: Executor) {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(`${row.recordType}:${row.recordId}`, row);
  return latest;
}

/** Records not as their latest audit row describes them, as sentences. */
export async function findAuditMismatches(db: Executor): Promise<string[]> {
  const latest = await latestAuditRows(db);
  const problems: string[] = [];
  const present = new Set<string>();
  for (const [recordType, table] of Object.entries(auditedTables)) {
    for (const row of (await db.select().from(table)) as Record<string, unknown>[]) {
      const key = `${recordType}:${row.id}`;
      present.add(key);
      const audit = latest.get(key);
      if (!audit || audit.action === 'delete') {
        problems.push(`${key} exists but its audit trail ${audit ? 'ends in a delete' : 'is empty'}`);
        continue;
      }
      const image = audit.after as Record<string, unknown>;
      for (const [column, value] of Object.entries(row)) {
        if (notInAuditImage.has(column) || !(column in image)) continue;
        const stored = value instanceof Date ? value.toISOString() : value;
        if (canonical(stored) !== canonical(image[column])) {
          problems.push(
            `${key}.${column} is ${canonical(stored)} but its latest audit row says ${canonical(image[column])}`,
          );
        }
      }
    }
  }
  for (const [key, audit] of latest) {
    if (audit.action !== 'delete' && !present.has(key))
      problems.push(`${key} is gone without a delete in its audit trail`);
  }
  return problems;
}

type Reference = { from: RecordType; column: string; to: RecordType };

/** References kept in arrays and text columns, which the database cannot guard with a foreign key. */
const references: Reference[] = [
  { from: 'agreement', column: 'partyIds', to: 'partner' },
  { from: 'agreement', column: 'areaIds', to: 'area' },
  { from: 'agreement', column: 'sourceIds', to: 'source' },
  { from: 'agreement', column: 'policyIds', to: 'policy' },
  { from: 'event', column: 'policyIds', to: 'policy' },
  { from: 'commitment', column: 'policyIds', to: 'policy' },
  { from: 'event', column: 'partnerIds', to: 'partner' },
  { from: 'event', column: 'areaIds', to: 'area' },
  { from: 'event', column: 'agreementIds', to: 'agreement' },
  { from: 'event', column: 'sourceIds', to: 'source' },
  { from: 'commitment', column: 'areaIds', to: 'area' },
  { from: 'commitment', column: 'vnOwnerIds', to: 'organisation' },
  { from: 'commitment', column: 'partnerOwnerIds', to: 'organisation' },
  { from: 'source', column: 'partnerIds', to: 'partner' },
  { from: 'source', column: 'areaIds', to: 'area' },
  { from: 'area', column: 'parentId', to: 'area' },
];

/** References to records that are not there, as sentences. */
export async function findDanglingReferences(db: Executor): Promise<string[]> {
  const ids = new Map<RecordType, Set<string>>();
  const rowsOf = new Map<RecordType, Record<string, unknown>[]>();
  for (const [recordType, table] of Object.entries(auditedTables) as [RecordType, PgTable][]) {
    const rows = (await db.select().from(table)) as Record<string, unknown>[];
    rowsOf.set(recordType, rows);
    ids.set(recordType, new Set(rows.map((row) => String(row.id))));
  }
  const problems: string[] = [];
  for (const { from, column, to } of references) {
    for (const row of rowsOf.get(from) ?? []) {
      const value = row[column];
      const targets = Array.isArray(value) ? value : value ? [value] : [];
      for (const target of targets) {
        if (!ids.get(to)?.has(String(target)))
          problems.push(`${from}:${row.id}.${column} points at missing ${to} ${target}`);
      }
    }
  }
  for (const span of await db.select().from(provenanceSpans)) {
    if (!ids.get(span.recordType)?.has(span.recordId)) {
      problems.push(`provenance span ${span.id} supports missing ${span.recordType} ${span.recordId}`);
    }
  }
  return problems;
}
