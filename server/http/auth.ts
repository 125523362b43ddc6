import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../common/domain/enums.ts';
import type { TrustedProxies } from '../config.ts';
import type { Actor } from '../db/records.ts';
import { commonErrors } from './errors.ts';

export const sessionCookie = 'hoptac_session';
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
};

export type SessionStore = {
  findUserBySession(tokenHash: string, idleMs: number): Promise<SessionUser | null>;
};

declare module 'fastify' {
  interface FastifyInstance {
    findSessionUser(tokenHash: string): Promise<SessionUser | null>;
  }
  interface FastifyRequest {
    /** Set by requireRole; routes without it (portal, health, static files) never load a session. */
    user: SessionUser | null;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Makes the session store available to requireRole, which resolves the cookie only for the
 * routes that need a user: public reads and static files cost no database lookup. */
export function registerSessionLoader(
  app: FastifyInstance,
  store: SessionStore,
  { idleMinutes }: { idleMinutes: number },
) {
  app.decorate('findSessionUser', (tokenHash: string) =>
    store.findUserBySession(tokenHash, idleMinutes * 60_000),
  );
  app.decorateRequest('user', null);
}

/** Fastify's trustProxy for the configured proxies. Fastify reads a bare number as "trust
 * nothing", so a hop count becomes the function it would otherwise build: trust the `hops`
 * addresses nearest the server, and take the client address from the entry before them. */
export function toTrustProxy(
  proxies: TrustedProxies,
): false | string[] | ((address: string, hop: number) => boolean) {
  if ('addresses' in proxies) return proxies.addresses;
  if (proxies.hops === 0) return false;
  const { hops } = proxies;
  return (_address, hop) => hop < hops;
}

/** The session token hash of the request's cookie, for routes that keep the current session. */
export function currentTokenHash(request: FastifyRequest): string {
  const token = request.cookies[sessionCookie];
  if (!token) throw commonErrors.unauthenticated('Sign in to continue.');
  return hashToken(token);
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: sessionLifetimeMs / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(sessionCookie, { path: '/' });
}

export const readRoles: readonly Role[] = ['admin', 'editor', 'unit', 'viewer'];
export const writeRoles: readonly Role[] = ['admin', 'editor'];
export const adminRoles: readonly Role[] = ['admin'];

/** onRequest hook that lets through only signed-in users with one of the roles: it runs before the
 * body is read and validated, so an anonymous caller learns nothing of a route's fields. */
export function requireRole(allowed: readonly Role[]) {
  return async (request: FastifyRequest) => {
    const token = request.cookies[sessionCookie];
    request.user = token ? await request.server.findSessionUser(hashToken(token)) : null;
    if (!request.user) throw commonErrors.unauthenticated('Sign in to continue.');
    if (!allowed.includes(request.user.role)) {
      throw commonErrors.forbidden(`Your role (${request.user.role}) may not do this.`);
    }
  };
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, email: request.user?.email ?? null };
}
