import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/http.ts';
import { describeSaveError } from './save-error.ts';

// Keys stand for their texts: what matters is which message is chosen.
const t = ((key: string) => key) as unknown as TFunction;

describe('describing a failed agreement save', () => {
  it('says nothing before anything failed', () => {
    expect(describeSaveError(t, null).message).toBeUndefined();
  });

  it('tells a refused step apart from a stale version', () => {
    const refused = new ApiError(400, 'agreements.transition_not_allowed', 'Cannot move', []);
    expect(describeSaveError(t, refused).message).toBe('lifecycle.notAllowed');
    const stale = new ApiError(409, 'records.version_conflict', 'Stale', []);
    expect(describeSaveError(t, stale).message).toBe('lifecycle.conflict');
  });

  it('puts the server’s message on a document slot’s field by its place in the list', () => {
    const invalid = new ApiError(400, 'validation.failed', 'Invalid', [
      { path: 'documents.1.number', message: 'must not be empty' },
    ]);
    const { message, errorFor } = describeSaveError(t, invalid);
    expect(message).toBe('detail.fixErrors');
    expect(errorFor('documents.1.number')).toBe('must not be empty');
    expect(errorFor('documents.0.number')).toBeUndefined();
  });
});
