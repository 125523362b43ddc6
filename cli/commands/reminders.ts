import type { Command } from 'commander';

export function registerRemindersCommand(program: Command) {
  program
    .command('reminders')
    .description('Run the daily reminder job now: make the day’s reminders and send the digests due')
    .option('--on <date>', 'the day to run it for (YYYY-MM-DD, Viet Nam); today when absent')
    .action(async (options: { on?: string }) => {
      // Loaded here, as in every command, so that `hoptac --help` does not load the server.
      const { isoDate } = await import('../../common/contracts/common.ts');
      const { readConfig } = await import('../../server/config.ts');
      const { openDatabase } = await import('../../server/db/client.ts');
      const { createExtractionPool } = await import('../../server/extraction/extraction-pool.ts');
      const { createMailer } = await import('../../server/modules/notifications/digest-mail.ts');
      const { createServices } = await import('../../server/services.ts');
      const on = options.on === undefined ? undefined : isoDate.safeParse(options.on);
      if (on && !on.success) throw new Error(`--on must be a date written YYYY-MM-DD, not ${options.on}`);
      const config = readConfig();
      const database = await openDatabase(config, 'hoptac reminders');
      const extraction = createExtractionPool(config);
      const mailer = createMailer({ smtpUrl: config.HOPTAC_SMTP_URL, from: config.HOPTAC_MAIL_FROM });
      try {
        await database.migrate();
        if (!mailer.isConfigured)
          console.log('No SMTP server configured (HOPTAC_SMTP_URL): reminders stay in the app.');
        const services = createServices({
          db: database.db,
          extraction,
          mailer,
          baseUrl: config.HOPTAC_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
        });
        const summary = await services.reminders.run(on?.data);
        console.log(
          `Reminders for ${summary.on}: ${summary.obligations} obligations, ${summary.created} new reminders, ${summary.emailsSent} digests sent (${summary.remindersEmailed} reminders), ${summary.emailsFailed} refused.`,
        );
      } finally {
        mailer.close();
        await extraction.close();
        await database.close();
      }
    });
}
