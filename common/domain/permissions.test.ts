import { describe, expect, it } from 'vitest';
import { mayPostProgress } from './permissions.ts';

const commitment = { vnOwnerIds: ['unit-a'], partnerOwnerIds: ['partner-b'] };

describe('mayPostProgress', () => {
  it('lets editors and admins post on any commitment', () => {
    expect(mayPostProgress({ role: 'editor', organisationId: null }, commitment)).toBe(true);
    expect(mayPostProgress({ role: 'admin', organisationId: null }, commitment)).toBe(true);
  });

  it('lets a unit post only where it owns the commitment, on either side', () => {
    expect(mayPostProgress({ role: 'unit', organisationId: 'unit-a' }, commitment)).toBe(true);
    expect(mayPostProgress({ role: 'unit', organisationId: 'partner-b' }, commitment)).toBe(true);
    expect(mayPostProgress({ role: 'unit', organisationId: 'unit-c' }, commitment)).toBe(false);
    expect(mayPostProgress({ role: 'unit', organisationId: null }, commitment)).toBe(false);
  });

  it('refuses viewers and signed-out visitors', () => {
    expect(mayPostProgress({ role: 'viewer', organisationId: 'unit-a' }, commitment)).toBe(false);
    expect(mayPostProgress(null, commitment)).toBe(false);
  });
});
