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

  it('reads HOPTAC_TRUST_PROXY as a hop count or a list of proxy addresses and ranges', () => {
    const trusted = (value: string) => readConfig({ HOPTAC_TRUST_PROXY: value }).HOPTAC_TRUST_PROXY;
    expect(trusted('0')).toEqual({ hops: 0 });
    expect(trusted('1')).toEqual({ hops: 1 });
    expect(trusted('true')).toEqual({ hops: 1 });
    expect(trusted('2')).toEqual({ hops: 2 });
    expect(trusted('10.0.0.1, 172.16.0.0/12,loopback')).toEqual({
      addresses: ['10.0.0.1', '172.16.0.0/12', 'loopback'],
    });
    for (const bad of ['10.0.0.0/33', '10.0.0.300', 'proxy.local']) {
      expect(() => readConfig({ HOPTAC_TRUST_PROXY: bad })).toThrow(ConfigError);
    }
  });
});
