import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { eventKinds, eventModes, participantRoles } from '../../../common/domain/enums.ts';
import { arrayIndex, searchIndex, searchWordsVector } from '../../db/search-index.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { people } from '../people/people.table.ts';

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: eventKinds }).notNull(),
    title: text('title').notNull(),
    startOn: date('start_on', { mode: 'string' }),
    endOn: date('end_on', { mode: 'string' }),
    mode: text('mode', { enum: eventModes }).notNull().default('in_person'),
    location: text('location'),
    connectionPoints: text('connection_points').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary'),
    partnerIds: uuid('partner_ids').array().notNull().default(sql`'{}'::uuid[]`),
    areaIds: text('area_ids').array().notNull().default(sql`'{}'::text[]`),
    /** Outcomes: the agreements signed or adopted at the event. */
    agreementIds: uuid('agreement_ids').array().notNull().default(sql`'{}'::uuid[]`),
    sourceIds: uuid('source_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** The Vietnamese policies (resolutions) this implements. */
    policyIds: uuid('policy_ids').array().notNull().default(sql`'{}'::uuid[]`),
    isPublished: boolean('is_published').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('events_start_idx').on(table.startOn),
    // Search reads the newest matches of a common word in this order (search.service.ts).
    index('events_updated_idx').on(table.updatedAt),
    index('events_start_id_idx').on(table.startOn, table.id),
    searchIndex('events', table.searchVector),
    arrayIndex('events_partner_ids_idx', table.partnerIds),
    arrayIndex('events_area_ids_idx', table.areaIds),
    arrayIndex('events_agreement_ids_idx', table.agreementIds),
    arrayIndex('events_source_ids_idx', table.sourceIds),
    arrayIndex('events_policy_ids_idx', table.policyIds),
  ],
);

export const eventParticipants = pgTable(
  'event_participants',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text('role', { enum: participantRoles }).notNull().default('attendee'),
    /** The title the person held at the time of the event, as the source gives it. */
    title: text('title'),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.personId] }),
    index('event_participants_person_idx').on(table.personId),
  ],
);
