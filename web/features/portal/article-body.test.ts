import { describe, expect, it } from 'vitest';
import { splitArticle } from './article-body.ts';

describe('splitArticle', () => {
  it('shows the title once, however often and however spelled the text repeats it at the top', () => {
    const text =
      'Việt Nam – Belarus hợp tác\n\nViet Nam – Belarus hop tac\nThân bài.\nViệt Nam – Belarus hợp tác';
    expect(splitArticle(text, 'Việt Nam – Belarus hợp tác', null)).toEqual({
      lead: null,
      paragraphs: ['Thân bài.', 'Việt Nam – Belarus hợp tác'],
    });
  });

  it('replaces a lead cut from the first paragraph by that whole paragraph, shown once', () => {
    const text = 'Tiêu đề\nHai bên ký bản ghi nhớ về đào tạo và nghiên cứu.\nĐoạn hai.';
    expect(splitArticle(text, 'Tiêu đề', 'Hai bên ký bản ghi nhớ…')).toEqual({
      lead: 'Hai bên ký bản ghi nhớ về đào tạo và nghiên cứu.',
      paragraphs: ['Đoạn hai.'],
    });
  });

  it('keeps a lead written apart from the text', () => {
    expect(splitArticle('Đoạn một.', 'Tiêu đề', 'Tóm tắt riêng.')).toEqual({
      lead: 'Tóm tắt riêng.',
      paragraphs: ['Đoạn một.'],
    });
  });
});
