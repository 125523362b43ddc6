import { describe, expect, it } from 'vitest';
import { findLineOfItem, listChanges, readValues, splitLines } from './form-values.ts';
import type { EditField } from './record-form.tsx';

const fields: EditField[] = [
  { name: 'connectionPoints', kind: 'lines' },
  { name: 'statusChangedOn', kind: 'date', isWriteOnly: true },
  { name: 'location', kind: 'text' },
];
const record = { connectionPoints: ['Hà Nội', 'Minsk'], location: 'Hà Nội' };

describe('form values', () => {
  it('shows a list of short texts one per line and sends only what changed', () => {
    const values = readValues(record, fields);
    expect(values.connectionPoints).toBe('Hà Nội\nMinsk');
    expect(listChanges(fields, values, record)).toEqual({});
    const edited = { ...values, connectionPoints: 'Hà Nội\n\n  Minsk \nMoskva' };
    expect(listChanges(fields, edited, record)).toEqual({ connectionPoints: ['Hà Nội', 'Minsk', 'Moskva'] });
  });

  it('sends an empty list when every line is cleared', () => {
    const values = { ...readValues(record, fields), connectionPoints: ' \n' };
    expect(listChanges(fields, values, record)).toEqual({ connectionPoints: [] });
  });

  it('sends a write-only date when one is typed and nothing when it is left empty', () => {
    const values = readValues(record, fields);
    expect(values.statusChangedOn).toBe('');
    expect(listChanges(fields, values, record)).toEqual({});
    expect(listChanges(fields, { ...values, statusChangedOn: '2025-09-12' }, record)).toEqual({
      statusChangedOn: '2025-09-12',
    });
  });

  it('drops blank lines and spaces around each item', () => {
    expect(splitLines('  a \n\n b\n')).toEqual(['a', 'b']);
  });

  it('finds the line the user sees for an item the server names', () => {
    const text = 'Hà Nội\n\nMinsk\n  \nMoskva';
    expect(findLineOfItem(text, 0)).toBe(1);
    expect(findLineOfItem(text, 1)).toBe(3);
    expect(findLineOfItem(text, 2)).toBe(5);
    expect(findLineOfItem(text, 3)).toBeUndefined();
  });
});

describe('a publication time', () => {
  const timeFields: EditField[] = [{ name: 'publishedAt', kind: 'datetime' }];
  const source = { publishedAt: '2025-06-05T02:30:00.000Z' };

  it('reads back unchanged, so an untouched time is not sent', () => {
    const values = readValues(source, timeFields);
    expect(values.publishedAt).toMatch(/^2025-06-0[45]T\d\d:30$/);
    expect(listChanges(timeFields, values, source)).toEqual({});
  });

  it('sends a corrected time as an instant, and a cleared one as null', () => {
    const values = readValues(source, timeFields);
    const corrected = String(values.publishedAt).replace(/:30$/, ':45');
    expect(listChanges(timeFields, { publishedAt: corrected }, source)).toEqual({
      publishedAt: '2025-06-05T02:45:00.000Z',
    });
    expect(listChanges(timeFields, { publishedAt: '' }, source)).toEqual({ publishedAt: null });
  });
});
