import { describe, expect, it } from 'vitest';
import { findFoldedMatches, foldText, foldWords, toSearchWords } from './text.ts';

describe('foldText', () => {
  it('lets unaccented typing find an accented name', () => {
    expect(foldText('Nguyễn Tri Thức')).toBe('nguyen tri thuc');
  });
  it('treats old and new tone-mark placement as equal', () => {
    expect(foldText('hoà')).toBe(foldText('hòa'));
    expect(foldText('thuỷ')).toBe(foldText('thủy'));
    expect(foldText('Uỷ ban')).toBe(foldText('Ủy ban'));
  });
  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldText('Việt Nam'.normalize('NFD'))).toBe('viet nam');
  });
  it('maps đ to d', () => {
    expect(foldText('Đại sứ')).toBe('dai su');
  });
});

describe('foldWords', () => {
  it('splits on punctuation and spaces', () => {
    expect(foldWords('Bộ Y tế, Cộng hòa Belarus!')).toEqual(['bo', 'y', 'te', 'cong', 'hoa', 'belarus']);
  });
});

describe('findFoldedMatches', () => {
  it('finds accented words from an unaccented query, at the original offsets', () => {
    const text = 'Thứ trưởng Nguyễn Tri Thức';
    const ranges = findFoldedMatches(text, 'nguyen thuc');
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(['Nguyễn', 'Thức']);
  });
  it('returns nothing when the word is absent', () => {
    expect(findFoldedMatches('Bộ Y tế', 'belarus')).toEqual([]);
  });
});

describe('toSearchWords', () => {
  it('is the folded words joined by one space, whatever separates them', () => {
    for (const text of [
      '  Bộ Y tế — Hợp tác; “WHO”/UNICEF…\n\tCOVID-19 2024 ',
      'sẽ '.repeat(1000),
      '5/3 và 6/8/2024, '.repeat(300),
      '',
      '...',
      'Ông Nguyễn Văn A, Thứ trưởng',
    ]) {
      expect(toSearchWords(text)).toBe(foldWords(text).join(' '));
    }
  });
});
