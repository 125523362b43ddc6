import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { createExtractionPool } from './extraction/extraction-pool.ts';
import { registerSessionLoader, toTrustProxy } from './http/auth.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { createSerializerCompiler, registerListBudget } from './http/list-budget.ts';
import { createLoggerOptions } from './http/logging.ts';
import { registerNulGuard } from './http/nul-guard.ts';
import { registerSameOriginCheck } from './http/same-origin.ts';
import { apiDocsPolicy, registerSecurityHeaders } from './http/security-headers.ts';
import { registerWebApp } from './http/web-app.ts';
import { createLazyImportQueue } from './modules/imports/import-queue.ts';
import { createImportRunner } from './modules/imports/import-runner.ts';
import { createMailer } from './modules/notifications/digest-mail.ts';
import { startReminderSchedule } from './modules/notifications/reminder-schedule.ts';
import { registerRoutes } from './routes.ts';
import { createServices, documentOptionsOf } from './services.ts';

export type AppOptions = {
  config: Config;
  database: DatabaseHandle;
  /** Serves the built web app from config.HOPTAC_WEB_DIR when it exists. */
  isServingWeb?: boolean;
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: DestinationStream;
  /** Runs the daily reminder job on a timer (the serving process; not tests or the CLI). */
  isRunningReminders?: boolean;
};

/** Registers plugins and modules on a new Fastify instance. Never listens: main.ts does. */
export async function buildApp({
  config,
  database,
  isServingWeb = false,
  logStream,
  isRunningReminders = false,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: createLoggerOptions(config.LOG_LEVEL, logStream),
    bodyLimit: config.HOPTAC_BODY_LIMIT,
    trustProxy: toTrustProxy(config.HOPTAC_TRUST_PROXY),
    // One line per request drowns the start-up messages; it is there at debug level.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(config.LOG_LEVEL),
    }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler(config.HOPTAC_LIST_BYTE_LIMIT));
  registerErrorHandler(app);
  await registerSecurityHeaders(app);
  registerSameOriginCheck(app, config.HOPTAC_PUBLIC_URL);
  registerNulGuard(app);
  registerListBudget(app, config.HOPTAC_LIST_BYTE_LIMIT);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.HOPTAC_BODY_LIMIT, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'hoptac API',
        description: 'Registry of international health cooperation: agreements, events, people, commitments.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: apiDocsPolicy });

  const extraction = createExtractionPool(config, {
    isWarm: true,
    // A recogniser that threw leaves its items out of the draft: say which, and why, in the log.
    onReaderFailures: (failures) => app.log.error({ readerFailures: failures }, 'reader recogniser failed'),
  });
  app.addHook('onClose', () => extraction.close());
  const mailer = createMailer({ smtpUrl: config.HOPTAC_SMTP_URL, from: config.HOPTAC_MAIL_FROM });
  app.addHook('onClose', () => mailer.close());
  if (!mailer.isConfigured) {
    app.log.info(
      'No SMTP server configured (HOPTAC_SMTP_URL): reminders are shown in the app only, not e-mailed.',
    );
  }
  const services = createServices({
    db: database.db,
    extraction,
    mailer,
    baseUrl: config.HOPTAC_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    issuingBody: config.HOPTAC_ISSUING_BODY,
    documents: documentOptionsOf(config),
  });
  if (isRunningReminders && config.HOPTAC_REMINDERS === 'on') {
    const schedule = startReminderSchedule(() => services.reminders.run(), {
      hour: config.HOPTAC_REMINDERS_HOUR,
      log: app.log,
    });
    app.addHook('onClose', () => schedule.stop());
  }
  const stopListening = await services.users.listenForSessionChanges(database);
  app.addHook('onClose', stopListening);
  registerSessionLoader(app, services.users, { idleMinutes: config.HOPTAC_SESSION_IDLE_MINUTES });
  const importQueue = config.DATABASE_URL
    ? createLazyImportQueue(config.DATABASE_URL, (error) => app.log.error({ err: error }, 'import queue'))
    : null;
  app.addHook('onClose', async () => importQueue?.stop());
  const importRunner = createImportRunner({ imports: services.imports, queue: importQueue });
  if (!importQueue) {
    // An upload this process was drafting when it stopped: carry on (its settled items are skipped).
    // A database that cannot be reached now must not keep the app from starting (it answers 503
    // until the database is back); the imports then resume at the next start.
    app.addHook('onReady', async () => {
      const queued = await services.imports.listQueued().catch((error: unknown) => {
        app.log.error(
          { err: error },
          'queued batch imports could not be read; they resume at the next start',
        );
        return [];
      });
      for (const id of queued) {
        importRunner
          .run(id)
          .catch((error: unknown) => app.log.error({ err: error, importId: id }, 'batch import failed'));
      }
    });
  }
  registerRoutes(app, services, { config, databaseKind: database.kind, importRunner });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  if (isServingWeb) await registerWebApp(app, config.HOPTAC_WEB_DIR);
  return app;
}
