import { describe, expect, it } from 'vitest';
import { findFieldMessage, isPathUnder, listUnplacedErrors } from './field-errors.ts';

describe('field errors', () => {
  const errors = [
    { path: 'partyIds.0', message: 'refers to no existing partner' },
    { path: 'participants.1.personId', message: 'must be a record id (UUID)' },
    { path: 'statusChangedOn', message: 'is not a real calendar date' },
  ];

  it('puts an error on an item of a list next to the list’s control', () => {
    expect(findFieldMessage(errors, 'partyIds')).toBe('refers to no existing partner');
    expect(findFieldMessage(errors, 'participants.1')).toBe('must be a record id (UUID)');
    expect(findFieldMessage(errors, 'participants.0')).toBeUndefined();
  });

  it('names the line of an item when one text box shows every item', () => {
    const lineErrors = [
      { path: 'connectionPoints.2', message: 'is too long' },
      { path: 'connectionPoints', message: 'has too many items' },
    ];
    expect(findFieldMessage(lineErrors, 'connectionPoints', (index) => `Line ${index + 2}`)).toBe(
      'Line 4: is too long; has too many items',
    );
    expect(findFieldMessage(lineErrors, 'connectionPoints', () => undefined)).toBe(
      'is too long; has too many items',
    );
  });

  it('does not mistake a field for another that starts with its name', () => {
    expect(isPathUnder('partyIdsExtra', 'partyIds')).toBe(false);
  });

  it('lists what no field claims', () => {
    expect(listUnplacedErrors(errors, ['partyIds', 'participants'])).toEqual([errors[2]]);
  });
});
