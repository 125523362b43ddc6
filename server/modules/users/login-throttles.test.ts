import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { accountFirstBackOffSeconds, accountFreeFailures } from './login-throttles.service.ts';
import { loginThrottles } from './users.table.ts';

// Behind one trusted proxy (hops = 1) that appends the address it sees to X-Forwarded-For.
const proxyAddress = '127.0.0.1';
const failuresPerAddress = 5;
const rightPassword = 'a long right password';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    HOPTAC_TRUST_PROXY: '1',
    HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: String(failuresPerAddress),
  });
  for (const email of ['backoff@moh.gov.vn', 'colleague@moh.gov.vn']) {
    await t.services.users.create(
      { email, password: rightPassword, role: 'editor' },
      { userId: null, email: 'test' },
    );
  }
});
afterAll(() => t.close());

/** A sign-in through the proxy: `forwardedFor` is what the client sent, `clientAddress` what the
 * proxy saw and appended. */
function login(email: string, password: string, clientAddress: string, forwardedFor?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: proxyAddress,
    headers: { 'x-forwarded-for': forwardedFor ? `${forwardedFor}, ${clientAddress}` : clientAddress },
  });
}

/** Time passing, without waiting: the key's block and count lie in the past. */
async function letTimePass(key: string) {
  await t.database.db
    .update(loginThrottles)
    .set({
      blockedUntil: sql`now() - interval '1 second'`,
      countedSince: sql`${loginThrottles.countedSince} - interval '61 seconds'`,
    })
    .where(eq(loginThrottles.key, key));
}

describe('sign-in throttling', () => {
  it('ignores the addresses a client forges in X-Forwarded-For beyond the trusted hops', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const forged = `198.51.100.${attempt + 1}`;
      const response = await login(`spray${attempt}@moh.gov.vn`, 'guess-guess', '203.0.113.9', forged);
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, failuresPerAddress).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(failuresPerAddress)).toEqual(Array(12 - failuresPerAddress).fill(429));
  });

  it('makes one account wait, doubling each time, whatever address the guesses come from', async () => {
    const email = 'backoff@moh.gov.vn';
    const fromNewAddress = (n: number, password = 'guess-guess') => login(email, password, `192.0.2.${n}`);
    for (let attempt = 1; attempt <= accountFreeFailures + 1; attempt++) {
      expect((await fromNewAddress(attempt)).statusCode).toBe(401);
    }
    const waiting = await fromNewAddress(20);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().code).toBe('auth.rate_limited');
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(accountFirstBackOffSeconds);
    // While the account waits, even the right password is not checked.
    expect((await fromNewAddress(21, rightPassword)).statusCode).toBe(429);

    await letTimePass(`account:${email}`);
    expect((await fromNewAddress(22)).statusCode).toBe(401);
    const longer = await fromNewAddress(23);
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(accountFirstBackOffSeconds);
    expect(Number(longer.headers['retry-after'])).toBeLessThanOrEqual(2 * accountFirstBackOffSeconds);

    await letTimePass(`account:${email}`);
    expect((await fromNewAddress(24, rightPassword)).statusCode).toBe(200);
    // A successful sign-in starts the account afresh: the next mistakes are free again.
    expect((await fromNewAddress(25)).statusCode).toBe(401);
    expect((await fromNewAddress(26)).statusCode).toBe(401);
  });

  it("lets the right password in from an office's shared address despite colleagues' mistakes", async () => {
    const office = '203.0.113.50';
    for (let colleague = 0; colleague < failuresPerAddress - 1; colleague++) {
      expect((await login(`typo${colleague}@moh.gov.vn`, 'mistyped', office)).statusCode).toBe(401);
    }
    // Successful sign-ins are not failures: they do not use up the address's allowance.
    for (let repeat = 0; repeat < 3; repeat++) {
      expect((await login('colleague@moh.gov.vn', rightPassword, office)).statusCode).toBe(200);
    }
    expect((await login('typo@moh.gov.vn', 'mistyped', office)).statusCode).toBe(401);
    // Past the address's allowance everyone there waits, but only until the minute is over.
    const waiting = await login('colleague@moh.gov.vn', rightPassword, office);
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(60);
    await letTimePass(`address:${office}`);
    expect((await login('colleague@moh.gov.vn', rightPassword, office)).statusCode).toBe(200);
  });
});
