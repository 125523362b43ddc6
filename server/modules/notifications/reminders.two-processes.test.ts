import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { readConfig, readTestDatabaseConfig } from '../../config.ts';
import { type DatabaseHandle, openPostgres } from '../../db/client.ts';
import { createTestDatabase } from '../../db/test-database.ts';
import { ensureReferenceData } from '../../seed/reference-data.ts';
import { notifications } from './notifications.table.ts';
import { startSmtpTestServer } from './smtp-test-server.ts';

// Two server processes on one PostgreSQL database run the job at the same moment, three times
// over: every reminder must exist once and reach the SMTP server once. Each app has its own
// connection pool, as two processes would; PGlite is one process's embedded database, so there
// the question does not arise.
const isPostgres = readTestDatabaseConfig().kind === 'postgres';

describe.skipIf(!isPostgres)(
  'reminders with two processes on one PostgreSQL database (PostgreSQL only: PGlite cannot be shared by two processes)',
  () => {
    let first: DatabaseHandle & { url?: string };
    let second: DatabaseHandle;
    let apps: FastifyInstance[];
    let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
    let adminCookie: string;
    const unitEmails: string[] = [];
    const commitmentIds: string[] = [];

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      first = await createTestDatabase();
      await ensureReferenceData(first.db);
      second = await openPostgres(first.url!);
      const config = readConfig({
        LOG_LEVEL: 'silent',
        HOPTAC_SMTP_URL: smtp.url,
        HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      });
      apps = [await buildApp({ config, database: first }), await buildApp({ config, database: second })];
      const [one] = apps as [FastifyInstance];

      const password = 'correct horse battery';
      const login = async (email: string) => {
        const response = await one.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password },
        });
        const raw = response.headers['set-cookie'];
        return (Array.isArray(raw) ? raw[0] : raw)!.split(';')[0]!;
      };
      const { createServices } = await import('../../services.ts');
      const { createExtractionPool } = await import('../../extraction/extraction-pool.ts');
      const extraction = createExtractionPool(config);
      const services = createServices({ db: first.db, extraction });
      const actor = { userId: null, email: 'test' };
      await services.users.create(
        { email: 'admin@two.test', password, role: 'admin', organisationId: null },
        actor,
      );
      adminCookie = await login('admin@two.test');
      for (let unitIndex = 0; unitIndex < 3; unitIndex += 1) {
        const unit = await services.organisations.create(
          { nameVi: `Bệnh viện số ${unitIndex}`, kind: 'hospital', countryCode: 'VN' } as never,
          actor,
        );
        for (let userIndex = 0; userIndex < 2; userIndex += 1) {
          const email = `unit${unitIndex}-${userIndex}@two.test`;
          unitEmails.push(email);
          await services.users.create({ email, password, role: 'unit', organisationId: unit.id }, actor);
        }
        for (let item = 0; item < 10; item += 1) {
          const commitment = await services.commitments.create(
            { text: `Cam kết ${unitIndex}.${item}`, vnOwnerIds: [unit.id], dueOn: '2026-01-15' } as never,
            actor,
          );
          commitmentIds.push(commitment.id);
        }
      }
      await extraction.close();
    });
    afterAll(async () => {
      for (const app of apps ?? []) await app.close();
      await second?.close();
      await first?.close();
      await smtp?.close();
    });

    it('makes and mails each reminder exactly once', async () => {
      const run = (app: FastifyInstance) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/reminders/run',
          headers: { cookie: adminCookie },
          payload: { on: '2026-03-02' },
        });
      const answers = (await Promise.all([...apps, ...apps, ...apps].map(run))).map((response) => {
        expect(response.statusCode, response.body).toBe(200);
        return response.json();
      });

      const rows = await first.db.select().from(notifications);
      const created = answers.reduce((sum, answer) => sum + answer.created, 0);
      const emailed = answers.reduce((sum, answer) => sum + answer.remindersEmailed, 0);
      expect(created).toBe(rows.length);
      expect(emailed).toBe(rows.length);
      expect(rows.every((row) => row.emailedAt !== null)).toBe(true);

      // Each unit user: the ten commitments of their unit, each in exactly one e-mail.
      for (const email of unitEmails) {
        const texts = smtp.messages.filter((mail) => mail.to.includes(email)).map((mail) => mail.text);
        const unitIndex = Number(email.slice(4, 5));
        for (const id of commitmentIds.slice(unitIndex * 10, unitIndex * 10 + 10)) {
          const count = texts.reduce((sum, text) => sum + text.split(`/app/commitments/${id}`).length - 1, 0);
          expect(count, `${email} × ${id}`).toBe(1);
        }
      }
      // And every reminder of every recipient (the admin's legal clocks too) reached the server once.
      const links = smtp.messages.flatMap((mail) =>
        [...mail.text.matchAll(/^ {2}(\S+)$/gm)].map((match) => `${mail.to.join(',')} ${match[1]}`),
      );
      expect(new Set(links).size).toBe(links.length);
      expect(links.length).toBe(rows.length);
    });
  },
);
