import { and, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { LoginThrottledError } from './users.errors.ts';
import { loginThrottles } from './users.table.ts';

// Two counts guard every password check. The address count is generous (an office behind one NAT
// shares it) and only counts failures, so colleagues' typos do not lock out the right password;
// it stops one machine trying many accounts. The account count is strict with exponential back-off
// and holds whatever address the guesses come from; a successful sign-in clears it.
//
// An attempt is charged before the password is checked, in one statement that refuses it while
// the key is blocked, so parallel guesses cannot all slip through before the first failure lands.

type Policy = {
  /** How long a count lasts before it starts over. */
  windowSeconds: number;
  /** blocked_until for a key after this attempt, from the new count and the start of the count. */
  blockedUntil: (failures: SQL, countedSince: SQL) => SQL;
};

/** Failures an account may have before each further one makes it wait. */
export const accountFreeFailures = 5;
/** The first wait; each further failure doubles it, up to accountMaxBackOffSeconds. */
export const accountFirstBackOffSeconds = 2;
const accountMaxBackOffSeconds = 15 * 60;

const accountPolicy: Policy = {
  windowSeconds: 24 * 60 * 60,
  blockedUntil: (failures) => sql`case when ${failures} > ${accountFreeFailures}
    then now() + least(${accountMaxBackOffSeconds}, ${accountFirstBackOffSeconds} * power(2, ${failures} - ${accountFreeFailures} - 1)) * interval '1 second'
    end`,
};

function addressPolicy(failuresPerMinute: number): Policy {
  return {
    windowSeconds: 60,
    blockedUntil: (failures, countedSince) =>
      sql`case when ${failures} >= ${failuresPerMinute} then ${countedSince} + interval '60 seconds' end`,
  };
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export function createLoginThrottles({ db }: { db: Database }) {
  const table = loginThrottles;
  // Column names qualified by hand: inside ON CONFLICT DO UPDATE they must name the stored row.
  const stored = (column: string) => sql.raw(`"login_throttles"."${column}"`);

  /** Counts one attempt against the key; returns the seconds to wait when the key is blocked. */
  async function charge(key: string, policy: Policy): Promise<number | null> {
    const isCountOver = sql`${stored('counted_since')} <= now() - ${policy.windowSeconds} * interval '1 second'`;
    const failures = sql`case when ${isCountOver} then 1 else ${stored('failures')} + 1 end`;
    const countedSince = sql`case when ${isCountOver} then now() else ${stored('counted_since')} end`;
    const charged = await db
      .insert(table)
      .values({
        key,
        failures: 1,
        countedSince: sql`now()`,
        blockedUntil: policy.blockedUntil(sql`1`, sql`now()`),
      })
      .onConflictDoUpdate({
        target: table.key,
        set: { failures, countedSince, blockedUntil: policy.blockedUntil(failures, countedSince) },
        setWhere: sql`${stored('blocked_until')} is null or ${stored('blocked_until')} <= now()`,
      })
      .returning({ key: table.key });
    if (charged.length > 0) return null;
    const [blocked] = await db
      .select({ seconds: sql<number>`ceil(extract(epoch from ${table.blockedUntil} - now()))::int` })
      .from(table)
      .where(eq(table.key, key));
    return Math.max(1, Number(blocked?.seconds ?? 1));
  }

  async function refundAddress(address: string) {
    await db
      .update(table)
      .set({ failures: sql`greatest(${table.failures} - 1, 0)`, blockedUntil: null })
      .where(eq(table.key, addressKey(address)));
  }

  return {
    /** Charges the attempt to the address and the account, or refuses it with 429. */
    async admit(email: string, address: string, failuresPerAddress: number): Promise<void> {
      const addressWait = await charge(addressKey(address), addressPolicy(failuresPerAddress));
      if (addressWait !== null) {
        throw new LoginThrottledError(
          addressWait,
          `Too many failed sign-ins from this address. Try again in ${addressWait} seconds.`,
        );
      }
      await this.admitAccount(email, address);
    },

    /** Charges the attempt to the account alone (a signed-in user confirming their password). */
    async admitAccount(email: string, address?: string): Promise<void> {
      const accountWait = await charge(accountKey(email), accountPolicy);
      if (accountWait === null) return;
      // The attempt never happened, so it must not count against the address either.
      if (address !== undefined) await refundAddress(address);
      throw new LoginThrottledError(
        accountWait,
        `Too many failed sign-ins for this account. Try again in ${accountWait} seconds.`,
      );
    },

    /** The password was right: it was no failure, and the account starts afresh. */
    async succeed(email: string, address?: string): Promise<void> {
      if (address !== undefined) await refundAddress(address);
      await db.delete(table).where(eq(table.key, accountKey(email)));
      // Counts past their window would start over anyway; dropping them here keeps the table small.
      await db
        .delete(table)
        .where(
          and(
            lt(table.countedSince, sql`now() - ${accountPolicy.windowSeconds} * interval '1 second'`),
            or(isNull(table.blockedUntil), lt(table.blockedUntil, sql`now()`)),
          ),
        );
    },
  };
}

export type LoginThrottles = ReturnType<typeof createLoginThrottles>;
