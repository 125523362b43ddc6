import type { Database } from './db/client.ts';
import type { ExtractionPool } from './extraction/extraction-pool.ts';
import { createAgreementsService } from './modules/agreements/agreements.service.ts';
import { createAreasService } from './modules/areas/areas.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createBriefingsService } from './modules/briefings/briefings.service.ts';
import { createCalendarService } from './modules/calendar/calendar.service.ts';
import { createCalendarFeedsService } from './modules/calendar-feeds/calendar-feeds.service.ts';
import { createClocksService } from './modules/clocks/clocks.service.ts';
import { createCommitmentBoardService } from './modules/commitments/commitment-board.service.ts';
import { createCommitmentsService } from './modules/commitments/commitments.service.ts';
import { createDashboardService } from './modules/dashboard/dashboard.service.ts';
import { createEventsService } from './modules/events/events.service.ts';
import { createIatiService } from './modules/iati/iati.service.ts';
import { createImportsService } from './modules/imports/imports.service.ts';
import { type Mailer, noMailer } from './modules/notifications/digest-mail.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { createRemindersService } from './modules/notifications/reminders.service.ts';
import { createOrganisationsService } from './modules/organisations/organisations.service.ts';
import { createPartnerOverviewService } from './modules/partners/partner-overview.service.ts';
import { createPartnersService } from './modules/partners/partners.service.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { createPoliciesService } from './modules/policies/policies.service.ts';
import { createPortalService } from './modules/portal/portal.service.ts';
import { createRadarService } from './modules/radar/radar.service.ts';
import { createYearlyReportService } from './modules/reports/yearly-report.service.ts';
import { createReviewService } from './modules/review/review.service.ts';
import { createSearchService } from './modules/search/search.service.ts';
import { createSourcesService } from './modules/sources/sources.service.ts';
import { createSpreadsheetsService } from './modules/spreadsheets/spreadsheets.service.ts';
import { createUsersService } from './modules/users/users.service.ts';

/** Wires every module's service to the database and the reader's worker pool: the one place
 * dependencies are assembled. */
export function createServices({
  db,
  extraction,
  mailer = noMailer,
  baseUrl = 'http://localhost:3000',
  issuingBody = 'Bộ Y tế',
}: {
  db: Database;
  extraction: ExtractionPool;
  /** Sends the reminder digests; without one reminders stay in the app. */
  mailer?: Mailer;
  /** Where people reach the web app, for the links in e-mails. */
  baseUrl?: string;
  /** The issuing body at the head of the yearly report. */
  issuingBody?: string;
}) {
  const partners = createPartnersService({ db });
  const organisations = createOrganisationsService({ db });
  const people = createPeopleService({ db });
  const agreements = createAgreementsService({ db });
  const events = createEventsService({ db });
  const commitments = createCommitmentsService({ db });
  const sources = createSourcesService({ db, extraction });
  const partnerOverview = createPartnerOverviewService({ db, partners, agreements, events, commitments });
  const calendar = createCalendarService({ db });
  const clocks = createClocksService({ db, calendar });
  return {
    db,
    partners,
    organisations,
    people,
    agreements,
    events,
    commitments,
    commitmentBoard: createCommitmentBoardService({ db, commitments }),
    sources,
    areas: createAreasService({ db }),
    policies: createPoliciesService({ db }),
    audit: createAuditService({ db }),
    calendar,
    clocks,
    users: createUsersService({ db }),
    search: createSearchService({ db }),
    iati: createIatiService({ db }),
    calendarFeeds: createCalendarFeedsService({ db }),
    portal: createPortalService({ db }),
    partnerOverview,
    spreadsheets: createSpreadsheetsService({
      db,
      agreements,
      events,
      commitments,
      people,
      organisations,
      partners,
      sources,
    }),
    imports: createImportsService({ db, extraction, sources }),
    briefings: createBriefingsService({ db, partnerOverview }),
    radar: createRadarService({ db, agreements, commitments }),
    dashboard: createDashboardService({ db }),
    notifications: createNotificationsService({ db, isEmailConfigured: mailer.isConfigured }),
    reminders: createRemindersService({ db, clocks, calendar, mailer, baseUrl }),
    yearlyReport: createYearlyReportService({ db, clocks, calendar, issuingBody }),
    review: createReviewService({
      db,
      sources,
      partners,
      organisations,
      people,
      events,
      agreements,
      commitments,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
