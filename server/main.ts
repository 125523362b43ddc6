import type { FastifyInstance } from 'fastify';
import { todayInVietNam } from '../common/domain/calendar.ts';
import { prepareHolidaysAround } from '../common/domain/holidays.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import { createExtractionPool } from './extraction/extraction-pool.ts';
import { ensureInitialAdmin } from './modules/users/users.service.ts';
import { isDatabaseEmpty, seedDemoData } from './seed/demo-data.ts';
import { ensureReferenceData } from './seed/reference-data.ts';
import { createServices } from './services.ts';

export type Started = { app: FastifyInstance; database: DatabaseHandle; url: string; stop(): Promise<void> };

/** Opens and migrates the database, adds reference data (and demo data on request), makes the
 * first administrator, then serves. Shared by every start-up path so they cannot drift apart. */
export async function prepareDatabase(
  config: Config,
  { command, isDemo }: { command: string; isDemo: boolean },
  print: (line: string) => void,
): Promise<DatabaseHandle> {
  const database = await openDatabase(config, command);
  const extraction = createExtractionPool(config);
  try {
    await database.migrate();
    await ensureReferenceData(database.db);
    const services = createServices({ db: database.db, extraction });
    const admin = await ensureInitialAdmin(services.users, {
      email: config.HOPTAC_ADMIN_EMAIL,
      password: config.HOPTAC_ADMIN_PASSWORD,
    });
    if (admin?.generatedPassword) {
      print(`Created administrator ${admin.email} with one-time password: ${admin.generatedPassword}`);
      print('Sign in and change it on your profile page (/app/profile); it is not shown again.');
    } else if (admin) {
      print(`Created administrator ${admin.email} with the password from HOPTAC_ADMIN_PASSWORD.`);
    }
    if (isDemo && (await isDatabaseEmpty(services))) {
      await seedDemoData(services);
      print('Added demo data: the Vietnam–Belarus MoU (2024) and the Vietnam–Russia talks (2025).');
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  } finally {
    await extraction.close();
  }
}

export async function startServer(
  config: Config,
  options: { isDemo: boolean; isServingWeb: boolean },
  print: (line: string) => void = console.log,
): Promise<Started> {
  const database = await prepareDatabase(config, { command: 'hoptac serve', isDemo: options.isDemo }, print);
  prepareHolidaysAround(todayInVietNam());
  const app = await buildApp({
    config,
    database,
    isServingWeb: options.isServingWeb,
    isRunningReminders: true,
  });
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await app.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  print(`hoptac is serving on ${url} (database: ${database.kind}); API docs at ${url}/api/docs`);
  let isStopping = false;
  return {
    app,
    database,
    url,
    async stop() {
      if (isStopping) return;
      isStopping = true;
      await app.close();
      await database.close();
    },
  };
}
