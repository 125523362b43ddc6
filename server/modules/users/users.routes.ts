import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../../common/contracts/common.ts';
import {
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
  readRoles,
  requireRole,
  sessionCookie,
  setSessionCookie,
} from '../../http/auth.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import type { UsersService } from './users.service.ts';

export function registerUsersRoutes(
  app: FastifyInstance,
  service: UsersService,
  options: { loginAttemptsPerMinute: number },
) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/auth/login',
    {
      config: { rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: loginRequest,
        response: { 200: z.object({ user: sessionUser }), 400: problem, 401: problem, 429: problem },
      },
    },
    async (request, reply) => {
      const { token, user } = await service.logIn(request.body.email, request.body.password);
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
