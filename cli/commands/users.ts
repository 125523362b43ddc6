import { randomBytes } from 'node:crypto';
import { type Command, Option } from 'commander';
import { type Role, roles } from '../../common/domain/enums.ts';

import type { Services } from '../../server/services.ts';

const cliActor = { userId: null, email: 'cli' };

async function withServices<T>(command: string, run: (services: Services) => Promise<T>): Promise<T> {
  const { readConfig } = await import('../../server/config.ts');
  const { openDatabase } = await import('../../server/db/client.ts');
  const { createExtractionPool } = await import('../../server/extraction/extraction-pool.ts');
  const { createServices } = await import('../../server/services.ts');
  const config = readConfig();
  const database = await openDatabase(config, command);
  const extraction = createExtractionPool(config);
  try {
    await database.migrate();
    return await run(createServices({ db: database.db, extraction }));
  } finally {
    await extraction.close();
    await database.close();
  }
}

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Manage user accounts');

  user
    .command('add')
    .description('Create an account; prints a generated password unless --password is given')
    .argument('<email>', 'e-mail address, used to sign in')
    .addOption(
      new Option('--role <role>', 'admin, editor, unit or viewer').choices(roles).makeOptionMandatory(),
    )
    .option('--password <password>', 'the password (at least 8 characters)')
    .option('--name <name>', 'display name')
    .option('--organisation <id>', 'organisation id (required for the unit role)')
    .action(
      async (
        email: string,
        options: { role: Role; password?: string; name?: string; organisation?: string },
      ) => {
        const password = options.password ?? randomBytes(12).toString('base64url');
        await withServices('hoptac user add', (services) =>
          services.users.create(
            {
              email,
              password,
              role: options.role,
              displayName: options.name,
              organisationId: options.organisation ?? null,
            },
            cliActor,
          ),
        );
        console.log(`Created ${options.role} ${email}.`);
        if (!options.password) console.log(`Password: ${password}`);
      },
    );

  user
    .command('list')
    .description('List accounts')
    .action(async () => {
      const page = await withServices('hoptac user list', (services) =>
        services.users.list({ page: 1, pageSize: 200, order: 'asc', sort: 'email' }),
      );
      for (const item of page.items)
        console.log(`${item.email}\t${item.role}\t${item.isActive ? 'active' : 'disabled'}`);
    });

  user
    .command('passwd')
    .description('Set a new password; prints a generated one unless --password is given')
    .argument('<email>', 'the account')
    .option('--password <password>', 'the new password')
    .action(async (email: string, options: { password?: string }) => {
      const password = options.password ?? randomBytes(12).toString('base64url');
      const found = await withServices('hoptac user passwd', async (services) => {
        const account = await services.users.findByEmail(email);
        if (!account) return false;
        await services.users.update(account.id, { version: account.version, password }, cliActor);
        return true;
      });
      if (!found) {
        console.error(`There is no account for ${email}.`);
        process.exitCode = 1;
        return;
      }
      console.log(`Password changed for ${email}.`);
      if (!options.password) console.log(`Password: ${password}`);
    });
}
