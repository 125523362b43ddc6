import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
/** The key a t() call names: a plural form's key without its suffix. */
const baseKey = (key: string) => key.replace(pluralSuffix, '');

const viEntries = new Map(listEntries(vi as unknown as Tree));
const enEntries = new Map(listEntries(en as unknown as Tree));

/** Plural forms each language must have (CLDR): Vietnamese one form, English one and other. */
const pluralForms = { vi: ['other'], en: ['one', 'other'] } as const;

function expectedKeys(language: keyof typeof pluralForms): string[] {
  const plurals = new Set([...viEntries.keys(), ...enEntries.keys()].filter((key) => pluralSuffix.test(key)));
  const bases = new Set([...plurals].map(baseKey));
  const plain = [...viEntries.keys(), ...enEntries.keys()].filter((key) => !pluralSuffix.test(key));
  return [
    ...new Set([
      ...plain,
      ...[...bases].flatMap((base) => pluralForms[language].map((form) => `${base}_${form}`)),
    ]),
  ].sort();
}

/** The web app's source text (dictionaries and tests aside), where every key must be used. */
function readWebSource(): string {
  const webRoot = fileURLToPath(new URL('..', import.meta.url));
  const files = readdirSync(webRoot, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith('i18n/'),
  );
  return files.map((file) => readFileSync(join(webRoot, file), 'utf8')).join('\n');
}

/** Keys named with a computed part (`session.roles.${role}`, `nav.${section}`): every key below
 * the literal prefix counts as used. */
function listDynamicPrefixes(source: string): string[] {
  return [...source.matchAll(/[`'"]([a-zA-Z][\w.]*\.)\$\{/g)].map((match) => match[1] ?? '');
}

describe('dictionaries', () => {
  it('have the same keys in Vietnamese and English, with each language’s plural forms', () => {
    expect([...viEntries.keys()].sort()).toEqual(expectedKeys('vi'));
    expect([...enEntries.keys()].sort()).toEqual(expectedKeys('en'));
  });

  it('leave no label empty', () => {
    const empty = [...viEntries, ...enEntries].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const placeholdersOf = (entries: Map<string, string>, key: string) =>
      listPlaceholders(entries.get(key) ?? entries.get(`${baseKey(key)}_other`) ?? '').join();
    const mismatched = [...enEntries.keys()]
      .filter((key) => placeholdersOf(enEntries, key) !== placeholdersOf(viEntries, key))
      .map((key) => key);
    expect(mismatched).toEqual([]);
  });

  it('hold no key the web app never uses', () => {
    const source = readWebSource();
    const prefixes = listDynamicPrefixes(source);
    // Enum labels are spread in from common/domain/enum-labels.ts and read through labelEnum.
    const isUsed = (key: string) =>
      key.startsWith('enums.') ||
      source.includes(`'${key}'`) ||
      source.includes(`"${key}"`) ||
      source.includes(`\`${key}\``) ||
      prefixes.some((prefix) => key.startsWith(prefix));
    const unused = [...new Set([...viEntries.keys()].map(baseKey))].filter((key) => !isUsed(key));
    expect(unused).toEqual([]);
  });
});
