import { describe, expect, it } from 'vitest';
import {
  addPhrase,
  createLexicon,
  findAll,
  firstValueAt,
  markLexicons,
  matchEnd,
  matchLongest,
} from './lexicon.ts';
import { otherNumber, tokenize } from './normalise.ts';

function found(lexicon: ReturnType<typeof createLexicon<string>>, text: string): string[] {
  return findAll(lexicon, markLexicons(tokenize(text))).flatMap((match) => match.values);
}

describe('keyword index: English number once for every lexicon', () => {
  it('finds a singular phrase in the plural and a plural one in the singular, in any case', () => {
    const lexicon = createLexicon<string>();
    addPhrase(lexicon, 'essential medicine', 'medicine');
    addPhrase(lexicon, 'epidemics', 'epidemic');
    addPhrase(lexicon, 'health facility', 'facility');
    expect(found(lexicon, 'Essential Medicines and an epidemic reached health facilities.')).toEqual([
      'medicine',
      'epidemic',
      'facility',
    ]);
  });

  it('lets a spelling that is a key itself keep its own phrases (AIDS is not aid)', () => {
    const lexicon = createLexicon<string>();
    addPhrase(lexicon, 'aid', 'aid');
    addPhrase(lexicon, 'AIDS', 'aids');
    expect(found(lexicon, 'HIV/AIDS and aid')).toEqual(['aids', 'aid']);
  });

  it('gives the other number of English words only', () => {
    expect(otherNumber('medicines')).toBe('medicine');
    expect(otherNumber('studies')).toBe('study');
    expect(otherNumber('viruses')).toBe('virus');
    expect(otherNumber('approach')).toBe('approaches');
    expect(otherNumber('diagnosis')).toBe('diagnoses');
    expect(otherNumber('thuốc')).toBeNull();
    expect(otherNumber('aid')).toBeNull();
  });
});

describe('a match read without an object', () => {
  it('gives the end and the first value of the longest match, as matchLongest does', () => {
    const lexicon = createLexicon<string>();
    addPhrase(lexicon, 'sẽ', 'short');
    addPhrase(lexicon, 'sẽ tiếp tục', 'long');
    const marks = markLexicons(tokenize('Hai bên sẽ tiếp tục phối hợp, và sẽ báo cáo.'));
    for (const start of [2, 9]) {
      const match = matchLongest(lexicon, marks, start);
      expect(matchEnd(lexicon, marks, start)).toBe(match?.end);
      expect(firstValueAt(lexicon, marks, start)).toBe(match?.values[0]);
    }
    expect([matchEnd(lexicon, marks, 2), firstValueAt(lexicon, marks, 2)]).toEqual([5, 'long']);
    expect([matchEnd(lexicon, marks, 9), firstValueAt(lexicon, marks, 9)]).toEqual([10, 'short']);
    expect([matchEnd(lexicon, marks, 0), firstValueAt(lexicon, marks, 0)]).toEqual([-1, undefined]);
  });
});
