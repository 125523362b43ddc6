import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { DatabaseKind } from './db/client.ts';
import { registerPartnersRoutes } from './modules/partners/partners.routes.ts';
import { registerUsersRoutes } from './modules/users/users.routes.ts';
import type { Services } from './services.ts';

export function registerRoutes(
  app: FastifyInstance,
  services: Services,
  { config, databaseKind }: { config: Config; databaseKind: DatabaseKind },
) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) } } },
    () => ({ status: 'ok' as const, db: databaseKind }),
  );
  registerUsersRoutes(app, services.users, { loginAttemptsPerMinute: config.HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE });
  registerPartnersRoutes(app, services.partners);
}
