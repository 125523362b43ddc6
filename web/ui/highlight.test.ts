import { describe, expect, it } from 'vitest';
import { findMatches } from './highlight.tsx';

describe('findMatches', () => {
  it('finds Vietnamese words typed without marks', () => {
    const text = 'Thứ trưởng Nguyễn Tri Thức';
    const ranges = findMatches(text, 'nguyen tri thuc');
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['Nguyễn', 'Tri', 'Thức']);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches('Belarus', '  ')).toEqual([]);
  });
});
