import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('configuration', () => {
  it('accepts a local administrator address such as admin@localhost', () => {
    expect(readConfig({ HOPTAC_ADMIN_EMAIL: 'admin@localhost' }).HOPTAC_ADMIN_EMAIL).toBe('admin@localhost');
  });

  it('treats an empty variable as unset', () => {
    const config = readConfig({ DATABASE_URL: '', PORT: '' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  it('lists every problem at once', () => {
    try {
      readConfig({ PORT: 'many', DATABASE_URL: 'not a url', HOPTAC_TRUST_PROXY: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((problem) => problem.split(':')[0])).toEqual([
        'PORT',
        'DATABASE_URL',
        'HOPTAC_TRUST_PROXY',
      ]);
    }
  });
});
