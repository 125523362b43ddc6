import { describe, expect, it } from 'vitest';
import { createAgreement } from '../contracts/agreements.ts';
import { createCommitment } from '../contracts/commitments.ts';
import { createEvent } from '../contracts/events.ts';
import { createOrganisation } from '../contracts/organisations.ts';
import { createPartner } from '../contracts/partners.ts';
import { createPerson } from '../contracts/people.ts';
import { collectionColumns, fileColumnsOf, importableCollections } from './collections.ts';
import { fileHeaders, parseBoolean, parseDayText, parseEnum } from './columns.ts';

const createContracts = {
  agreements: createAgreement,
  events: createEvent,
  commitments: createCommitment,
  people: createPerson,
  organisations: createOrganisation,
  partners: createPartner,
} as const;

describe('column descriptions', () => {
  it('name, for every imported column, a field its create contract accepts', () => {
    for (const collection of importableCollections) {
      const shape = createContracts[collection as keyof typeof createContracts].shape;
      const imported = fileColumnsOf(collection)
        .filter((column) => column.key !== 'id' && !column.isReadOnly)
        .map((column) => column.key);
      expect(
        imported.filter((key) => !(key in shape)),
        collection,
      ).toEqual([]);
    }
  });

  it('give every file column a distinct header in each language', () => {
    for (const collection of Object.keys(collectionColumns) as (keyof typeof collectionColumns)[]) {
      for (const language of ['vi', 'en'] as const) {
        const headers = fileHeaders(collectionColumns[collection] as never, language);
        expect(new Set(headers).size, `${collection} ${language}`).toBe(headers.length);
      }
    }
  });
});

describe('reading cells', () => {
  it('reads ISO and Vietnamese dates and refuses days that do not exist', () => {
    expect(parseDayText('2024-10-08')).toBe('2024-10-08');
    expect(parseDayText('8/10/2024')).toBe('2024-10-08');
    expect(parseDayText('29.02.2024')).toBe('2024-02-29');
    expect(parseDayText('31/02/2024')).toBeNull();
    expect(parseDayText('29/02/2023')).toBeNull();
    expect(parseDayText('2024-13-01')).toBeNull();
    expect(parseDayText('tháng 10')).toBeNull();
  });

  it('reads an enum from its value or its label in either language, marks or not', () => {
    const kinds = ['mou', 'agreement'] as const;
    expect(parseEnum('agreementKind', kinds, 'Bản ghi nhớ')).toBe('mou');
    expect(parseEnum('agreementKind', kinds, 'ban ghi nho')).toBe('mou');
    expect(parseEnum('agreementKind', kinds, 'Memorandum of understanding')).toBe('mou');
    expect(parseEnum('agreementKind', kinds, 'agreement')).toBe('agreement');
    expect(parseEnum('agreementKind', kinds, 'Hợp đồng')).toBeNull();
  });

  it('reads yes and no in both languages', () => {
    expect(['Có', 'yes', 'TRUE', 'x'].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(['Không', 'No', 'false', '0'].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(parseBoolean('có lẽ')).toBeNull();
  });
});
