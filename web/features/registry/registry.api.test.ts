import { describe, expect, it } from 'vitest';
import { chunkIds, labelLinkItem } from './registry.api.ts';

describe('asking for linked records by id', () => {
  it('asks once per collection for every id, each id once, in a stable order', () => {
    expect(chunkIds(['b', 'a', 'b', 'c'])).toEqual([['a', 'b', 'c']]);
    expect(chunkIds([])).toEqual([]);
  });

  it('splits more ids than one page holds into as few requests as fit', () => {
    const ids = Array.from({ length: 5 }, (_, n) => `id-${n}`);
    expect(chunkIds(ids, 2)).toEqual([['id-0', 'id-1'], ['id-2', 'id-3'], ['id-4']]);
  });

  it('names a source by its title', () => {
    expect(labelLinkItem('sources', { id: 's', title: 'Tăng cường hợp tác y tế' })).toBe(
      'Tăng cường hợp tác y tế',
    );
  });
});
