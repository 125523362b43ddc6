import { describe, expect, it } from 'vitest';
import { findMatches } from './highlight.tsx';

describe('findMatches', () => {
  it('finds Vietnamese words typed without marks, the phrase as one', () => {
    const text = 'Thứ trưởng Nguyễn Tri Thức';
    const ranges = findMatches(text, 'nguyen tri thuc');
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['Nguyễn Tri Thức']);
  });

  it('lets the last word be unfinished, as it is while typing', () => {
    const text = 'Đại sứ quán Nhật Bản';
    const ranges = findMatches(text, 'nhat ba');
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['Nhật Bản']);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches('Belarus', '  ')).toEqual([]);
  });
});
