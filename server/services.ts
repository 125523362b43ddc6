import type { Database } from './db/client.ts';
import { createPartnersService } from './modules/partners/partners.service.ts';
import { createUsersService } from './modules/users/users.service.ts';

/** Wires every module's service to the database: the one place dependencies are assembled. */
export function createServices({ db }: { db: Database }) {
  const partners = createPartnersService({ db });
  const users = createUsersService({ db });
  return { db, partners, users };
}

export type Services = ReturnType<typeof createServices>;
