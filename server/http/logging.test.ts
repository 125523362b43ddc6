import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { createExtractionPool } from '../extraction/extraction-pool.ts';
import { createServices } from '../services.ts';

// Sources are drafted in the reader's pool; this file's own, closed when it ends.
const extraction = createExtractionPool(readConfig({ LOG_LEVEL: 'silent' }));
afterAll(() => extraction.close());

// What the server logs when a query fails must not carry the query's parameters: here they hold
// an argon2id hash of a new user's password.

let database: DatabaseHandle;
let app: FastifyInstance;
const logged: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logged.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ config: readConfig({ LOG_LEVEL: 'info' }), database, logStream });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('logging a failed query', () => {
  it('logs the error without its parameters, so no password hash reaches the log', async () => {
    const actor = { userId: null, email: 'test' };
    await createServices({ db: database.db, extraction }).users.create(
      { email: 'admin@log.test', password: 'correct horse battery', role: 'admin', organisationId: null },
      actor,
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@log.test', password: 'correct horse battery' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    // A rule the application does not know makes the insert fail with an unmapped error (500).
    await database.db.execute(
      sql.raw(`alter table users add constraint no_log_test check (email <> 'victim@log.test')`),
    );
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload: { email: 'victim@log.test', password: 'a secret nobody logs', role: 'viewer' },
    });
    expect(response.statusCode).toBe(500);

    const log = logged.join('');
    expect(log).not.toContain('$argon2id$');
    expect(log).toContain('no_log_test');
    expect(log).toContain('params: [redacted]');
    expect(log).not.toContain('a secret nobody logs');
    expect(log).not.toContain(cookie.split('=')[1]);
  });
});
