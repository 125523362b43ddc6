import type { FastifyInstance } from 'fastify';
import { createEvent, eventListQuery, eventRecord, updateEvent } from '../../../common/contracts/events.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import type { EventsService } from './events.service.ts';

export function registerEventsRoutes(app: FastifyInstance, service: EventsService) {
  registerCollectionRoutes(app, {
    path: '/api/v1/events',
    tag: 'events',
    record: eventRecord,
    create: createEvent,
    update: updateEvent,
    listQuery: eventListQuery,
    service,
  });
}
