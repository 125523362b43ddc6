import type { FastifyInstance } from 'fastify';
import type { Role } from '../common/domain/enums.ts';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { createTestDatabase } from './db/test-database.ts';
import { createExtractionPool } from './extraction/extraction-pool.ts';
import { ensureReferenceData } from './seed/reference-data.ts';
import { createServices, type Services } from './services.ts';

export type TestApp = {
  app: FastifyInstance;
  database: DatabaseHandle;
  services: Services;
  /** Creates a user of the role and returns a cookie header for it. */
  signIn(role: Role, organisationId?: string): Promise<{ cookie: string; userId: string }>;
  close(): Promise<void>;
};

let userCounter = 0;

/** The real app over a fresh test database, for HTTP tests through app.inject(). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await ensureReferenceData(database.db);
  const config = readConfig({ LOG_LEVEL: 'silent', HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: '1000', ...env });
  const app = await buildApp({ config, database });
  await app.ready();
  const extraction = createExtractionPool(config);
  const services = createServices({ db: database.db, extraction });
  return {
    app,
    database,
    services,
    async signIn(role, organisationId) {
      userCounter += 1;
      const email = `${role}${userCounter}@test.local`;
      const password = 'correct horse battery';
      const user = await services.users.create(
        { email, password, role, organisationId: organisationId ?? null },
        { userId: null, email: 'test' },
      );
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      });
      const setCookie = response.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      if (!raw) throw new Error(`login failed: ${response.body}`);
      return { cookie: raw.split(';')[0]!, userId: user.id };
    },
    async close() {
      await app.close();
      await extraction.close();
      await database.close();
    },
  };
}
