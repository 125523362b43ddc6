import type { Database } from './db/client.ts';
import type { ExtractionPool } from './extraction/extraction-pool.ts';
import { createAgreementsService } from './modules/agreements/agreements.service.ts';
import { createAreasService } from './modules/areas/areas.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createCommitmentsService } from './modules/commitments/commitments.service.ts';
import { createEventsService } from './modules/events/events.service.ts';
import { createOrganisationsService } from './modules/organisations/organisations.service.ts';
import { createPartnerOverviewService } from './modules/partners/partner-overview.service.ts';
import { createPartnersService } from './modules/partners/partners.service.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { createPortalService } from './modules/portal/portal.service.ts';
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
  return {
    db,
    partners,
    organisations,
    people,
    agreements,
    events,
    commitments,
    sources,
    areas: createAreasService({ db }),
    audit: createAuditService({ db }),
    users: createUsersService({ db }),
    search: createSearchService({ db }),
    portal: createPortalService({ db }),
    partnerOverview: createPartnerOverviewService({ db, partners, agreements, events, commitments }),
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
