import { describe, expect, it } from 'vitest';
import { keySyllable, normaliseText, tokenize } from './normalise.ts';

describe('normalise', () => {
  it('gives old and new tone placement the same key', () => {
    expect(keySyllable('hoà')[0]).toBe(keySyllable('hòa')[0]);
    expect(keySyllable('thuỷ')[0]).toBe(keySyllable('thủy')[0]);
    expect(keySyllable('Uỷ')[0]).toBe(keySyllable('ủy')[0]);
  });

  it('keeps tone as part of the key so lao and Lào differ', () => {
    expect(keySyllable('Lào')[0]).not.toBe(keySyllable('lao')[0]);
    expect(keySyllable('Lào')[1]).toBe('lao');
  });

  it('keeps NFD input equal to NFC input', () => {
    const nfd = 'Bộ Y tế'.normalize('NFD');
    expect([...tokenize(normaliseText(nfd))].map((t) => t.key)).toEqual(
      [...tokenize('Bộ Y tế')].map((t) => t.key),
    );
  });

  it('keeps offsets on the original text', () => {
    const text = 'Ông  Nguyễn\nVăn';
    const tokens = tokenize(text);
    expect([...tokens].map((t) => text.slice(t.start, t.end))).toEqual(['Ông', 'Nguyễn', 'Văn']);
    expect(tokens.at(2)?.afterBreak).toBe(true);
    expect(tokens.at(0)?.isCapital).toBe(true);
  });

  it("keeps every token's offsets, spelling and spacing flags in the token columns", () => {
    // Astral characters (two code units), line breaks, glued punctuation and offsets past 2^20.
    const text = `${'x '.repeat(600_000)}“Bộ”\n\n𝐀𝐁 1/2,${'🙂'}a`;
    const list = tokenize(text);
    expect(list.length).toBe(600_010);
    const tokens = list.slice(600_000, list.length);
    // The column readers agree with the views.
    expect(tokens.map((_, k) => list.rawAt(600_000 + k))).toEqual(tokens.map((t) => t.raw));
    expect(tokens.map((_, k) => list.startAt(600_000 + k))).toEqual(tokens.map((t) => t.start));
    expect(tokens.map((_, k) => list.endAt(600_000 + k))).toEqual(tokens.map((t) => t.end));
    expect(tokens.map((_, k) => list.gluedAt(600_000 + k))).toEqual(tokens.map((t) => t.glued));
    expect(tokens.map((_, k) => list.afterBreakAt(600_000 + k))).toEqual(tokens.map((t) => t.afterBreak));
    expect(tokens.map((t) => t.key)).toEqual([
      '“',
      'bô\u0323',
      '”',
      '𝐀𝐁'.toLowerCase(),
      '1',
      '/',
      '2',
      ',',
      '🙂',
      'a',
    ]);
    expect(tokens.map((t) => [t.isWord, t.isNumber, t.isCapital])).toEqual([
      [false, false, false],
      [true, false, true],
      [false, false, false],
      [true, false, false],
      [true, true, false],
      [false, false, false],
      [true, true, false],
      [false, false, false],
      [false, false, false],
      [true, false, false],
    ]);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      '“',
      'Bộ',
      '”',
      '𝐀𝐁',
      '1',
      '/',
      '2',
      ',',
      '🙂',
      'a',
    ]);
    expect(tokens.map((t) => t.raw)).toEqual(tokens.map((t) => text.slice(t.start, t.end)));
    expect(tokens.map((t) => t.glued)).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(tokens.map((t) => t.afterBreak)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('splits punctuation into single tokens and marks glued ones', () => {
    const tokens = tokenize('GS.TS Lê');
    expect([...tokens].map((t) => t.raw)).toEqual(['GS', '.', 'TS', 'Lê']);
    expect(tokens.at(1)?.glued).toBe(true);
    expect(tokens.at(3)?.glued).toBe(false);
  });

  it('gives the same text as a full NFC pass, whatever characters the input mixes', () => {
    // The fast path skips NFC when no character needs it: random mixes of composed and combining
    // letters, jamo, characters NFC rewrites alone, controls and astral symbols must agree with it.
    const pool = [
      'a',
      'ệ',
      'ộ',
      'o',
      '\u0302',
      '\u0323',
      'Å',
      '\u212b',
      '\u2000',
      'ᄀ',
      '\u1161',
      '\u11a8',
      '가',
      '\r',
      '\r\n',
      '\u0000',
      '\ufeff',
      '😀',
      '漢',
      ' ',
      '\n',
    ];
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let i = 0; i < length; i++) text += pool[Math.floor(next() * pool.length)];
      const reference = text
        .replace(/\r\n?/g, '\n')
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the reference rewrite of controls.
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufeff]/g, ' ');
      expect(normaliseText(text)).toBe(reference.normalize('NFC'));
    }
  });

  it('has no token outside the list, before it included', () => {
    const tokens = tokenize('Hà Nội');
    expect(tokens.at(-1)).toBeUndefined();
    expect(tokens.at(2)).toBeUndefined();
    expect(tokens.slice(-1, 5).map((t) => t.raw)).toEqual(['Hà', 'Nội']);
  });

  it('tokenizes a surrogate pair as one character', () => {
    expect([...tokenize('a𝐀b 😀x')].map((t) => t.raw)).toEqual(['a𝐀b', '😀', 'x']);
  });
});
