import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../../common/contracts/common.ts';
import {
  changeOwnPassword,
  createUser,
  loginRequest,
  sessionUser,
  updateUser,
  userListQuery,
  userRecord,
} from '../../../common/contracts/users.ts';
import {
  adminRoles,
  clearSessionCookie,
  currentTokenHash,
  readRoles,
  requireRole,
  sessionCookie,
  setSessionCookie,
} from '../../http/auth.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import { LoginThrottledError } from './users.errors.ts';
import type { UsersService } from './users.service.ts';

/** Tells a throttled client, in the standard header, when to try again. */
async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof LoginThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}

export function registerUsersRoutes(
  app: FastifyInstance,
  service: UsersService,
  options: { loginAttemptsPerMinute: number },
) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: loginRequest,
        response: { 200: z.object({ user: sessionUser }), 400: problem, 401: problem, 429: problem },
      },
    },
    async (request, reply) => {
      const { token, user } = await withRetryAfter(reply, () =>
        service.logIn(request.body.email, request.body.password, {
          clientAddress: request.ip,
          failuresPerAddress: options.loginAttemptsPerMinute,
        }),
      );
      setSessionCookie(request, reply, token);
      return { user };
    },
  );

  typed.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await service.logOut(token);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/v1/me',
    {
      onRequest: requireRole(readRoles),
      schema: { tags: ['auth'], response: { 200: sessionUser, 401: problem } },
    },
    (request) => request.user!,
  );

  typed.post(
    '/api/v1/me/password',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['auth'],
        body: changeOwnPassword,
        response: { 204: z.null(), 400: problem, 401: problem, 429: problem },
      },
    },
    async (request, reply) => {
      await withRetryAfter(reply, () =>
        service.changeOwnPassword(request.user!, request.body, currentTokenHash(request)),
      );
      return reply.code(204).send(null);
    },
  );

  typed.post(
    '/api/v1/me/sessions/end-others',
    {
      onRequest: requireRole(readRoles),
      schema: { tags: ['auth'], response: { 200: z.object({ ended: z.number().int() }), 401: problem } },
    },
    async (request) => ({
      ended: await service.endOtherSessions(request.user!.id, currentTokenHash(request)),
    }),
  );

  registerCollectionRoutes(app, {
    path: '/api/v1/users',
    tag: 'users',
    record: userRecord,
    create: createUser,
    update: updateUser,
    listQuery: userListQuery,
    service,
    roles: { read: adminRoles, write: adminRoles },
  });
}
