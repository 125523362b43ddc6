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
    expect(tokenize(normaliseText(nfd)).map((t) => t.key)).toEqual(tokenize('Bộ Y tế').map((t) => t.key));
  });

  it('keeps offsets on the original text', () => {
    const text = 'Ông  Nguyễn\nVăn';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Ông', 'Nguyễn', 'Văn']);
    expect(tokens[2]?.afterBreak).toBe(true);
    expect(tokens[0]?.isCapital).toBe(true);
  });

  it('splits punctuation into single tokens and marks glued ones', () => {
    const tokens = tokenize('GS.TS Lê');
    expect(tokens.map((t) => t.raw)).toEqual(['GS', '.', 'TS', 'Lê']);
    expect(tokens[1]?.glued).toBe(true);
    expect(tokens[3]?.glued).toBe(false);
  });
});
