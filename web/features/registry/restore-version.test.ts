import { describe, expect, it } from 'vitest';
import { editFields } from './registry-fields.ts';
import { buildRestorePatch } from './restore-version.ts';

describe('buildRestorePatch', () => {
  const current = {
    id: 'a',
    version: 3,
    titleVi: 'Tên mới',
    titleEn: '',
    status: 'signed',
    statusChangedOn: null,
    areaIds: ['research'],
    allowedTransitions: ['in_force'],
  };

  it('sends only the editable fields that differ, with the current version', () => {
    const earlier = {
      ...current,
      version: 1,
      titleVi: 'Tên cũ',
      titleEn: null,
      areaIds: [],
      allowedTransitions: [],
    };
    expect(buildRestorePatch(editFields.agreements, current, earlier)).toEqual({
      version: 3,
      titleVi: 'Tên cũ',
      areaIds: [],
    });
  });

  it('has nothing to send when the earlier version reads as today', () => {
    expect(buildRestorePatch(editFields.agreements, current, { ...current, version: 2 })).toBeNull();
  });
});
