import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { DatabaseKind } from './db/client.ts';
import { registerAgreementsRoutes } from './modules/agreements/agreements.routes.ts';
import { registerAreasRoutes } from './modules/areas/areas.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerBackupRoutes } from './modules/backup/backup.routes.ts';
import { registerBriefingsRoutes } from './modules/briefings/briefings.routes.ts';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.ts';
import { registerCalendarFeedsRoutes } from './modules/calendar-feeds/calendar-feeds.routes.ts';
import { registerClocksRoutes } from './modules/clocks/clocks.routes.ts';
import { registerCommitmentsRoutes } from './modules/commitments/commitments.routes.ts';
import { registerDashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { registerDocumentsRoutes } from './modules/documents/documents.routes.ts';
import { registerEventsRoutes } from './modules/events/events.routes.ts';
import { registerIatiRoutes } from './modules/iati/iati.routes.ts';
import type { ImportRunner } from './modules/imports/import-runner.ts';
import { registerImportsRoutes } from './modules/imports/imports.routes.ts';
import { registerMergesRoutes } from './modules/merges/merges.routes.ts';
import { registerNotificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { registerOrganisationsRoutes } from './modules/organisations/organisations.routes.ts';
import { registerPartnerOverviewRoutes, registerPartnersRoutes } from './modules/partners/partners.routes.ts';
import { registerPeopleRoutes } from './modules/people/people.routes.ts';
import { registerPoliciesRoutes } from './modules/policies/policies.routes.ts';
import { registerPortalRoutes } from './modules/portal/portal.routes.ts';
import { registerPortalPages } from './modules/portal/portal-pages.routes.ts';
import { registerRadarRoutes } from './modules/radar/radar.routes.ts';
import { registerRecordUsesRoutes } from './modules/record-uses/record-uses.routes.ts';
import { registerReportsRoutes } from './modules/reports/reports.routes.ts';
import { registerSearchRoutes } from './modules/search/search.routes.ts';
import { registerSourcesRoutes } from './modules/sources/sources.routes.ts';
import { registerSpreadsheetsRoutes } from './modules/spreadsheets/spreadsheets.routes.ts';
import { registerUsersRoutes } from './modules/users/users.routes.ts';
import type { Services } from './services.ts';

export function registerRoutes(
  app: FastifyInstance,
  services: Services,
  {
    config,
    databaseKind,
    importRunner,
  }: { config: Config; databaseKind: DatabaseKind; importRunner: ImportRunner },
) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    () => ({ status: 'ok' as const, db: databaseKind }),
  );
  registerUsersRoutes(app, services.users, {
    loginAttemptsPerMinute: config.HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE,
  });
  registerPartnersRoutes(app, services.partners);
  registerOrganisationsRoutes(app, services.organisations);
  registerPeopleRoutes(app, services.people);
  registerMergesRoutes(app, services.merges, services.duplicates);
  registerAreasRoutes(app, services.areas);
  registerPoliciesRoutes(app, services.policies);
  registerAgreementsRoutes(app, services.agreements);
  registerEventsRoutes(app, services.events);
  registerCommitmentsRoutes(app, services.commitments, services.commitmentBoard);
  registerRecordUsesRoutes(app, services.recordUses);
  registerAuditRoutes(app, services.audit);
  registerCalendarRoutes(app, services.calendar);
  registerClocksRoutes(app, services.clocks);
  registerPartnerOverviewRoutes(app, services.partnerOverview);
  registerSourcesRoutes(app, services.sources, services.review, services.documents);
  registerRadarRoutes(app, services.radar);
  registerSearchRoutes(app, services.search);
  registerPortalRoutes(app, services.portal, config.HOPTAC_PUBLIC_URL ?? `http://localhost:${config.PORT}`);
  registerPortalPages(app, services.portal, {
    publicUrl: config.HOPTAC_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    webDir: config.HOPTAC_WEB_DIR,
  });
  registerCalendarFeedsRoutes(app, services.calendarFeeds);
  registerBriefingsRoutes(app, services.briefings);
  registerIatiRoutes(app, services.iati, {
    ref: config.HOPTAC_IATI_ORG_REF,
    nameVi: config.HOPTAC_IATI_ORG_NAME_VI,
    nameEn: config.HOPTAC_IATI_ORG_NAME_EN,
  });
  registerBackupRoutes(app, services.db);
  registerSpreadsheetsRoutes(app, services.spreadsheets);
  registerDashboardRoutes(app, services.dashboard);
  registerNotificationsRoutes(app, services.notifications, services.reminders);
  registerReportsRoutes(app, services.yearlyReport);
  registerDocumentsRoutes(app, services.documents);
  registerImportsRoutes(app, services.imports, importRunner);
}
