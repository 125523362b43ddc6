import { and, desc, inArray, notInArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { ClockItem } from '../../../common/contracts/clocks.ts';
import type { ReportFormat } from '../../../common/contracts/reports.ts';
import { addMonths, todayInVietNam } from '../../../common/domain/calendar.ts';
import {
  agreementStatusOn,
  currentTermEndsOn,
  isCommitmentOverdue,
  radarDefaults,
  runningAgreementStatuses,
} from '../../../common/domain/deadlines.ts';
import { enumLabels } from '../../../common/domain/enum-labels.ts';
import type { Database } from '../../db/client.ts';
import type { OfficeDocument } from '../../documents/office-document.ts';
import { renderDocx } from '../../documents/render-docx.ts';
import { agreements } from '../agreements/agreements.table.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import { type ClocksService, computeAgreementClocks } from '../clocks/clocks.service.ts';
import { signOfLifeSql } from '../commitments/commitments.service.ts';
import { commitments, progressUpdates } from '../commitments/commitments.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { partners } from '../partners/partners.table.ts';

// The ministry's yearly report on international agreements (Law 70/2020, Decree 64/2021): every
// agreement signed, in force, expired or terminated in the year, by signing unit, with its legal
// clocks and how its commitments stand. One list of rows, written as DOCX (Decree 30/2020 layout)
// or XLSX.

type AgreementRow = typeof agreements.$inferSelect;

/** What happened to an agreement in the year, in the order the report names it. */
export const yearSituations = ['signed', 'in_force', 'expired', 'terminated'] as const;
export type YearSituation = (typeof yearSituations)[number];

export type YearlyReportRow = {
  unit: string;
  title: string;
  titleEn: string;
  kind: string;
  partners: string;
  signedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  legalBasis: string;
  decisionNumber: string;
  /** The status people read today. */
  status: string;
  situations: YearSituation[];
  clocks: { done: number; open: number; overdue: number; overdueTitles: string[] };
  commitments: { done: number; inProgress: number; overdue: number; silent: number };
  /** The latest progress note of each commitment that has one, newest first. */
  latestNotes: { on: string; note: string }[];
};

const situationLabels: Record<YearSituation, string> = {
  signed: 'Ký kết',
  in_force: 'Có hiệu lực',
  expired: 'Hết hiệu lực',
  terminated: 'Chấm dứt',
};

const noUnit = 'Chưa xác định đơn vị ký';

function lastStepOn(row: AgreementRow, status: string): string | null {
  return row.statusHistory.findLast((step) => step.status === status && step.on)?.on ?? null;
}

/** Which of signed / in force / expired / terminated the agreement was in `year`; empty when none. */
export function situationsInYear(row: AgreementRow, year: number, today: string): YearSituation[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const inYear = (date: string | null) => date !== null && date >= first && date <= last;
  const situations: YearSituation[] = [];
  if (inYear(row.signedOn)) situations.push('signed');
  const statusNow = agreementStatusOn(row, today);
  const terminatedOn = row.status === 'terminated' ? lastStepOn(row, 'terminated') : null;
  const expiredOn =
    statusNow === 'expired'
      ? (lastStepOn(row, 'expired') ?? (row.renewalPeriodMonths ? null : row.validTo))
      : null;
  const hasRun = [...runningAgreementStatuses, 'expired', 'terminated'].includes(row.status);
  const start = row.validFrom ?? row.signedOn;
  const end = terminatedOn ?? expiredOn ?? currentTermEndsOn(row, first);
  if (hasRun && start !== null && start <= last && (end === null || end >= first))
    situations.push('in_force');
  if (inYear(expiredOn)) situations.push('expired');
  if (inYear(terminatedOn)) situations.push('terminated');
  return situations;
}

const vnDate = (date: string | null) => (date ? date.split('-').reverse().join('/') : '—');

function summariseClocks(items: ClockItem[]): YearlyReportRow['clocks'] {
  return {
    done: items.filter((item) => item.status === 'done').length,
    open: items.filter((item) => item.status === 'open').length,
    overdue: items.filter((item) => item.status === 'overdue').length,
    overdueTitles: items
      .filter((item) => item.status === 'overdue')
      .map((item) => `${item.titleVi} (hạn ${vnDate(item.dueOn)})`),
  };
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function createYearlyReportService(deps: {
  db: Database;
  clocks: ClocksService;
  calendar: CalendarService;
  issuingBody: string;
}) {
  const { db } = deps;

  async function buildRows(year: number, today: string): Promise<YearlyReportRow[]> {
    const candidates = await db
      .select()
      .from(agreements)
      .where(notInArray(agreements.status, ['proposed', 'negotiating']));
    const chosen = candidates
      .map((row) => ({ row, situations: situationsInYear(row, year, today) }))
      .filter(({ situations }) => situations.length > 0);
    if (chosen.length === 0) return [];
    const ids = chosen.map(({ row }) => row.id);
    const [rules, workingCalendar, units, parties, items] = await Promise.all([
      deps.clocks.listRules(),
      deps.calendar.loadWorkingCalendar(),
      db.select({ id: organisations.id, name: organisations.nameVi }).from(organisations),
      db.select({ id: partners.id, name: partners.nameVi }).from(partners),
      db
        .select({
          id: commitments.id,
          agreementId: commitments.agreementId,
          status: commitments.status,
          dueOn: commitments.dueOn,
          horizonYear: commitments.horizonYear,
          lastSignOfLifeOn: signOfLifeSql,
        })
        .from(commitments)
        .where(inArray(commitments.agreementId, ids)),
    ]);
    const notes = items.length
      ? await db
          .selectDistinctOn([progressUpdates.commitmentId], {
            commitmentId: progressUpdates.commitmentId,
            on: progressUpdates.on,
            note: progressUpdates.note,
          })
          .from(progressUpdates)
          .where(
            and(
              inArray(
                progressUpdates.commitmentId,
                items.map((item) => item.id),
              ),
            ),
          )
          .orderBy(progressUpdates.commitmentId, desc(progressUpdates.on), desc(progressUpdates.createdAt))
      : [];
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    const partyNames = new Map(parties.map((party) => [party.id, party.name]));
    const noteOf = new Map(notes.map((note) => [note.commitmentId, note]));
    const silentBefore = addMonths(today, -radarDefaults.silentMonths);
    const labels = enumLabels.vi;

    return chosen
      .map(({ row, situations }) => {
        const own = items.filter((item) => item.agreementId === row.id && item.status !== 'dropped');
        const overdue = own.filter((item) => isCommitmentOverdue(item, today));
        const silent = own.filter(
          (item) =>
            item.status !== 'done' && !overdue.includes(item) && String(item.lastSignOfLifeOn) < silentBefore,
        );
        const done = own.filter((item) => item.status === 'done');
        return {
          unit: (row.signingUnitId && unitNames.get(row.signingUnitId)) || noUnit,
          title: row.titleVi,
          titleEn: row.titleEn,
          kind: labels.agreementKind[row.kind],
          partners: row.partyIds
            .map((id) => partyNames.get(id) ?? '')
            .filter(Boolean)
            .join(', '),
          signedOn: row.signedOn,
          validFrom: row.validFrom,
          validTo: row.validTo,
          legalBasis: row.legalBasis ? labels.legalBasis[row.legalBasis] : '',
          decisionNumber: row.decisionNumber ?? '',
          status: labels.agreementStatus[agreementStatusOn(row, today)],
          situations,
          clocks: summariseClocks(computeAgreementClocks(row, rules, workingCalendar, today)),
          commitments: {
            done: done.length,
            overdue: overdue.length,
            silent: silent.length,
            inProgress: own.length - done.length - overdue.length - silent.length,
          },
          latestNotes: own
            .map((item) => noteOf.get(item.id))
            .filter((note) => note !== undefined)
            .map((note) => ({ on: note.on, note: note.note }))
            .sort((a, b) => b.on.localeCompare(a.on)),
        };
      })
      .sort(
        (a, b) => a.unit.localeCompare(b.unit, 'vi') || (a.signedOn ?? '').localeCompare(b.signedOn ?? ''),
      );
  }

  function toDocument(year: number, today: string, rows: YearlyReportRow[]): OfficeDocument {
    const byUnit = groupBy(rows, (row) => row.unit);
    const count = (situation: YearSituation) =>
      rows.filter((row) => row.situations.includes(situation)).length;
    const [y, m, d] = today.split('-');
    const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
    return {
      language: 'vi',
      title: 'BÁO CÁO',
      subtitle: `Tình hình ký kết và thực hiện thỏa thuận quốc tế năm ${year}`,
      letterhead: {
        issuingBody: deps.issuingBody.toLocaleUpperCase('vi'),
        number: 'Số:       /BC-BYT',
        placeAndDate: `Hà Nội, ngày ${d} tháng ${m} năm ${y}`,
      },
      preamble: [],
      footer: `Báo cáo thỏa thuận quốc tế năm ${year}`,
      blocks: [
        {
          kind: 'paragraph',
          text: `Thực hiện Luật Thỏa thuận quốc tế số 70/2020/QH14 và Nghị định số 64/2021/NĐ-CP (sửa đổi, bổ sung bởi Nghị định số 177/2025/NĐ-CP), ${deps.issuingBody} báo cáo tình hình ký kết và thực hiện thỏa thuận quốc tế năm ${year}, tổng hợp từ các đơn vị, như sau:`,
        },
        {
          kind: 'paragraph',
          text: `Tổng số ${rows.length} thỏa thuận: ký kết mới ${count('signed')}; có hiệu lực trong năm ${count('in_force')}; hết hiệu lực ${count('expired')}; chấm dứt ${count('terminated')}.`,
        },
        ...[...byUnit].flatMap(([unit, unitRows], index) => [
          {
            kind: 'heading' as const,
            text: `${roman[index] ?? index + 1}. ${unit} (${unitRows.length} thỏa thuận)`,
          },
          {
            kind: 'table' as const,
            columns: [
              { header: 'STT', width: 7 },
              { header: 'Thỏa thuận', width: 22 },
              { header: 'Đối tác, loại', width: 13 },
              { header: 'Ngày ký, hiệu lực', width: 13 },
              { header: 'Cơ sở pháp lý, quyết định', width: 12 },
              { header: 'Thời hạn pháp lý', width: 15 },
              { header: 'Thực hiện cam kết', width: 18 },
            ],
            rows: unitRows.map((row, rowIndex) => [
              String(rowIndex + 1),
              `${row.title}\n(${row.situations.map((situation) => situationLabels[situation]).join(', ')}; hiện: ${row.status})`,
              `${row.partners || '—'}\n${row.kind}`,
              `Ký: ${vnDate(row.signedOn)}\nHiệu lực: ${vnDate(row.validFrom)} – ${vnDate(row.validTo)}`,
              `${row.legalBasis || '—'}\n${row.decisionNumber || ''}`.trim(),
              [
                `Đã thực hiện: ${row.clocks.done}; chưa đến hạn: ${row.clocks.open}; quá hạn: ${row.clocks.overdue}`,
                ...row.clocks.overdueTitles,
              ].join('\n'),
              [
                `Hoàn thành: ${row.commitments.done}; đang thực hiện: ${row.commitments.inProgress}; quá hạn: ${row.commitments.overdue}; không có tin tức: ${row.commitments.silent}`,
                ...row.latestNotes.slice(0, 3).map((note) => `${vnDate(note.on)}: ${note.note}`),
              ].join('\n'),
            ]),
          },
        ]),
        ...(rows.length === 0
          ? [
              {
                kind: 'paragraph' as const,
                text: `Năm ${year} không có thỏa thuận nào được ký kết, có hiệu lực, hết hiệu lực hoặc chấm dứt.`,
              },
            ]
          : []),
        { kind: 'paragraph', emphasis: 'strong', text: 'Nơi nhận:' },
        { kind: 'paragraph', text: '- Bộ Ngoại giao;\n- Lưu: VT, HTQT.' },
      ],
    };
  }

  async function toWorkbook(year: number, rows: YearlyReportRow[]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'hoptac';
    const sheet = workbook.addWorksheet(`Thỏa thuận ${year}`);
    const date = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
    sheet.columns = [
      { header: 'Đơn vị ký', key: 'unit', width: 28 },
      { header: 'Thỏa thuận', key: 'title', width: 48 },
      { header: 'Tên tiếng Anh', key: 'titleEn', width: 36 },
      { header: 'Loại', key: 'kind', width: 16 },
      { header: 'Đối tác', key: 'partners', width: 22 },
      { header: 'Ngày ký', key: 'signedOn', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
      { header: 'Hiệu lực từ', key: 'validFrom', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
      { header: 'Hiệu lực đến', key: 'validTo', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
      { header: 'Cơ sở pháp lý', key: 'legalBasis', width: 18 },
      { header: 'Số quyết định', key: 'decisionNumber', width: 16 },
      { header: 'Trạng thái', key: 'status', width: 14 },
      { header: 'Trong năm', key: 'situations', width: 20 },
      { header: 'Thời hạn đã thực hiện', key: 'clocksDone', width: 10 },
      { header: 'Thời hạn chưa đến', key: 'clocksOpen', width: 10 },
      { header: 'Thời hạn quá hạn', key: 'clocksOverdue', width: 10 },
      { header: 'Cam kết hoàn thành', key: 'done', width: 10 },
      { header: 'Cam kết đang thực hiện', key: 'inProgress', width: 10 },
      { header: 'Cam kết quá hạn', key: 'overdue', width: 10 },
      { header: 'Cam kết không có tin tức', key: 'silent', width: 10 },
      { header: 'Tiến độ gần nhất', key: 'notes', width: 60 },
    ];
    for (const row of rows) {
      sheet.addRow({
        ...row,
        signedOn: date(row.signedOn),
        validFrom: date(row.validFrom),
        validTo: date(row.validTo),
        situations: row.situations.map((situation) => situationLabels[situation]).join(', '),
        clocksDone: row.clocks.done,
        clocksOpen: row.clocks.open,
        clocksOverdue: row.clocks.overdue,
        ...row.commitments,
        notes: row.latestNotes.map((note) => `${vnDate(note.on)}: ${note.note}`).join('\n'),
      });
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  return {
    buildRows,
    async render(year: number, format: ReportFormat, today = todayInVietNam()): Promise<Buffer> {
      const rows = await buildRows(year, today);
      return format === 'docx' ? renderDocx(toDocument(year, today, rows)) : toWorkbook(year, rows);
    },
  };
}

export type YearlyReportService = ReturnType<typeof createYearlyReportService>;
