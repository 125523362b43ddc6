import { describe, expect, it } from 'vitest';
import { limits } from '../../../common/domain/limits.ts';
import { generateOneTimePassword } from './one-time-password.ts';

describe('generateOneTimePassword', () => {
  it('is long enough for the server, free of look-alike characters, and different each time', () => {
    const made = Array.from({ length: 200 }, () => generateOneTimePassword());
    for (const password of made) {
      expect(password.length).toBeGreaterThanOrEqual(limits.passwordMin);
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    }
    expect(new Set(made).size).toBe(made.length);
  });
});
