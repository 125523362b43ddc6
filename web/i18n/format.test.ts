import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPublishedAt } from './format.ts';

describe('formatting in Vietnamese (the default language)', () => {
  it('shows portal timestamps as dd/MM/yyyy HH:mm in Vietnam time', () => {
    expect(formatDateTime('2024-10-08T10:06:00Z')).toBe('08/10/2024 17:06');
  });

  it('shows calendar dates without shifting them across time zones', () => {
    expect(formatDate('2024-10-08')).toBe('08/10/2024');
  });

  it('shows a publication without a known time as its date alone, never an invented 12:00', () => {
    expect(formatPublishedAt('2024-10-08T05:00:00.000Z')).toBe('08/10/2024');
    expect(formatPublishedAt('2024-10-08T05:00:01.000Z')).toBe('08/10/2024 12:00');
    expect(formatPublishedAt('2024-10-08T10:06:00Z')).toBe('08/10/2024 17:06');
  });
});
