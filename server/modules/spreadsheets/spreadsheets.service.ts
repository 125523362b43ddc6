import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { type ColumnCollection, fileColumnsOf } from '../../../common/columns/collections.ts';
import {
  type Column,
  headersOf,
  parseDayText,
  pickLanguage,
  type RefTarget,
  readColumn,
} from '../../../common/columns/columns.ts';
import { createAgreement, updateAgreement } from '../../../common/contracts/agreements.ts';
import { createCommitment, updateCommitment } from '../../../common/contracts/commitments.ts';
import { areaId, recordId } from '../../../common/contracts/common.ts';
import { createEvent, updateEvent } from '../../../common/contracts/events.ts';
import { createOrganisation, updateOrganisation } from '../../../common/contracts/organisations.ts';
import { createPartner, updatePartner } from '../../../common/contracts/partners.ts';
import { createPerson, updatePerson } from '../../../common/contracts/people.ts';
import { type ImportResult, listQueries } from '../../../common/contracts/spreadsheets.ts';
import type { Language } from '../../../common/domain/enums.ts';
import { limits } from '../../../common/domain/limits.ts';
import { foldText } from '../../../common/domain/text.ts';
import type { Database, Transaction } from '../../db/client.ts';
import type { Actor, ListPage } from '../../db/records.ts';
import { AppError } from '../../http/errors.ts';
import type { AgreementsService } from '../agreements/agreements.service.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import type { CommitmentsService } from '../commitments/commitments.service.ts';
import type { EventsService } from '../events/events.service.ts';
import { events } from '../events/events.table.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import { organisations } from '../organisations/organisations.table.ts';
import type { PartnersService } from '../partners/partners.service.ts';
import { partners } from '../partners/partners.table.ts';
import type { PeopleService } from '../people/people.service.ts';
import type { SourcesService } from '../sources/sources.service.ts';
import { type NameOf, parseCell, toCells } from './sheet-cells.ts';
import {
  type CellFormat,
  type ReadCell,
  readSheet,
  type SheetKind,
  type SheetRow,
  type WrittenCell,
  writeCsv,
  writeXlsx,
} from './sheet-files.ts';
import { type CellProblem, describeCellProblem, exportTooLarge } from './sheet-messages.ts';
import { spreadsheetErrors } from './spreadsheets.errors.ts';

/** An export reads the list page by page and stops here: past it the user narrows the filters. */
export const exportRowsMax = 50_000;
const exportPageSize = 1000;

type AnyRecord = Record<string, unknown> & { id: string };
type Lister = (query: never) => Promise<ListPage<unknown>>;
type Writer = {
  create(input: never, actor: Actor, executor?: Transaction): Promise<unknown>;
  update(id: string, input: never, actor: Actor, executor?: Transaction): Promise<unknown>;
};
type Contracts = { create: z.ZodObject; update: z.ZodObject };

const contracts: Partial<Record<ColumnCollection, Contracts>> = {
  agreements: { create: createAgreement, update: updateAgreement },
  events: { create: createEvent, update: updateEvent },
  commitments: { create: createCommitment, update: updateCommitment },
  people: { create: createPerson, update: updatePerson },
  organisations: { create: createOrganisation, update: updateOrganisation },
  partners: { create: createPartner, update: updatePartner },
};

type NameRow = { id: string; vi: string; en: string; code?: string };

/** How each referenced collection is named, in both languages. */
const nameSources: Record<
  RefTarget,
  { table: PgTable & { id: PgColumn }; columns: Record<string, PgColumn> }
> = {
  partners: {
    table: partners,
    columns: { id: partners.id, vi: partners.nameVi, en: partners.nameEn, code: partners.code },
  },
  organisations: {
    table: organisations,
    columns: { id: organisations.id, vi: organisations.nameVi, en: organisations.nameEn },
  },
  areas: { table: areas, columns: { id: areas.id, vi: areas.labelVi, en: areas.labelEn } },
  agreements: {
    table: agreements,
    columns: { id: agreements.id, vi: agreements.titleVi, en: agreements.titleEn },
  },
  events: { table: events, columns: { id: events.id, vi: events.title, en: events.title } },
};

async function readNames(db: Database, target: RefTarget, ids: string[] | null): Promise<NameRow[]> {
  const source = nameSources[target];
  const query = db.select(source.columns).from(source.table);
  const rows = ids ? await query.where(inArray(source.table.id, ids)) : await query;
  return rows as NameRow[];
}

export type SpreadsheetFile = { content: Buffer; filename: string; contentType: string };

export const contentTypes: Record<SheetKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const sheetNames: Record<ColumnCollection, Record<Language, string>> = {
  agreements: { vi: 'Thỏa thuận', en: 'Agreements' },
  events: { vi: 'Sự kiện', en: 'Events' },
  commitments: { vi: 'Cam kết', en: 'Commitments' },
  people: { vi: 'Nhân sự', en: 'People' },
  organisations: { vi: 'Tổ chức', en: 'Organisations' },
  partners: { vi: 'Đối tác', en: 'Partners' },
  sources: { vi: 'Nguồn tin', en: 'Sources' },
};

/** Where a column's values sit in a file: one cell, or names then ids for a reference. */
type Placement = { column: Column<unknown>; valueAt: number | null; idsAt: number | null };

type RowPlan =
  | { row: number; action: 'error'; label: string }
  | { row: number; action: 'unchanged'; id: string; label: string }
  | { row: number; action: 'create'; id: string | null; input: Record<string, unknown>; label: string }
  | { row: number; action: 'update'; id: string; input: Record<string, unknown>; label: string };

/** Rolls the import's transaction back while carrying its result out. */
class Rollback extends Error {}

function labelOf(values: Record<string, unknown> | undefined): string {
  for (const key of ['titleVi', 'title', 'text', 'name', 'nameVi', 'code']) {
    const value = values?.[key];
    if (typeof value === 'string' && value) return value.slice(0, 200);
  }
  return '';
}

/** null, '', [] all mean "nothing here", so an empty cell equals an empty field. */
function normalise(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (Array.isArray(value) && value.length === 0) return '∅';
  return JSON.stringify(value);
}

export function createSpreadsheetsService(deps: {
  db: Database;
  agreements: AgreementsService;
  events: EventsService;
  commitments: CommitmentsService;
  people: PeopleService;
  organisations: OrganisationsService;
  partners: PartnersService;
  sources: SourcesService;
}) {
  const { db } = deps;
  const listers: Record<ColumnCollection, Lister> = {
    agreements: deps.agreements.list as Lister,
    events: deps.events.list as Lister,
    commitments: deps.commitments.list as Lister,
    people: deps.people.list as Lister,
    organisations: deps.organisations.list as Lister,
    partners: deps.partners.list as Lister,
    sources: deps.sources.list as Lister,
  };
  const writers: Partial<Record<ColumnCollection, Writer>> = {
    agreements: deps.agreements as unknown as Writer,
    events: deps.events as unknown as Writer,
    commitments: deps.commitments as unknown as Writer,
    people: deps.people as unknown as Writer,
    organisations: deps.organisations as unknown as Writer,
    partners: deps.partners as unknown as Writer,
  };

  /** Every record the list's filters match, read through the list's own code a page at a time. */
  async function readAll(collection: ColumnCollection, query: Record<string, unknown>, language: Language) {
    const list = listers[collection];
    const items: AnyRecord[] = [];
    for (let page = 1; ; page += 1) {
      const result = await list({ ...query, page, pageSize: exportPageSize } as never);
      if (result.total > exportRowsMax)
        throw spreadsheetErrors.tooLarge(exportTooLarge(language, result.total, exportRowsMax));
      items.push(...(result.items as AnyRecord[]));
      if (result.items.length < exportPageSize || items.length >= result.total) return items;
    }
  }

  /** Names of every record the rows point at, fetched once per collection. */
  async function loadNamesFor(
    columns: Column<unknown>[],
    records: AnyRecord[],
    language: Language,
  ): Promise<NameOf> {
    const wanted = new Map<RefTarget, Set<string>>();
    const want = (target: RefTarget, id: string | null | undefined) => {
      if (!id) return;
      if (!wanted.has(target)) wanted.set(target, new Set());
      wanted.get(target)?.add(id);
    };
    for (const column of columns) {
      const type = column.type;
      for (const record of records) {
        const value = readColumn(column, record, language);
        if (type.kind === 'ref') {
          for (const id of (type.isMany ? (value as string[] | null) : [value as string | null]) ?? [])
            want(type.target, id);
        } else if (type.kind === 'positions') {
          for (const position of (value as { organisationId: string | null }[] | null) ?? [])
            want('organisations', position.organisationId);
        }
      }
    }
    const names = new Map<string, string>();
    for (const [target, ids] of wanted) {
      const all = [...ids];
      for (let at = 0; at < all.length; at += 5000) {
        for (const row of await readNames(db, target, all.slice(at, at + 5000)))
          names.set(`${target}:${row.id}`, pickLanguage(language, row.vi, row.en));
      }
    }
    return (target, id) => names.get(`${target}:${id}`) ?? id;
  }

  function describeFile(collection: ColumnCollection, language: Language) {
    const columns = fileColumnsOf(collection);
    const headers = columns.flatMap((column) => headersOf(column, language));
    const formats = columns.flatMap((column): CellFormat[] => {
      const format =
        column.type.kind === 'date' ? 'date' : column.type.kind === 'datetime' ? 'datetime' : null;
      return column.type.kind === 'ref' ? [null, null] : [format];
    });
    return { columns, headers, formats };
  }

  async function writeFile(
    collection: ColumnCollection,
    records: AnyRecord[],
    language: Language,
    kind: SheetKind,
    suffix: string,
  ): Promise<SpreadsheetFile> {
    const { columns, headers, formats } = describeFile(collection, language);
    const nameOf = await loadNamesFor(columns, records, language);
    const isTyped = kind === 'xlsx';
    const rows = records.map((record) =>
      columns.flatMap((column) =>
        toCells(column, readColumn(column, record, language), language, nameOf, isTyped),
      ),
    );
    const filename = `hoptac-${collection}${suffix}-${language}.${kind}`;
    const content =
      kind === 'xlsx'
        ? await writeXlsx({ name: sheetNames[collection][language], headers, formats, rows })
        : writeCsv(
            headers,
            rows.map((row) => row.map((cell: WrittenCell) => (cell === null ? '' : String(cell)))),
          );
    return { content, filename, contentType: contentTypes[kind] };
  }

  // ---- import ----

  function placeColumns(collection: ColumnCollection, headers: string[]) {
    const columns = fileColumnsOf(collection);
    const byHeader = new Map<string, { column: Column<unknown>; part: 'value' | 'ids' }>();
    for (const column of columns)
      for (const lang of ['vi', 'en'] as const) {
        const [value, ids] = headersOf(column, lang);
        byHeader.set(foldText(value!), { column, part: 'value' });
        if (ids) byHeader.set(foldText(ids), { column, part: 'ids' });
      }
    const placements = new Map<string, Placement>();
    const unknown: { at: number; header: string }[] = [];
    for (const [at, header] of headers.entries()) {
      if (!header) continue;
      const found = byHeader.get(foldText(header));
      if (!found) {
        unknown.push({ at, header });
        continue;
      }
      const placement = placements.get(found.column.key) ?? {
        column: found.column,
        valueAt: null,
        idsAt: null,
      };
      if (found.part === 'ids') placement.idsAt = at;
      else placement.valueAt = at;
      placements.set(found.column.key, placement);
    }
    return { placements: [...placements.values()], unknown };
  }

  /** All names of the referenced collections a file may use, folded, for finding ids by name. */
  function createNameIndex() {
    const indexes = new Map<RefTarget, Promise<Map<string, string[]>>>();
    return (target: RefTarget) => {
      let index = indexes.get(target);
      if (!index) {
        index = readNames(db, target, null).then((rows) => {
          const map = new Map<string, string[]>();
          const add = (key: string | undefined, id: string) => {
            if (!key) return;
            const folded = foldText(key);
            const ids = map.get(folded) ?? [];
            if (!ids.includes(id)) ids.push(id);
            map.set(folded, ids);
          };
          for (const row of rows) {
            add(row.vi, row.id);
            add(row.en, row.id);
            add(row.code, row.id);
            if (target === 'areas') add(row.id, row.id);
          }
          return map;
        });
        indexes.set(target, index);
      }
      return index;
    };
  }

  async function importRecords(
    collection: ColumnCollection,
    file: { bytes: Uint8Array; kind: SheetKind },
    options: { isDryRun: boolean; isOnlyValid: boolean },
    language: Language,
    actor: Actor,
  ): Promise<ImportResult> {
    const contract = contracts[collection];
    const writer = writers[collection];
    if (!contract || !writer) throw spreadsheetErrors.notImportable(`${collection} cannot be imported.`);
    const table = await readSheet(file.bytes, file.kind);
    const { placements, unknown } = placeColumns(collection, table.headers);
    const errors: ImportResult['errors'] = [];
    const fail = (row: number, column: string, problem: CellProblem) =>
      errors.push({ row, column, message: describeCellProblem(language, row, column, problem) });
    for (const { header } of unknown) fail(1, header, { kind: 'unknown_column' });

    const headerAt = (at: number | null) => (at === null ? '' : (table.headers[at] ?? ''));
    const idPlacement = placements.find((placement) => placement.column.key === 'id');
    const nameIndex = createNameIndex();
    const seenIds = new Map<string, number>();

    type Parsed = { row: number; id: string | null; values: Record<string, unknown> };
    const parsed: Parsed[] = [];
    const failedRows = new Set<number>();
    const failRow = (row: number, column: string, problem: CellProblem) => {
      failedRows.add(row);
      fail(row, column, problem);
    };

    for (const sheetRow of table.rows) {
      const cellAt = (at: number | null): ReadCell => (at === null ? null : (sheetRow.cells[at] ?? null));
      let id: string | null = null;
      if (idPlacement) {
        const raw = cellAt(idPlacement.valueAt);
        const text = raw === null ? '' : String(raw).trim();
        if (text) {
          if (!recordId.safeParse(text).success)
            failRow(sheetRow.row, headerAt(idPlacement.valueAt), { kind: 'id', value: text });
          else if (seenIds.has(text))
            failRow(sheetRow.row, headerAt(idPlacement.valueAt), {
              kind: 'duplicate_id',
              firstRow: seenIds.get(text)!,
            });
          else {
            seenIds.set(text, sheetRow.row);
            id = text;
          }
        }
      }
      const values: Record<string, unknown> = {};
      for (const placement of placements) {
        const column = placement.column;
        if (column.key === 'id' || column.isReadOnly) continue;
        const value = await readPlacement(sheetRow, placement, cellAt, headerAt, nameIndex, failRow);
        if (value !== undefined) values[column.key] = value;
      }
      parsed.push({ row: sheetRow.row, id, values });
    }

    const current = await readCurrent(
      collection,
      parsed.flatMap((row) => (row.id ? [row.id] : [])),
    );
    const plans: RowPlan[] = parsed.map((row) => {
      if (failedRows.has(row.row)) return { row: row.row, action: 'error', label: labelOf(row.values) };
      const existing = row.id ? current.get(row.id) : undefined;
      const columns = new Map(placements.map((placement) => [placement.column.key, placement]));
      const columnLabel = (key: string) => {
        const placement = columns.get(key);
        return placement ? headerAt(placement.valueAt ?? placement.idsAt) : key;
      };
      const reportIssues = (issues: z.core.$ZodIssue[], input: Record<string, unknown>) => {
        // One mistake per column: a text over two limits (300, then 1000) is one mistake.
        const seen = new Set<string>();
        for (const issue of issues) {
          const key = issue.code === 'unrecognized_keys' ? issue.keys.join() : String(issue.path[0] ?? '');
          if (seen.has(key)) continue;
          seen.add(key);
          reportIssue(row.row, issue, input, columnLabel, failRow);
        }
        return { row: row.row, action: 'error' as const, label: labelOf(existing ?? input) };
      };
      if (existing) {
        const patch: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(row.values)) {
          const placement = columns.get(key);
          const now = placement ? readColumn(placement.column, existing, language) : existing[key];
          if (normalise(comparable(key, value)) !== normalise(comparable(key, now))) patch[key] = value;
        }
        const label = labelOf(existing);
        if (Object.keys(patch).length === 0)
          return { row: row.row, action: 'unchanged', id: existing.id, label };
        const input = emptyAsContractWants(patch, contract.update);
        const checked = contract.update.safeParse({ ...input, version: existing.version });
        if (!checked.success) return reportIssues(checked.error.issues, input);
        return { row: row.row, action: 'update', id: existing.id, input: checked.data, label };
      }
      const input = Object.fromEntries(
        Object.entries(row.values).filter(([, value]) => normalise(value) !== '∅'),
      );
      const checked = contract.create.safeParse(input);
      if (!checked.success) return reportIssues(checked.error.issues, input);
      return {
        row: row.row,
        action: 'create',
        id: row.id,
        input: checked.data,
        label: labelOf(checked.data),
      };
    });

    return writePlans(collection, writer, plans, options, errors, language, actor, failRow);
  }

  /** A cell's value for the contract, or undefined when the file leaves the column out. */
  async function readPlacement(
    sheetRow: SheetRow,
    placement: Placement,
    cellAt: (at: number | null) => ReadCell,
    headerAt: (at: number | null) => string,
    nameIndex: ReturnType<typeof createNameIndex>,
    failRow: (row: number, column: string, problem: CellProblem) => void,
  ): Promise<unknown> {
    const { column } = placement;
    const type = column.type;
    if (type.kind === 'ref') {
      const idsCell = cellAt(placement.idsAt);
      const namesCell = cellAt(placement.valueAt);
      const isIdsGiven = idsCell !== null && String(idsCell).trim() !== '';
      const source = isIdsGiven ? placement.idsAt : placement.valueAt;
      const parsedCell = parseCell(column, isIdsGiven ? idsCell : namesCell);
      if ('problem' in parsedCell) return void failRow(sheetRow.row, headerAt(source), parsedCell.problem);
      const tokens = (parsedCell.value as string[] | null) ?? [];
      const ids: string[] = [];
      const format = type.target === 'areas' ? areaId : recordId;
      for (const token of tokens) {
        if (isIdsGiven) {
          if (format.safeParse(token).success) ids.push(token);
          else failRow(sheetRow.row, headerAt(source), { kind: 'id', value: token });
          continue;
        }
        const found = (await nameIndex(type.target)).get(foldText(token)) ?? [];
        if (found.length === 1) ids.push(found[0]!);
        else
          failRow(sheetRow.row, headerAt(source), {
            kind: found.length ? 'ambiguous' : 'not_found',
            value: token,
          });
      }
      return type.isMany ? ids : (ids[0] ?? null);
    }
    if (placement.valueAt === null) return undefined;
    const header = headerAt(placement.valueAt);
    const parsedCell = parseCell(column, cellAt(placement.valueAt));
    if ('problem' in parsedCell) return void failRow(sheetRow.row, header, parsedCell.problem);
    if (type.kind !== 'positions') return parsedCell.value;
    const positions = [];
    for (const line of (parsedCell.value as string[] | null) ?? []) {
      const [title = '', organisation = '', startOn = '', endOn = ''] = line
        .split('|')
        .map((part) => part.trim());
      const start = startOn ? parseDayText(startOn) : null;
      const end = endOn ? parseDayText(endOn) : null;
      if (!title || (startOn && !start) || (endOn && !end)) {
        failRow(sheetRow.row, header, { kind: 'position', value: line });
        continue;
      }
      let organisationId: string | null = null;
      if (organisation) {
        const found = (await nameIndex('organisations')).get(foldText(organisation)) ?? [];
        if (found.length !== 1) {
          failRow(sheetRow.row, header, {
            kind: found.length ? 'ambiguous' : 'not_found',
            value: organisation,
          });
          continue;
        }
        organisationId = found[0]!;
      }
      positions.push({ title, organisationId, startOn: start, endOn: end });
    }
    return positions;
  }

  /** The records the file names by id, read through the list (so as the export wrote them). */
  async function readCurrent(
    collection: ColumnCollection,
    ids: string[],
  ): Promise<Map<string, AnyRecord & { version: number }>> {
    const found = new Map<string, AnyRecord & { version: number }>();
    const list = listers[collection];
    for (let at = 0; at < ids.length; at += limits.listIdsMax) {
      const chunk = ids.slice(at, at + limits.listIdsMax);
      const query = listQueries[collection].parse({ ids: chunk.join(','), pageSize: limits.listIdsMax });
      const page = await list(query as never);
      for (const item of page.items as (AnyRecord & { version: number })[]) found.set(item.id, item);
    }
    return found;
  }

  /** Runs the writes in one transaction, each row in a savepoint so a refused row is named and
   * the rest go on; rolls everything back on a dry run, or when a row failed and the user did
   * not choose to import only the valid rows. */
  async function writePlans(
    collection: ColumnCollection,
    writer: Writer,
    plans: RowPlan[],
    options: { isDryRun: boolean; isOnlyValid: boolean },
    errors: ImportResult['errors'],
    language: Language,
    actor: Actor,
    failRow: (row: number, column: string, problem: CellProblem) => void,
  ): Promise<ImportResult> {
    const columnsByKey = new Map(
      fileColumnsOf(collection).map((column) => [column.key, column.label[language]]),
    );
    const rows: ImportResult['rows'] = [];
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const ordered = orderParentsFirst(plans);
    const result = (isWritten: boolean): ImportResult => ({
      created,
      updated,
      unchanged,
      errors: errors.sort((a, b) => a.row - b.row),
      isDryRun: options.isDryRun,
      isWritten,
      rows: rows.sort((a, b) => a.row - b.row),
    });
    try {
      return await db.transaction(async (tx) => {
        for (const plan of ordered) {
          if (plan.action === 'error') {
            rows.push({ row: plan.row, action: 'error', id: null, label: plan.label });
            continue;
          }
          if (plan.action === 'unchanged') {
            unchanged += 1;
            rows.push({ row: plan.row, action: 'unchanged', id: plan.id, label: plan.label });
            continue;
          }
          try {
            const record = (await tx.transaction(async (savepoint) =>
              plan.action === 'create'
                ? writer.create(
                    (plan.id ? { ...plan.input, id: plan.id } : plan.input) as never,
                    actor,
                    savepoint,
                  )
                : writer.update(plan.id, plan.input as never, actor, savepoint),
            )) as { id: string };
            if (plan.action === 'create') created += 1;
            else updated += 1;
            rows.push({ row: plan.row, action: plan.action, id: record.id, label: plan.label });
          } catch (error) {
            const problem = toWriteProblem(error);
            if (!problem) throw error;
            const key = problem.path?.replace(/^body\./, '').split('.')[0] ?? '';
            failRow(plan.row, columnsByKey.get(key) ?? '', problem.problem);
            rows.push({ row: plan.row, action: 'error', id: plan.id, label: plan.label });
          }
        }
        const hasErrors = errors.length > 0;
        if (options.isDryRun || (hasErrors && !options.isOnlyValid)) throw new Rollback();
        return result(true);
      });
    } catch (error) {
      if (error instanceof Rollback) return result(false);
      throw error;
    }
  }

  return {
    async exportRecords(
      collection: ColumnCollection,
      query: Record<string, unknown>,
      language: Language,
      kind: SheetKind,
    ): Promise<SpreadsheetFile> {
      return writeFile(collection, await readAll(collection, query, language), language, kind, '');
    },
    /** The export's header with no rows: what the import reads back. */
    template(collection: ColumnCollection, language: Language, kind: SheetKind): Promise<SpreadsheetFile> {
      return writeFile(collection, [], language, kind, '-template');
    },
    importRecords,
  };
}

/** Values compared as the contract would store them (positions without their names). */
function comparable(key: string, value: unknown): unknown {
  if (key !== 'positions' || !Array.isArray(value)) return value;
  return value.map((p: Record<string, unknown>) => ({
    title: p.title,
    organisationId: p.organisationId ?? null,
    startOn: p.startOn ?? null,
    endOn: p.endOn ?? null,
  }));
}

/** An emptied cell clears the field as its update contract allows: null, else ''. */
function emptyAsContractWants(patch: Record<string, unknown>, schema: z.ZodObject): Record<string, unknown> {
  const shape = schema.shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(patch).map(([key, value]) => {
      if (value !== null) return [key, value];
      const field = shape[key];
      if (!field || field.safeParse(null).success) return [key, null];
      return [key, field.safeParse('').success ? '' : null];
    }),
  );
}

function reportIssue(
  row: number,
  issue: z.core.$ZodIssue,
  input: Record<string, unknown>,
  columnLabel: (key: string) => string,
  failRow: (row: number, column: string, problem: CellProblem) => void,
) {
  const key = String(issue.path[0] ?? '');
  const column = columnLabel(key);
  const value = input[key];
  const text =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const unknownKey of issue.keys) failRow(row, columnLabel(unknownKey), { kind: 'not_changeable' });
      return;
    case 'too_small':
      if (issue.origin === 'string') return failRow(row, column, { kind: 'empty' });
      return failRow(row, column, { kind: 'too_small', min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string')
        return failRow(row, column, { kind: 'too_long', max: Number(issue.maximum) });
      return failRow(row, column, { kind: 'too_big', max: Number(issue.maximum) });
    case 'invalid_type':
      if (value === undefined || value === null) return failRow(row, column, { kind: 'required' });
      return failRow(row, column, { kind: 'format', value: text });
    case 'custom': {
      const before = /^must not be before (\w+)$/.exec(issue.message);
      if (before) return failRow(row, column, { kind: 'before', other: columnLabel(before[1]!) });
      return failRow(row, column, { kind: 'refused', detail: issue.message });
    }
    default:
      return failRow(row, column, { kind: 'format', value: text });
  }
}

/** A refused write as a row's mistake; null for failures that are the server's, not the row's. */
function toWriteProblem(error: unknown): { path: string | undefined; problem: CellProblem } | null {
  if (error instanceof AppError) {
    const path = error.errors?.[0]?.path;
    if (error.code === 'reference.missing') return { path, problem: { kind: 'missing_reference' } };
    if (error.code === 'version.conflict') return { path, problem: { kind: 'conflict' } };
    return { path, problem: { kind: 'refused', detail: error.detail } };
  }
  const code =
    (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
  if (code === '23505') return { path: undefined, problem: { kind: 'refused', detail: 'duplicate' } };
  return null;
}

/** Rows whose parent (an organisation's `parentId`) is created by another row come after it. */
function orderParentsFirst(plans: RowPlan[]): RowPlan[] {
  const byId = new Map<string, RowPlan>();
  for (const plan of plans) if (plan.action === 'create' && plan.id) byId.set(plan.id, plan);
  const ordered: RowPlan[] = [];
  const placed = new Set<RowPlan>();
  const visiting = new Set<RowPlan>();
  const place = (plan: RowPlan) => {
    if (placed.has(plan) || visiting.has(plan)) return;
    visiting.add(plan);
    const parentId = 'input' in plan ? (plan.input.parentId as string | undefined) : undefined;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (parent) place(parent);
    visiting.delete(plan);
    placed.add(plan);
    ordered.push(plan);
  };
  for (const plan of plans) place(plan);
  return ordered;
}

export type SpreadsheetsService = ReturnType<typeof createSpreadsheetsService>;
