import type { Language } from '../domain/enums.ts';
import { type ColumnCollection, collectionColumns, columnCollections } from './collections.ts';

// A request field named the way a person reads it, for messages such as "Tên tiếng Việt: không
// được để trống". A collection's own columns name its fields; the table below names the fields
// that are no column (accounts, paging, versions, participants).
const otherFields: Record<string, Record<Language, string>> = {
  email: { vi: 'Email', en: 'Email' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  displayName: { vi: 'Họ tên', en: 'Name' },
  role: { vi: 'Vai trò', en: 'Role' },
  organisationId: { vi: 'Đơn vị', en: 'Unit' },
  isActive: { vi: 'Đang hoạt động', en: 'Active' },
  version: { vi: 'Phiên bản', en: 'Version' },
  participants: { vi: 'Người tham gia', en: 'Participants' },
  areaIds: { vi: 'Lĩnh vực', en: 'Areas' },
  sourceIds: { vi: 'Nguồn tin', en: 'Sources' },
  q: { vi: 'Từ khóa', en: 'Search words' },
  page: { vi: 'Trang', en: 'Page' },
  pageSize: { vi: 'Số dòng mỗi trang', en: 'Rows per page' },
  sort: { vi: 'Sắp xếp', en: 'Sort' },
  order: { vi: 'Thứ tự', en: 'Order' },
  ids: { vi: 'Mã bản ghi', en: 'Record ids' },
  items: { vi: 'Danh sách', en: 'Items' },
  file: { vi: 'Tệp', en: 'File' },
};

function isColumnCollection(name: string | null): name is ColumnCollection {
  return name !== null && (columnCollections as string[]).includes(name);
}

/** The field's label in the language, from the collection's columns first; null if unnamed. */
export function fieldLabel(collection: string | null, field: string, language: Language): string | null {
  if (isColumnCollection(collection)) {
    const column = collectionColumns[collection].columns.find((candidate) => candidate.key === field);
    if (column) return column.label[language];
  }
  return otherFields[field]?.[language] ?? null;
}
