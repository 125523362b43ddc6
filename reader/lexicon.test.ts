import { describe, expect, it } from 'vitest';
import { addPhrase, createLexicon, findAll, markLexicons } from './lexicon.ts';
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
