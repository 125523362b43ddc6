import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.ts';
import { mergeReferences, notMoved } from './merge-references.ts';

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
const listed = new Set(
  mergeReferences.map((reference) => `${getTableName(reference.table)}.${reference.column.name}`),
);

/** Columns that may hold a person's or an organisation's id: every uuid column (scalar or array)
 * other than a table's own id, and every `record_id` beside a `record_type`. */
function idColumns(): { name: string; targetsPersonOrOrganisation: boolean }[] {
  const found: { name: string; targetsPersonOrOrganisation: boolean }[] = [];
  for (const table of tables) {
    const tableName = getTableName(table);
    const foreignTargets = new Map<string, string>();
    for (const foreignKey of getTableConfig(table).foreignKeys) {
      const reference = foreignKey.reference();
      for (const column of reference.columns)
        foreignTargets.set(column.name, getTableName(reference.foreignTable));
    }
    const columns = Object.values(getTableColumns(table));
    const isPolymorphic = columns.some((column) => column.name === 'record_type');
    for (const column of columns) {
      const isUuid = column.getSQLType().startsWith('uuid');
      const isRecordId = isPolymorphic && column.name === 'record_id';
      if ((!isUuid || column.name === 'id') && !isRecordId) continue;
      const target = foreignTargets.get(column.name);
      found.push({
        name: `${tableName}.${column.name}`,
        targetsPersonOrOrganisation: target === 'people' || target === 'organisations',
      });
    }
  }
  return found;
}

describe('the columns a merge moves', () => {
  it('lists every column that holds an id, as moved or as not a person or organisation', () => {
    const unclassified = idColumns()
      .map((column) => column.name)
      .filter((name) => !listed.has(name) && !(name in notMoved));
    expect(unclassified).toEqual([]);
  });

  it('moves every column with a foreign key to people or organisations', () => {
    const missing = idColumns()
      .filter((column) => column.targetsPersonOrOrganisation && !listed.has(column.name))
      .map((column) => column.name);
    expect(missing).toEqual([]);
  });

  it('names nothing the schema does not have', () => {
    const known = new Set(idColumns().map((column) => column.name));
    expect(Object.keys(notMoved).filter((name) => !known.has(name))).toEqual([]);
    expect([...listed].filter((name) => !known.has(name))).toEqual([]);
  });

  it('has each polymorphic record id listed for both kinds', () => {
    const provenance = mergeReferences.filter((reference) => reference.name.startsWith('provenance_spans.'));
    expect(provenance.map((reference) => reference.target).sort()).toEqual(['organisations', 'people']);
  });
});
