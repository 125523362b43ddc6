import { describe, expect, it } from 'vitest';
import {
  compareNames,
  editDistance,
  nameBuckets,
  nameKey,
  nameSimilarity,
  transliterationKey,
} from './name-matching.ts';

describe('nameKey', () => {
  it('folds marks, case, punctuation and the order of given and family names', () => {
    expect(nameKey('Nguyễn Văn An')).toBe(nameKey('an, NGUYEN van'));
    expect(nameKey('Đỗ Thị Hoà')).toBe(nameKey('do thi hòa'));
    expect(nameKey('Ông Đỗ Thị Hoà')).toBe(nameKey('Do Thi Hoa'));
  });
  it('keeps different names apart', () => {
    expect(nameKey('Nguyễn Văn An')).not.toBe(nameKey('Nguyễn Văn Anh'));
    expect(nameKey('Ba')).toBe('ba');
  });
});

describe('transliteration', () => {
  it('maps Belarusian and Russian spellings of one name to one key', () => {
    expect(transliterationKey('baravikou')).toBe(transliterationKey('borovikov'));
    expect(transliterationKey('uladzimir')).toBe(transliterationKey('vladimir'));
    expect(transliterationKey('dzmitry')).toBe(transliterationKey('dmitri'));
    expect(transliterationKey('khrushchev')).toBe(transliterationKey('hrushchev'));
    expect(transliterationKey('aleksandr')).toBe(transliterationKey('alexandr'));
  });
  it('finds Uladzimir Baravikou and Vladimir Borovikov alike in either order', () => {
    expect(nameSimilarity('Uladzimir Baravikou', 'Vladimir Borovikov')).toBe(1);
    expect(nameSimilarity('Borovikov Vladimir', 'Uladzimir Baravikou')).toBe(1);
    expect(compareNames('Uladzimir Baravikou', 'Vladimir Borovikov')).toEqual({
      reason: 'transliteration',
      similarity: 1,
    });
  });
  it('does not take different people for one', () => {
    expect(compareNames('Vladimir Borovikov', 'Vladimir Putin')).toBeNull();
    expect(compareNames('Nguyễn Văn An', 'Trần Thị Bình')).toBeNull();
    expect(nameSimilarity('Ivan Petrov', 'Ivan Sidorov')).toBeLessThan(0.85);
  });
  it('charges a missing word its share', () => {
    expect(nameSimilarity('Nguyen Van An', 'Nguyen An')).toBeCloseTo(2 / 3, 2);
    expect(nameSimilarity('', 'Nguyen An')).toBe(0);
  });
  it('names the same key as the reason when only marks and order differ', () => {
    expect(compareNames('Lê Thị Hồng', 'Hong Le Thi')).toEqual({ reason: 'same_name', similarity: 1 });
  });
  it('puts alike names in a shared bucket', () => {
    const shared = nameBuckets('Uladzimir Baravikou').filter((key) =>
      nameBuckets('Vladimir Borovikov').includes(key),
    );
    expect(shared.length).toBe(2);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});
