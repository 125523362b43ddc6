import { defineError } from '../../http/errors.ts';

export const sourceErrors = {
  unsupportedFile: defineError(
    'sources.unsupported_file',
    415,
    'Không đọc được loại tệp này; hãy tải lên .txt, .html, .docx hoặc .pdf.',
  ),
  unreadableFile: defineError('sources.unreadable_file', 422, 'Không đọc được tệp; tệp có bị hỏng không?'),
  emptyText: defineError(
    'sources.empty_text',
    422,
    'Không tìm thấy nội dung bài viết trong những gì đã gửi.',
  ),
  unsupportedLanguage: defineError(
    'sources.unsupported_language',
    422,
    'Bài viết bằng {{language}}, bộ đọc chỉ đọc tiếng Việt và tiếng Anh; hãy gửi bản tiếng Việt hoặc tiếng Anh của bài.',
  ),
  fileTooLarge: defineError(
    'sources.file_too_large',
    413,
    'Tệp quá lớn so với một bài viết; có thể tệp bị hỏng.',
  ),
  textTooLong: defineError(
    'sources.text_too_long',
    413,
    'Văn bản dài hơn mức một nguồn tin được phép; hãy chia thành nhiều nguồn.',
  ),
  readingTooSlow: defineError(
    'sources.reading_too_slow',
    422,
    'Đọc tệp mất quá nhiều thời gian nên đã dừng.',
  ),
  readingTooBig: defineError(
    'sources.reading_too_big',
    422,
    'Đọc tệp cần nhiều bộ nhớ hơn mức cho phép nên đã dừng.',
  ),
  readerBusy: defineError(
    'sources.reader_busy',
    503,
    'Bộ đọc đang bận với các bài khác; hãy thử lại sau một phút.',
  ),
  duplicate: defineError(
    'sources.duplicate',
    409,
    'Bài viết này đã được đăng ký (trùng {{matchedBy}}): «{{title}}», {{date}}, mã {{id}}. Hãy mở nguồn tin đó; nếu thật sự cần một bản nữa, chọn «Vẫn đăng ký».',
  ),
  noDraft: defineError('sources.no_draft', 404, 'Nguồn tin này chưa có bản nháp.'),
  alreadyAccepted: defineError(
    'sources.already_accepted',
    409,
    'Nguồn tin này đã được duyệt; hãy sửa các bản ghi đã tạo từ nó.',
  ),
};
