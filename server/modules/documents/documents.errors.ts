import { defineError } from '../../http/errors.ts';

export const documentsErrors = {
  notFound: defineError('documents.not_found', 404, 'Không tìm thấy tài liệu.'),
  noFile: defineError('documents.no_file', 400, 'Chưa chọn tệp để tải lên.'),
  empty: defineError('documents.empty', 400, 'Tệp trống, không có nội dung.'),
  tooLarge: defineError('documents.too_large', 413, 'Tệp vượt quá dung lượng cho phép ({{limit}}).'),
  typeRefused: defineError(
    'documents.type_refused',
    415,
    'Chỉ nhận tệp PDF, Word (DOCX), Excel (XLSX) hoặc ảnh (PNG, JPEG, WEBP); nội dung tệp này không thuộc loại nào trong số đó.',
  ),
  recordMissing: defineError('documents.record_missing', 422, 'Không tìm thấy bản ghi để đính kèm tài liệu.'),
  notOwner: defineError(
    'documents.not_owner',
    403,
    'Đơn vị chỉ được đính kèm tài liệu vào cam kết do mình phụ trách.',
  ),
  contentMissing: defineError('documents.content_missing', 500, 'Không đọc được nội dung tài liệu đã lưu.'),
};
