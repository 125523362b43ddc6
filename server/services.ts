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
import { createEventsService } from './modules/events/events.service.ts';
import { createIatiService } from './modules/iati/iati.service.ts';
import { createImportsService } from './modules/imports/imports.service.ts';
import { createOrganisationsService } from './modules/organisations/organisations.service.ts';
import { createPartnerOverviewService } from './modules/partners/partner-overview.service.ts';
import { createPartnersService } from './modules/partners/partners.service.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { createPortalService } from './modules/portal/portal.service.ts';
import { createRadarService } from './modules/radar/radar.service.ts';
import { createReviewService } from './modules/review/review.service.ts';
import { createSearchService } from './modules/search/search.service.ts';
import { createSourcesService } from './modules/sources/sources.service.ts';
import { createUsersService } from './modules/users/users.service.ts';

/** Wires every module's service to the database and the reader's worker pool: the one place
 * dependencies are assembled. */
export function createServices({ db, extraction }: { db: Database; extraction: ExtractionPool }) {
  const partners = createPartnersService({ db });
  const organisations = createOrganisationsService({ db });
  const people = createPeopleService({ db });
  const agreements = createAgreementsService({ db });
  const events = createEventsService({ db });
  const commitments = createCommitmentsService({ db });
  const sources = createSourcesService({ db, extraction });
  const partnerOverview = createPartnerOverviewService({ db, partners, agreements, events, commitments });
  const calendar = createCalendarService({ db });
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
    audit: createAuditService({ db }),
    calendar,
    clocks: createClocksService({ db, calendar }),
    users: createUsersService({ db }),
    search: createSearchService({ db }),
    iati: createIatiService({ db }),
    calendarFeeds: createCalendarFeedsService({ db }),
    portal: createPortalService({ db }),
    partnerOverview,
    imports: createImportsService({ db, extraction, sources }),
    briefings: createBriefingsService({ db, partnerOverview }),
    radar: createRadarService({ db, agreements, commitments }),
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
