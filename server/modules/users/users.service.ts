import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type {
  ChangeOwnPassword,
  CreateUser,
  UpdateUser,
  UserListQuery,
  UserRecord,
} from '../../../common/contracts/users.ts';
import type { Database, DatabaseHandle, Executor, Transaction } from '../../db/client.ts';
import { type Actor, createRecordService, matchesText, requireExisting, toIso } from '../../db/records.ts';
import { createSessionToken, hashToken, type SessionUser, sessionLifetimeMs } from '../../http/auth.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { createLoginThrottles } from './login-throttles.service.ts';
import { userErrors } from './users.errors.ts';
import { sessions, users } from './users.table.ts';

type UserRow = typeof users.$inferSelect;

function toUserRecord(row: UserRow, lastSignInAt: Date | null = null): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId,
    isActive: row.isActive,
    passwordChangedAt: toIso(row.passwordChangedAt),
    lastSignInAt: toIso(lastSignInAt),
    version: row.version,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}

/** argon2id is the library's default algorithm (a test checks the stored hash says so). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// zxcvbn-ts's list of the most used passwords (lower case), maintained with the package. Loaded
// on the first password set, so starting the server or a CLI command does not pay for it.
let commonPasswords: Promise<Set<string>> | null = null;

/** Every place a password is set passes here: accounts made by an admin or the CLI, resets,
 * the first administrator, and a user's own change. */
async function refuseCommonPassword(password: string, field: string) {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  if ((await commonPasswords).has(password.toLowerCase())) {
    throw userErrors.commonPassword(
      'This password is one of the most common ones and is guessed first; choose another.',
      [{ path: `body.${field}`, message: 'is one of the most common passwords' }],
    );
  }
}

/** Refuses, inside the write's transaction, to leave the system without an active admin. Locks
 * the admin rows so two admins demoting each other at once cannot both succeed. */
async function requireAnotherActiveAdmin(executor: Executor, userId: string) {
  const admins = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true)))
    .for('update');
  if (!admins.some((admin) => admin.id !== userId)) {
    throw userErrors.lastAdmin(
      'Refuses to remove or demote the last active admin: make another account an active admin first.',
    );
  }
}

type UserRowLike = { id: string; role: string; isActive: boolean };

const isActiveAdmin = (row: UserRowLike) => row.role === 'admin' && row.isActive;

/** The newest session each user still has; sessions are the only trace of a sign-in kept. */
async function lastSignIns(executor: Executor, userIds: string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await executor
    .select({ userId: sessions.userId, at: sql<Date | string>`max(${sessions.createdAt})` })
    .from(sessions)
    .where(inArray(sessions.userId, userIds))
    .groupBy(sessions.userId);
  return new Map(rows.map((row) => [row.userId, new Date(row.at)]));
}

let decoyHash: Promise<string> | null = null;

/** Sessions resolved in the last few seconds, so a page's burst of API calls costs one lookup.
 * Cleared on sign-out and on any account change in this process; with several server processes
 * a disabled account keeps access for at most this long. */
const sessionCacheMs = 5_000;

/** The NOTIFY channel on which processes tell each other to drop cached sessions. */
export const sessionsChannel = 'hoptac_sessions';

/** last_seen_at is written at most this often per session: the idle timeout needs minutes, not
 * a write on every request. */
const sessionTouchMs = 60_000;

export type LoginPolicy = { clientAddress: string; failuresPerAddress: number };

export function createUsersService({ db }: { db: Database }) {
  const sessionCache = new Map<string, { user: SessionUser | null; until: number }>();
  /** Off while this process may miss other processes' notices (see listenForSessionChanges). */
  let isCaching = true;

  /** Drops cached sessions here and tells every other process on the database to do the same:
   * one token's, or all of them (an account changed). */
  async function forgetSessions(tokenHash = ''): Promise<void> {
    if (tokenHash) sessionCache.delete(tokenHash);
    else sessionCache.clear();
    await db.execute(sql`select pg_notify(${sessionsChannel}, ${tokenHash})`);
  }

  const throttles = createLoginThrottles({ db });
  const records = createRecordService<typeof users, UserRecord, CreateUser, UpdateUser>({
    db,
    table: users,
    recordType: 'user',
    noun: 'user',
    toRecords: async (executor, rows) => {
      const signedIn = await lastSignIns(
        executor,
        rows.map((row) => row.id),
      );
      return rows.map((row) => toUserRecord(row, signedIn.get(row.id) ?? null));
    },
    searchWords: (values) => [values.email as string, values.displayName as string],
    checkInput: async (executor, values, current) => {
      await requireExisting(
        executor,
        organisations,
        values.organisationId ? [values.organisationId] : [],
        'organisation',
        'organisationId',
      );
      const role = values.role ?? current?.role;
      const organisationId =
        values.organisationId !== undefined ? values.organisationId : current?.organisationId;
      if (current && isActiveAdmin(current)) {
        const isDemoted = values.role !== undefined && values.role !== 'admin';
        if (isDemoted || (values as Partial<UpdateUser>).isActive === false)
          await requireAnotherActiveAdmin(executor, current.id);
      }
      if (role === 'unit' && !organisationId) {
        throw userErrors.unitNeedsOrganisation(
          'A unit account must belong to an organisation (organisationId).',
          [{ path: 'body.organisationId', message: 'is required for the unit role' }],
        );
      }
      if (!current && values.email) {
        const [taken] = await executor
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, values.email.toLowerCase()));
        if (taken)
          throw userErrors.emailTaken(`An account for ${values.email} already exists.`, undefined, {
            email: values.email,
          });
      }
    },
    checkDeletable: async (executor, id) => {
      const [row] = await executor.select().from(users).where(eq(users.id, id));
      if (row && isActiveAdmin(row)) await requireAnotherActiveAdmin(executor, id);
    },
    deriveValues: (values, current) => {
      const derived: Record<string, unknown> = {};
      if (typeof values.email === 'string') derived.email = values.email.toLowerCase();
      if (typeof values.passwordHashed === 'string') {
        derived.passwordHash = values.passwordHashed;
        // The audit image shows this moment change; the hash itself never enters the trail.
        if (current) derived.passwordChangedAt = new Date();
      }
      return derived;
    },
  });

  async function withHashedPassword<T extends { password?: string }>(input: T) {
    const { password, ...rest } = input;
    if (!password) return rest;
    await refuseCommonPassword(password, 'password');
    return { ...rest, passwordHashed: await hashPassword(password) };
  }

  // Verifying against a fixed hash when there is no usable account keeps the timing of "no such
  // user" and "wrong password" alike, so logins cannot be used to list accounts.
  async function isPasswordRight(passwordHash: string | undefined, password: string): Promise<boolean> {
    if (passwordHash === undefined) {
      decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verify(await decoyHash, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }

  /** Ends the user's sessions, all of them or all but the one kept; returns how many ended. */
  async function endSessions(executor: Executor, userId: string, keptTokenHash?: string) {
    const ended = await executor
      .delete(sessions)
      .where(
        and(eq(sessions.userId, userId), keptTokenHash ? ne(sessions.tokenHash, keptTokenHash) : undefined),
      )
      .returning({ tokenHash: sessions.tokenHash });
    return ended.length;
  }

  return {
    /** After a change to accounts made elsewhere (a merge moving unit accounts). */
    forgetCachedSessions: () => forgetSessions(),
    ...records,
    list: (query: UserListQuery) =>
      records.list({
        ids: query.ids,
        where: [matchesText(users, query.q), query.role ? eq(users.role, query.role) : undefined],
        sort: { email: users.email, role: users.role, updatedAt: users.updatedAt }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),
    create: async (input: CreateUser, actor: Actor) =>
      records.create((await withHashedPassword(input)) as unknown as CreateUser, actor),
    /** A new password set here (an admin's reset, the CLI) ends every session of the user;
     * so does disabling the account. */
    update: async (id: string, input: UpdateUser, actor: Actor) => {
      const values = (await withHashedPassword(input)) as unknown as UpdateUser;
      const updated = await db.transaction(async (tx) => {
        const record = await records.update(id, values, actor, tx);
        if (input.password || input.isActive === false) await endSessions(tx, id);
        return record;
      });
      await forgetSessions();
      return updated;
    },
    /** An edit inside a caller's transaction that touches neither password nor sessions (a unit
     * moved to the organisation replacing its own). */
    updateUnit: (
      id: string,
      input: { version: number; organisationId: string | null },
      actor: Actor,
      tx: Transaction,
    ) => records.update(id, input as UpdateUser, actor, tx),
    remove: async (id: string, version: number, actor: Actor) => {
      await records.remove(id, version, actor);
      await forgetSessions();
    },

    /** Hears other processes' changes (LISTEN), so a disabled account or an ended session stops
     * working everywhere at once; while the listener is down nothing is served from the cache. */
    listenForSessionChanges: (database: Pick<DatabaseHandle, 'listen'>) =>
      database.listen(
        sessionsChannel,
        (tokenHash) => (tokenHash ? sessionCache.delete(tokenHash) : sessionCache.clear()),
        (isLive) => {
          isCaching = isLive;
          sessionCache.clear();
        },
      ),

    async countUsers(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return Number(row?.n ?? 0);
    },

    async findByEmail(email: string): Promise<UserRecord | null> {
      const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      return row ? toUserRecord(row) : null;
    },

    /** Checks the password under the address and account limits and opens a session; returns
     * the cookie token. */
    async logIn(
      email: string,
      password: string,
      policy: LoginPolicy,
    ): Promise<{ token: string; user: SessionUser }> {
      await throttles.admit(email, policy.clientAddress, policy.failuresPerAddress);
      const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      const usable = row?.isActive ? row : undefined;
      if (!(await isPasswordRight(usable?.passwordHash, password)) || !usable) {
        throw userErrors.badCredentials('The e-mail or password is wrong.');
      }
      await throttles.succeed(email, policy.clientAddress);
      const token = createSessionToken();
      await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
      await db.insert(sessions).values({
        tokenHash: hashToken(token),
        userId: usable.id,
        expiresAt: new Date(Date.now() + sessionLifetimeMs),
      });
      return {
        token,
        user: {
          id: usable.id,
          email: usable.email,
          displayName: usable.displayName,
          role: usable.role,
          organisationId: usable.organisationId,
        },
      };
    },

    /** The signed-in user's own change: the current password is required (and counted like a
     * sign-in, so a borrowed session cannot guess it), the user's other sessions end. */
    async changeOwnPassword(user: SessionUser, input: ChangeOwnPassword, keptTokenHash: string) {
      await refuseCommonPassword(input.newPassword, 'newPassword');
      await throttles.admitAccount(user.email);
      const [row] = await db.select().from(users).where(eq(users.id, user.id));
      if (!row || !(await isPasswordRight(row.passwordHash, input.currentPassword))) {
        throw userErrors.wrongCurrentPassword('The current password is wrong.', [
          { path: 'body.currentPassword', message: 'is wrong' },
        ]);
      }
      await throttles.succeed(user.email);
      const passwordHashed = await hashPassword(input.newPassword);
      const actor = { userId: user.id, email: user.email };
      await db.transaction(async (tx) => {
        const [locked] = await tx.select().from(users).where(eq(users.id, user.id)).for('update');
        const change = { version: locked?.version ?? row.version, passwordHashed };
        await records.update(user.id, change as unknown as UpdateUser, actor, tx);
        await endSessions(tx, user.id, keptTokenHash);
      });
      await forgetSessions();
    },

    /** "Sign out everywhere else": ends every session of the user but the one asking. */
    async endOtherSessions(userId: string, keptTokenHash: string): Promise<number> {
      const ended = await endSessions(db, userId, keptTokenHash);
      await forgetSessions();
      return ended;
    },

    async logOut(token: string): Promise<void> {
      await forgetSessions(hashToken(token));
      await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
    },

    /** The user of a live session: not past its absolute lifetime, not idle longer than idleMs,
     * the account active. */
    async findUserBySession(tokenHash: string, idleMs: number): Promise<SessionUser | null> {
      const now = Date.now();
      const cached = sessionCache.get(tokenHash);
      if (isCaching && cached && cached.until > now) return cached.user;
      const [row] = await db
        .select({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          role: users.role,
          organisationId: users.organisationId,
          lastSeenAt: sessions.lastSeenAt,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            eq(sessions.tokenHash, tokenHash),
            gt(sessions.expiresAt, new Date(now)),
            gt(sessions.lastSeenAt, new Date(now - idleMs)),
            eq(users.isActive, true),
          ),
        );
      const { lastSeenAt, ...user } = row ?? {};
      if (lastSeenAt && now - new Date(lastSeenAt).getTime() > sessionTouchMs) {
        await db
          .update(sessions)
          .set({ lastSeenAt: new Date(now) })
          .where(eq(sessions.tokenHash, tokenHash));
      }
      const found = row ? (user as SessionUser) : null;
      if (sessionCache.size > 10_000) sessionCache.clear();
      sessionCache.set(tokenHash, { user: found, until: now + sessionCacheMs });
      return found;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;

/** On first start with no accounts: creates the administrator. Returns the generated password
 * (to print once) when none was configured, otherwise null. */
export async function ensureInitialAdmin(
  service: UsersService,
  { email, password }: { email: string; password: string | undefined },
): Promise<{ email: string; generatedPassword: string | null } | null> {
  if ((await service.countUsers()) > 0) return null;
  const chosen = password ?? randomBytes(12).toString('base64url');
  await service.create(
    { email, password: chosen, role: 'admin', displayName: 'Administrator' },
    { userId: null, email: 'system' },
  );
  return { email, generatedPassword: password ? null : chosen };
}
