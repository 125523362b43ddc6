import type { Config } from './config.ts';
import type { Database, Transaction } from './db/client.ts';
import type { Actor } from './db/records.ts';
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
import { createDocumentStorage, type DocumentStorageConfig } from './modules/documents/document-storage.ts';
import { createDocumentsService } from './modules/documents/documents.service.ts';
import { createEventsService } from './modules/events/events.service.ts';
import { createIatiService } from './modules/iati/iati.service.ts';
import { createImportsService } from './modules/imports/imports.service.ts';
import { createDuplicatesService } from './modules/merges/duplicates.service.ts';
import { createMergesService } from './modules/merges/merges.service.ts';
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
import { createRecordUsesService } from './modules/record-uses/record-uses.service.ts';
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
  documents = { storage: { kind: 'database' }, maxBytes: 25 * 1024 * 1024 },
}: {
  db: Database;
  extraction: ExtractionPool;
  /** Sends the reminder digests; without one reminders stay in the app. */
  mailer?: Mailer;
  /** Where people reach the web app, for the links in e-mails. */
  baseUrl?: string;
  /** The issuing body at the head of the yearly report. */
  issuingBody?: string;
  /** Where attached files are kept and how large one may be. */
  documents?: { storage: DocumentStorageConfig; maxBytes: number };
}) {
  const partners = createPartnersService({ db });
  const organisations = createOrganisationsService({ db });
  const people = createPeopleService({ db });
  const agreements = createAgreementsService({ db });
  const events = createEventsService({ db });
  const commitments = createCommitmentsService({ db });
  const sources = createSourcesService({ db, extraction });
  const partnerOverview = createPartnerOverviewService({ db, partners, agreements, events, commitments });
  const areas = createAreasService({ db });
  const users = createUsersService({ db });
  const policies = createPoliciesService({ db });
  const recordUses = createRecordUsesService({
    db,
    // Each holder's own update: checked, versioned and audited as an edit in the web app is.
    writers: {
      partners,
      organisations,
      people,
      agreements,
      events,
      commitments,
      areas,
      sources,
      policies,
      users: {
        update: (id: string, input: { version: number }, actor: Actor, tx: Transaction) =>
          users.updateUnit(id, input as { version: number; organisationId: string | null }, actor, tx),
      },
    },
    removers: { areas, partners, organisations, people },
  });
  const calendar = createCalendarService({ db });
  const clocks = createClocksService({ db, calendar });
  const merges = createMergesService({
    db,
    readers: {
      person: people,
      organisation: organisations,
      event: events,
      commitment: commitments,
      user: users,
      agreement: agreements,
    },
    searchTextOf: { people: people.buildSearchText, organisations: organisations.buildSearchText },
    onAccountsChanged: users.forgetCachedSessions,
  });
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
    areas,
    recordUses,
    policies,
    audit: createAuditService({ db }),
    calendar,
    clocks,
    users,
    merges,
    duplicates: createDuplicatesService({ db }),
    search: createSearchService({ db }),
    iati: createIatiService({ db }),
    calendarFeeds: createCalendarFeedsService({ db }),
    portal: createPortalService({ db }),
    partnerOverview,
    documents: createDocumentsService({
      db,
      storage: createDocumentStorage(documents.storage),
      maxBytes: documents.maxBytes,
    }),
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

/** The document store and size limit the configuration asks for. */
export function documentOptionsOf(config: Config): { storage: DocumentStorageConfig; maxBytes: number } {
  return {
    storage:
      config.HOPTAC_DOCUMENT_STORAGE === 'filesystem'
        ? { kind: 'filesystem', directory: config.HOPTAC_DOCUMENT_DIR }
        : { kind: 'database' },
    maxBytes: config.HOPTAC_DOCUMENT_MAX_BYTES,
  };
}

export type Services = ReturnType<typeof createServices>;
