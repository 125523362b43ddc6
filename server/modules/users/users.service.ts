import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { CreateUser, UpdateUser, UserListQuery, UserRecord } from '../../../common/contracts/users.ts';
import type { Database } from '../../db/client.ts';
import { type Actor, createRecordService, matchesText, requireExisting, toIso } from '../../db/records.ts';
import { createSessionToken, hashToken, type SessionUser, sessionLifetimeMs } from '../../http/auth.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { userErrors } from './users.errors.ts';
import { sessions, users } from './users.table.ts';

type UserRow = typeof users.$inferSelect;

function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId,
    isActive: row.isActive,
    version: row.version,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}

/** argon2id is the library's default algorithm (a test checks the stored hash says so). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a fixed hash when the e-mail is unknown keeps the timing of "no such user"
// and "wrong password" alike, so logins cannot be used to list accounts.
let decoyHash: Promise<string> | null = null;

/** Sessions resolved in the last few seconds, so a page's burst of API calls costs one lookup.
 * Cleared on sign-out and on any account change in this process; with several server processes
 * a disabled account keeps access for at most this long. */
const sessionCacheMs = 5_000;

export function createUsersService({ db }: { db: Database }) {
  const sessionCache = new Map<string, { user: SessionUser | null; until: number }>();
  const records = createRecordService<typeof users, UserRecord, CreateUser, UpdateUser>({
    db,
    table: users,
    recordType: 'user',
    noun: 'user',
    toRecords: async (_executor, rows) => rows.map(toUserRecord),
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
        if (taken) throw userErrors.emailTaken(`An account for ${values.email} already exists.`);
      }
    },
    deriveValues: (values) => {
      const derived: Record<string, unknown> = {};
      if (typeof values.email === 'string') derived.email = values.email.toLowerCase();
      if (typeof values.passwordHashed === 'string') derived.passwordHash = values.passwordHashed;
      return derived;
    },
  });

  async function withHashedPassword<T extends { password?: string }>(input: T) {
    const { password, ...rest } = input;
    return password ? { ...rest, passwordHashed: await hashPassword(password) } : rest;
  }

  return {
    ...records,
    list: (query: UserListQuery) =>
      records.list({
        ids: query.ids,
        where: [matchesText(users.searchText, query.q), query.role ? eq(users.role, query.role) : undefined],
        sort: { email: users.email, role: users.role, updatedAt: users.updatedAt }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),
    create: async (input: CreateUser, actor: Actor) =>
      records.create((await withHashedPassword(input)) as unknown as CreateUser, actor),
    update: async (id: string, input: UpdateUser, actor: Actor) => {
      const updated = await records.update(
        id,
        (await withHashedPassword(input)) as unknown as UpdateUser,
        actor,
      );
      sessionCache.clear();
      return updated;
    },
    remove: async (id: string, version: number, actor: Actor) => {
      await records.remove(id, version, actor);
      sessionCache.clear();
    },

    async countUsers(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return Number(row?.n ?? 0);
    },

    async findByEmail(email: string): Promise<UserRecord | null> {
      const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      return row ? toUserRecord(row) : null;
    },

    /** Checks the password and opens a session; returns the cookie token. */
    async logIn(email: string, password: string): Promise<{ token: string; user: SessionUser }> {
      const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      if (!row?.isActive) {
        decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
        await verify(await decoyHash, password).catch(() => false);
        throw userErrors.badCredentials('The e-mail or password is wrong.');
      }
      const isValid = await verify(row.passwordHash, password).catch(() => false);
      if (!isValid) throw userErrors.badCredentials('The e-mail or password is wrong.');
      const token = createSessionToken();
      await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
      await db.insert(sessions).values({
        tokenHash: hashToken(token),
        userId: row.id,
        expiresAt: new Date(Date.now() + sessionLifetimeMs),
      });
      return {
        token,
        user: {
          id: row.id,
          email: row.email,
          displayName: row.displayName,
          role: row.role,
          organisationId: row.organisationId,
        },
      };
    },

    async logOut(token: string): Promise<void> {
      sessionCache.delete(hashToken(token));
      await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
    },

    async findUserBySession(tokenHash: string): Promise<SessionUser | null> {
      const now = Date.now();
      const cached = sessionCache.get(tokenHash);
      if (cached && cached.until > now) return cached.user;
      const [row] = await db
        .select({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          role: users.role,
          organisationId: users.organisationId,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            eq(sessions.tokenHash, tokenHash),
            gt(sessions.expiresAt, new Date()),
            eq(users.isActive, true),
          ),
        );
      if (sessionCache.size > 10_000) sessionCache.clear();
      sessionCache.set(tokenHash, { user: row ?? null, until: now + sessionCacheMs });
      return row ?? null;
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
