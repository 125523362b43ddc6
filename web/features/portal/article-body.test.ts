import { describe, expect, it } from 'vitest';
import { splitBody } from './article-body.ts';

describe('splitBody', () => {
  it('drops the title and lead repeated at the top of the text, however spelled', () => {
    const text = 'Việt Nam – Belarus hợp tác\n\nViệt Nam - Belarus hợp tác\nViet Nam – Belarus hop tac\nMở đầu.\n\nThân bài.';
    expect(splitBody(text, ['Việt Nam – Belarus hợp tác', 'Mở đầu.'])).toEqual(['Việt Nam - Belarus hợp tác', 'Thân bài.']);
  });

  it('keeps a paragraph equal to the title when it is not at the top', () => {
    expect(splitBody('Một.\nTiêu đề', ['Tiêu đề'])).toEqual(['Một.', 'Tiêu đề']);
  });
});
