import { describe, expect, it } from 'vitest';
import { cleanArticle } from './clean.ts';

describe('cleanArticle', () => {
  it('keeps title and date line as metadata and cuts the related-news list', () => {
    const cleaned = cleanArticle(
      'Hợp tác y tế\n08/10/2024 | 17:06 PM\nHai bên ký kết.\nTin liên quan\n- Bộ trưởng A: tin khác\nXuất bản thông tin',
    );
    expect(cleaned.title).toBe('Hợp tác y tế');
    expect(cleaned.published).toBe('2024-10-08');
    expect(cleaned.text).toBe('Hợp tác y tế\n\nHai bên ký kết.');
  });

  it('cuts list headings shaped like the listed ones, and keeps body lines that only share a word', () => {
    const cleaned = cleanArticle(
      'T\n\nCác hoạt động khác của dự án được duy trì.\nNhững bài viết mới cập nhật\n- Hội nghị tổng kết',
    );
    expect(cleaned.text).toBe('T\n\nCác hoạt động khác của dự án được duy trì.');
    expect(cleanArticle('T\n\nThân bài.\nBài viết cùng chuyên mục:\n- Hội thảo').text).toBe('T\n\nThân bài.');
  });

  it('keeps a subheading that only starts and ends like a list heading', () => {
    const cleaned = cleanArticle('T\n\nMở đầu.\nBài học từ mô hình mới\nHai bên sẽ nhân rộng mô hình.');
    expect(cleaned.text).toBe('T\n\nMở đầu.\nBài học từ mô hình mới\nHai bên sẽ nhân rộng mô hình.');
  });

  it('keeps byline and source line out of the text', () => {
    const cleaned = cleanArticle(
      'Tiêu đề\n\nThân bài dài một câu.\n\nNGUYỄN VĂN A\n\nNguồn Báo X: https://x.vn/a.html\nZalo',
    );
    expect(cleaned.byline).toBe('NGUYỄN VĂN A');
    expect(cleaned.url).toBe('https://x.vn/a.html');
    expect(cleaned.sourceLine).toBe('Nguồn Báo X: https://x.vn/a.html');
    expect(cleaned.text).toBe('Tiêu đề\n\nThân bài dài một câu.');
  });

  it('drops a photo caption printed twice and recognises English bylines', () => {
    const cleaned = cleanArticle('T\n\nẢnh toàn cảnh.\nẢnh toàn cảnh.\nBody text here.\n\nBy Jane Roe');
    expect(cleaned.text).toBe('T\n\nẢnh toàn cảnh.\nBody text here.');
    expect(cleaned.byline).toBe('By Jane Roe');
  });

  it('does not take a last sentence for a byline', () => {
    const cleaned = cleanArticle('T\n\nMột.\nHai bên sẽ tiếp tục hợp tác.');
    expect(cleaned.byline).toBeNull();
  });

  it('survives empty input', () => {
    expect(cleanArticle('')).toMatchObject({ text: '', title: null, published: null });
  });

  it("cuts the outlet's name before the lead, but not a dateline or a sentence with a dash", () => {
    expect(cleanArticle('T\n\nVTV.vn - Thủ tướng mong muốn hợp tác.').text).toBe(
      'T\n\nThủ tướng mong muốn hợp tác.',
    );
    expect(cleanArticle('T\n\n(Chinhphu.vn) – Hai bên ký kết.').text).toBe('T\n\nHai bên ký kết.');
    expect(cleanArticle('T\n\nSKĐS - Sáng 5/3, hai bên hội đàm.').text).toBe(
      'T\n\nSáng 5/3, hai bên hội đàm.',
    );
    expect(cleanArticle('T\n\nHÀ NỘI — The ministry agreed.').text).toBe(
      'T\n\nHÀ NỘI — The ministry agreed.',
    );
  });
});

describe('photo credits', () => {
  it('cuts a credit closing a caption, or standing alone, so the photographer is no partner', () => {
    const text = cleanArticle(
      'Tiêu đề\n\nThủ tướng thăm bệnh viện - Ảnh: VGP/Nhật Bắc\n\nẢnh: TTXVN\n\nThe ambassador presents supplies. Photo: VNA\n\nKết quả: tốt',
    ).text;
    expect(text).toBe(
      'Tiêu đề\n\nThủ tướng thăm bệnh viện\n\nThe ambassador presents supplies.\n\nKết quả: tốt',
    );
  });
});

describe('hard line breaks', () => {
  it('joins a sentence broken mid-way at a line break, and keeps paragraphs and lists apart', () => {
    const cleaned = cleanArticle(
      'Tiêu đề\n\nBộ trưởng cho biết hai bên sẽ\ntăng cường hợp tác y tế.\nĐoàn gồm các ông A,\nB và C.\nNội dung gồm:\n- đào tạo\nThe end.',
    );
    expect(cleaned.text).toBe(
      'Tiêu đề\n\nBộ trưởng cho biết hai bên sẽ tăng cường hợp tác y tế.\nĐoàn gồm các ông A, B và C.\nNội dung gồm:\n- đào tạo\nThe end.',
    );
  });

  it('never joins the title to the body', () => {
    expect(cleanArticle('Hợp tác y tế\nhai bên ký kết.').text).toBe('Hợp tác y tế\nhai bên ký kết.');
  });
});

describe('photo credits between sentences', () => {
  it('cuts a credit of names between two sentences of a line, and keeps a colon that is prose', () => {
    const cleaned = cleanArticle(
      'Tiêu đề\n\nBộ trưởng tiếp Đại sứ. Ảnh: VGP/Nhật Bắc. Hai bên trao đổi.\nThe minister spoke. Photo: Thanh Long. The sides agreed.\nẢnh hưởng: lớn. Kết quả tốt.',
    );
    expect(cleaned.text).toBe(
      'Tiêu đề\n\nBộ trưởng tiếp Đại sứ. Hai bên trao đổi.\nThe minister spoke. The sides agreed.\nẢnh hưởng: lớn. Kết quả tốt.',
    );
  });
});

describe('publication time', () => {
  it("keeps the date line's own time, and none when the line prints only a date", () => {
    expect(cleanArticle('Hợp tác y tế\n08/10/2024 | 17:06\nHai bên ký kết.').publishedTime).toBe('17:06');
    expect(cleanArticle('Hợp tác y tế\n08/10/2024\nHai bên ký kết.').publishedTime).toBeNull();
  });
});

describe('agency photo credits', () => {
  it('cuts a credit without a colon after a dash or in brackets at the end of a caption', () => {
    const cleaned = cleanArticle(
      'Title\n\nThe minister receives the ambassador. — VNA/VNS Photo Nhật Bắc\nDelegates at the meeting (Photo courtesy of the embassy)\nThe photo session ended.',
    );
    expect(cleaned.text).toBe(
      'Title\n\nThe minister receives the ambassador.\nDelegates at the meeting\nThe photo session ended.',
    );
  });
});
