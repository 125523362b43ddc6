import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type {
  CreateEvent,
  EventListQuery,
  EventRecord,
  UpdateEvent,
} from '../../../common/contracts/events.ts';
import type { Database, Executor } from '../../db/client.ts';
import {
  createRecordService,
  matchesText,
  requireDateOrder,
  requireExisting,
  toIso,
} from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { requireAreas } from '../areas/areas.service.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { partners } from '../partners/partners.table.ts';
import { people } from '../people/people.table.ts';
import { policies } from '../policies/policies.table.ts';
import { refuseWhileUsed } from '../record-uses/record-uses.ts';
import { sources } from '../sources/sources.table.ts';
import { eventParticipants, events } from './events.table.ts';

type EventRow = typeof events.$inferSelect;

async function toEventRecords(executor: Executor, rows: EventRow[]): Promise<EventRecord[]> {
  const ids = rows.map((row) => row.id);
  const participants = ids.length
    ? await executor
        .select({
          eventId: eventParticipants.eventId,
          personId: eventParticipants.personId,
          personName: people.name,
          role: eventParticipants.role,
          title: eventParticipants.title,
          organisationId: eventParticipants.organisationId,
        })
        .from(eventParticipants)
        .innerJoin(people, eq(people.id, eventParticipants.personId))
        .where(inArray(eventParticipants.eventId, ids))
        .orderBy(asc(eventParticipants.position))
    : [];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    startOn: row.startOn,
    endOn: row.endOn,
    mode: row.mode,
    location: row.location,
    connectionPoints: row.connectionPoints,
    summary: row.summary,
    partnerIds: row.partnerIds,
    areaIds: row.areaIds,
    agreementIds: row.agreementIds,
    sourceIds: row.sourceIds,
    policyIds: row.policyIds,
    participants: participants
      .filter((participant) => participant.eventId === row.id)
      .map(({ eventId: _eventId, ...participant }) => participant),
    isPublished: row.isPublished,
    version: row.version,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  }));
}

export function createEventsService({ db }: { db: Database }) {
  const records = createRecordService<typeof events, EventRecord, CreateEvent, UpdateEvent>({
    db,
    table: events,
    recordType: 'event',
    noun: 'event',
    toRecords: toEventRecords,
    searchWords: (values) => [values.title as string, values.location as string, values.summary as string],
    checkInput: async (executor, values, current) => {
      await requireExisting(executor, partners, values.partnerIds, 'partner', 'partnerIds');
      await requireExisting(executor, agreements, values.agreementIds, 'agreement', 'agreementIds');
      await requireExisting(executor, sources, values.sourceIds, 'source', 'sourceIds');
      await requireExisting(executor, policies, values.policyIds, 'policy', 'policyIds');
      await requireAreas(executor, values.areaIds);
      const participants = values.participants ?? [];
      await requireExisting(
        executor,
        people,
        participants.map((p) => p.personId),
        'person',
        'participants.personId',
      );
      await requireExisting(
        executor,
        organisations,
        participants.map((p) => p.organisationId).filter((id): id is string => !!id),
        'organisation',
        'participants.organisationId',
      );
      if (new Set(participants.map((p) => p.personId)).size !== participants.length) {
        throw commonErrors.invalid('A person is listed twice among the participants.', [
          { path: 'body.participants', message: 'lists the same person twice' },
        ]);
      }
      requireDateOrder(values, current, ['startOn', 'endOn'], 'event');
    },
    writeRelated: async (tx, id, input) => {
      if (!input.participants) return;
      await tx.delete(eventParticipants).where(eq(eventParticipants.eventId, id));
      if (input.participants.length > 0) {
        await tx.insert(eventParticipants).values(
          input.participants.map((participant, position) => ({
            eventId: id,
            personId: participant.personId,
            role: participant.role,
            title: participant.title ?? null,
            organisationId: participant.organisationId ?? null,
            position,
          })),
        );
      }
    },
    checkDeletable: (executor, id) => refuseWhileUsed(executor, 'events', id),
  });

  return {
    ...records,
    /** The registered event an article most likely reports again: same kind, same day, and a
     * partner in common. */
    async findSameEvent(
      executor: Executor,
      kind: EventRecord['kind'],
      startOn: string,
      partnerIds: string[],
    ): Promise<EventRecord | null> {
      if (partnerIds.length === 0) return null;
      const [row] = await executor
        .select()
        .from(events)
        .where(
          and(
            eq(events.kind, kind),
            eq(events.startOn, startOn),
            sql`${events.partnerIds} && ${sql.param(partnerIds)}::uuid[]`,
          ),
        )
        .limit(1);
      return row ? ((await toEventRecords(executor, [row]))[0] ?? null) : null;
    },
    list: (query: EventListQuery) =>
      records.list({
        ids: query.ids,
        where: [
          matchesText(events, query.q),
          query.partnerId ? sql`${events.partnerIds} @> array[${query.partnerId}::uuid]` : undefined,
          query.areaId ? sql`${events.areaIds} @> array[${query.areaId}::text]` : undefined,
          query.policyId ? sql`${events.policyIds} @> array[${query.policyId}::uuid]` : undefined,
          query.agreementId ? sql`${events.agreementIds} @> array[${query.agreementId}::uuid]` : undefined,
          query.personId
            ? sql`exists (select 1 from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.personId} = ${query.personId})`
            : undefined,
          query.kind ? eq(events.kind, query.kind) : undefined,
          query.from ? gte(events.startOn, query.from) : undefined,
          query.to ? lte(events.startOn, query.to) : undefined,
          query.isPublished !== undefined ? eq(events.isPublished, query.isPublished) : undefined,
        ],
        sort: {
          startOn: events.startOn,
          title: events.title,
          kind: events.kind,
          updatedAt: events.updatedAt,
        }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
