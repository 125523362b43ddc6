import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { vi } from './vi.ts';

type Tree = { [key: string]: string | Tree };

function listEntries(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : listEntries(value, `${prefix}${key}.`),
  );
}

function listPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const viEntries = new Map(listEntries(vi));
const enEntries = new Map(listEntries(en));

describe('dictionaries', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    expect([...enEntries.keys()].sort()).toEqual([...viEntries.keys()].sort());
  });

  it('leave no label empty', () => {
    const empty = [...viEntries, ...enEntries].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...viEntries]
      .filter(
        ([key, text]) => listPlaceholders(text).join() !== listPlaceholders(enEntries.get(key) ?? '').join(),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
