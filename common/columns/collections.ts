import type { AgreementRecord } from '../contracts/agreements.ts';
import type { CommitmentRecord } from '../contracts/commitments.ts';
import type { EventRecord } from '../contracts/events.ts';
import type { OrganisationRecord } from '../contracts/organisations.ts';
import type { PartnerRecord } from '../contracts/partners.ts';
import type { PersonRecord } from '../contracts/people.ts';
import type { SourceSummary } from '../contracts/sources.ts';
import {
  agreementKinds,
  agreementStatuses,
  commitmentStatuses,
  eventKinds,
  eventModes,
  languages,
  legalBases,
  organisationKinds,
  partnerKinds,
  sourceReviewStatuses,
} from '../domain/enums.ts';
import { type CollectionColumns, type Column, fileColumns, pickLanguage } from './columns.ts';

// The columns of each registry collection, in the order the list and the files show them. Add a
// column here and it appears in the web list (with `list`), the export, the template and the
// import.

export type ColumnRecords = {
  agreements: AgreementRecord;
  events: EventRecord;
  commitments: CommitmentRecord;
  people: PersonRecord;
  organisations: OrganisationRecord;
  partners: PartnerRecord;
  sources: SourceSummary;
};

export type ColumnCollection = keyof ColumnRecords;

const id = { key: 'id', label: { vi: 'Mã bản ghi', en: 'Record id' }, type: { kind: 'text' } } as const;

function listOnlyName<R>(
  key: string,
  label: Column<R>['label'],
  read: Column<R>['read'],
  sortKey: string,
): Column<R> {
  return { key, label, type: { kind: 'text' }, read, isListOnly: true, list: { sortKey, isLink: true } };
}

const agreements: CollectionColumns<AgreementRecord> = {
  isImportable: true,
  columns: [
    listOnlyName(
      'title',
      { vi: 'Tiêu đề', en: 'Title' },
      (r, language) => pickLanguage(language, r.titleVi, r.titleEn),
      'titleVi',
    ),
    id,
    { key: 'titleVi', label: { vi: 'Tên tiếng Việt', en: 'Title (Vietnamese)' }, type: { kind: 'text' } },
    { key: 'titleEn', label: { vi: 'Tên tiếng Anh', en: 'Title (English)' }, type: { kind: 'text' } },
    {
      key: 'kind',
      label: { vi: 'Loại', en: 'Kind' },
      type: { kind: 'enum', group: 'agreementKind', values: agreementKinds },
      list: {},
    },
    {
      key: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      type: { kind: 'enum', group: 'agreementStatus', values: agreementStatuses },
      list: { sortKey: 'status', isBadge: true },
    },
    {
      key: 'partyIds',
      label: { vi: 'Các bên', en: 'Parties' },
      type: { kind: 'ref', target: 'partners', isMany: true },
      list: {},
    },
    {
      key: 'signedOn',
      label: { vi: 'Ngày ký', en: 'Signed on' },
      type: { kind: 'date' },
      list: { sortKey: 'signedOn' },
    },
    { key: 'validFrom', label: { vi: 'Hiệu lực từ', en: 'Valid from' }, type: { kind: 'date' } },
    {
      key: 'validTo',
      label: { vi: 'Hiệu lực đến', en: 'Valid to' },
      type: { kind: 'date' },
      list: { sortKey: 'validTo' },
    },
    {
      key: 'renewalPeriodMonths',
      label: { vi: 'Tự gia hạn (tháng)', en: 'Renewal period (months)' },
      type: { kind: 'number' },
    },
    {
      key: 'terminationNoticeDays',
      label: { vi: 'Báo trước khi chấm dứt (ngày)', en: 'Termination notice (days)' },
      type: { kind: 'number' },
    },
    { key: 'renewalNote', label: { vi: 'Gia hạn', en: 'Renewal' }, type: { kind: 'text' } },
    {
      key: 'legalBasis',
      label: { vi: 'Cơ sở pháp lý', en: 'Legal basis' },
      type: { kind: 'enum', group: 'legalBasis', values: legalBases },
    },
    { key: 'decisionNumber', label: { vi: 'Số quyết định', en: 'Decision number' }, type: { kind: 'text' } },
    {
      key: 'signingUnitId',
      label: { vi: 'Đơn vị ký', en: 'Signing unit' },
      type: { kind: 'ref', target: 'organisations', isMany: false },
    },
    {
      key: 'areaIds',
      label: { vi: 'Lĩnh vực', en: 'Areas' },
      type: { kind: 'ref', target: 'areas', isMany: true },
    },
    { key: 'summary', label: { vi: 'Tóm tắt', en: 'Summary' }, type: { kind: 'text' } },
    { key: 'isPublished', label: { vi: 'Đã công bố', en: 'Published' }, type: { kind: 'boolean' } },
  ],
};

const events: CollectionColumns<EventRecord> = {
  isImportable: true,
  columns: [
    {
      key: 'title',
      label: { vi: 'Tiêu đề', en: 'Title' },
      type: { kind: 'text' },
      list: { sortKey: 'title', isLink: true },
    },
    id,
    {
      key: 'kind',
      label: { vi: 'Loại', en: 'Kind' },
      type: { kind: 'enum', group: 'eventKind', values: eventKinds },
      list: { sortKey: 'kind' },
    },
    {
      key: 'startOn',
      label: { vi: 'Bắt đầu', en: 'Starts on' },
      type: { kind: 'date' },
      list: { sortKey: 'startOn' },
    },
    { key: 'endOn', label: { vi: 'Kết thúc', en: 'Ends on' }, type: { kind: 'date' } },
    {
      key: 'mode',
      label: { vi: 'Hình thức', en: 'Mode' },
      type: { kind: 'enum', group: 'eventMode', values: eventModes },
      list: {},
    },
    { key: 'location', label: { vi: 'Địa điểm', en: 'Location' }, type: { kind: 'text' } },
    {
      key: 'connectionPoints',
      label: { vi: 'Các điểm cầu', en: 'Connection points' },
      type: { kind: 'lines' },
    },
    {
      key: 'partnerIds',
      label: { vi: 'Đối tác', en: 'Partners' },
      type: { kind: 'ref', target: 'partners', isMany: true },
      list: {},
    },
    {
      key: 'areaIds',
      label: { vi: 'Lĩnh vực', en: 'Areas' },
      type: { kind: 'ref', target: 'areas', isMany: true },
    },
    {
      key: 'agreementIds',
      label: { vi: 'Thỏa thuận liên quan', en: 'Related agreements' },
      type: { kind: 'ref', target: 'agreements', isMany: true },
    },
    { key: 'summary', label: { vi: 'Tóm tắt', en: 'Summary' }, type: { kind: 'text' } },
    { key: 'isPublished', label: { vi: 'Đã công bố', en: 'Published' }, type: { kind: 'boolean' } },
  ],
};

const commitments: CollectionColumns<CommitmentRecord> = {
  isImportable: true,
  columns: [
    {
      key: 'text',
      label: { vi: 'Nội dung', en: 'Text' },
      type: { kind: 'text' },
      list: { sortKey: 'text', isLink: true },
    },
    id,
    {
      key: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      type: { kind: 'enum', group: 'commitmentStatus', values: commitmentStatuses },
      list: {
        sortKey: 'status',
        isBadge: true,
        warn: { when: (r) => r.isOverdue, label: { vi: 'Quá hạn', en: 'Overdue' } },
      },
    },
    {
      key: 'dueOn',
      label: { vi: 'Hạn', en: 'Due on' },
      type: { kind: 'date' },
      list: { sortKey: 'dueOn', orElse: 'horizonYear' },
    },
    { key: 'horizonYear', label: { vi: 'Mốc năm', en: 'Horizon year' }, type: { kind: 'number' } },
    {
      key: 'vnOwnerIds',
      label: { vi: 'Đơn vị chủ trì phía Việt Nam', en: 'Owner units (Viet Nam)' },
      type: { kind: 'ref', target: 'organisations', isMany: true },
      list: {},
    },
    {
      key: 'partnerOwnerIds',
      label: { vi: 'Đơn vị chủ trì phía đối tác', en: 'Owner units (partner)' },
      type: { kind: 'ref', target: 'organisations', isMany: true },
      list: {},
    },
    {
      key: 'areaIds',
      label: { vi: 'Lĩnh vực', en: 'Areas' },
      type: { kind: 'ref', target: 'areas', isMany: true },
      list: {},
    },
    {
      key: 'agreementId',
      label: { vi: 'Thỏa thuận', en: 'Agreement' },
      type: { kind: 'ref', target: 'agreements', isMany: false },
    },
    {
      key: 'eventId',
      label: { vi: 'Sự kiện', en: 'Event' },
      type: { kind: 'ref', target: 'events', isMany: false },
    },
    {
      key: 'isOverdue',
      label: { vi: 'Quá hạn', en: 'Overdue' },
      type: { kind: 'boolean' },
      isReadOnly: true,
    },
  ],
};

const people: CollectionColumns<PersonRecord> = {
  isImportable: true,
  columns: [
    {
      key: 'name',
      label: { vi: 'Tên', en: 'Name' },
      type: { kind: 'text' },
      list: { sortKey: 'name', isLink: true },
    },
    id,
    { key: 'honorific', label: { vi: 'Danh xưng', en: 'Honorific' }, type: { kind: 'text' } },
    {
      key: 'positions',
      label: { vi: 'Chức vụ', en: 'Positions' },
      type: { kind: 'positions' },
      read: (r) =>
        r.positions.map((p) => ({
          title: p.title,
          organisationId: p.organisationId,
          organisationName: p.organisationName,
          startOn: p.startOn,
          endOn: p.endOn,
        })),
      list: {},
    },
    {
      key: 'countryCode',
      label: { vi: 'Quốc gia', en: 'Country' },
      type: { kind: 'text' },
      list: { sortKey: 'countryCode' },
    },
    { key: 'note', label: { vi: 'Ghi chú', en: 'Note' }, type: { kind: 'text' } },
  ],
};

const organisations: CollectionColumns<OrganisationRecord> = {
  isImportable: true,
  columns: [
    listOnlyName(
      'name',
      { vi: 'Tên', en: 'Name' },
      (r, language) => pickLanguage(language, r.nameVi, r.nameEn),
      'nameVi',
    ),
    id,
    { key: 'nameVi', label: { vi: 'Tên tiếng Việt', en: 'Name (Vietnamese)' }, type: { kind: 'text' } },
    { key: 'nameEn', label: { vi: 'Tên tiếng Anh', en: 'Name (English)' }, type: { kind: 'text' } },
    {
      key: 'kind',
      label: { vi: 'Loại', en: 'Kind' },
      type: { kind: 'enum', group: 'organisationKind', values: organisationKinds },
      list: { sortKey: 'kind' },
    },
    {
      key: 'countryCode',
      label: { vi: 'Quốc gia', en: 'Country' },
      type: { kind: 'text' },
      list: { sortKey: 'countryCode' },
    },
    {
      key: 'parentId',
      label: { vi: 'Trực thuộc', en: 'Part of' },
      type: { kind: 'ref', target: 'organisations', isMany: false },
    },
  ],
};

const partners: CollectionColumns<PartnerRecord> = {
  isImportable: true,
  columns: [
    listOnlyName(
      'name',
      { vi: 'Tên', en: 'Name' },
      (r, language) => pickLanguage(language, r.nameVi, r.nameEn),
      'nameVi',
    ),
    id,
    { key: 'code', label: { vi: 'Mã', en: 'Code' }, type: { kind: 'text' }, list: { sortKey: 'code' } },
    {
      key: 'kind',
      label: { vi: 'Loại', en: 'Kind' },
      type: { kind: 'enum', group: 'partnerKind', values: partnerKinds },
      list: {},
    },
    { key: 'nameVi', label: { vi: 'Tên tiếng Việt', en: 'Name (Vietnamese)' }, type: { kind: 'text' } },
    { key: 'nameEn', label: { vi: 'Tên tiếng Anh', en: 'Name (English)' }, type: { kind: 'text' } },
  ],
};

const sources: CollectionColumns<SourceSummary> = {
  isImportable: false,
  columns: [
    {
      key: 'title',
      label: { vi: 'Tiêu đề', en: 'Title' },
      type: { kind: 'text' },
      list: { sortKey: 'title', isLink: true },
    },
    id,
    { key: 'outlet', label: { vi: 'Cơ quan đăng tải', en: 'Outlet' }, type: { kind: 'text' }, list: {} },
    { key: 'url', label: { vi: 'Địa chỉ', en: 'URL' }, type: { kind: 'text' } },
    {
      key: 'publishedAt',
      label: { vi: 'Ngày đăng', en: 'Published at' },
      type: { kind: 'datetime', mayBeDateOnly: true },
      list: { sortKey: 'publishedAt' },
    },
    {
      key: 'language',
      label: { vi: 'Ngôn ngữ', en: 'Language' },
      type: { kind: 'enum', group: 'language', values: languages },
    },
    {
      key: 'reviewStatus',
      label: { vi: 'Duyệt', en: 'Review' },
      type: { kind: 'enum', group: 'reviewStatus', values: sourceReviewStatuses },
      list: {},
    },
    { key: 'isPublished', label: { vi: 'Đã công bố', en: 'Published' }, type: { kind: 'boolean' }, list: {} },
    {
      key: 'partnerIds',
      label: { vi: 'Đối tác', en: 'Partners' },
      type: { kind: 'ref', target: 'partners', isMany: true },
    },
    {
      key: 'areaIds',
      label: { vi: 'Lĩnh vực', en: 'Areas' },
      type: { kind: 'ref', target: 'areas', isMany: true },
    },
  ],
};

export const collectionColumns: { [C in ColumnCollection]: CollectionColumns<ColumnRecords[C]> } = {
  agreements,
  events,
  commitments,
  people,
  organisations,
  partners,
  sources,
};

/** A collection's file columns, typed loosely for code that serves every collection. */
export function fileColumnsOf(collection: ColumnCollection): Column<unknown>[] {
  return fileColumns(collectionColumns[collection] as unknown as CollectionColumns<unknown>);
}

export const columnCollections = Object.keys(collectionColumns) as ColumnCollection[];
export const importableCollections = columnCollections.filter(
  (collection) => collectionColumns[collection].isImportable,
);
