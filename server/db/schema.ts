// Every table, gathered for drizzle-kit and for the typed database handle.
export * from '../modules/agreements/agreements.table.ts';
export * from '../modules/areas/areas.table.ts';
export * from '../modules/audit/audit.table.ts';
export * from '../modules/calendar/calendar.table.ts';
export * from '../modules/calendar-feeds/calendar-feeds.table.ts';
export * from '../modules/clocks/clocks.table.ts';
export * from '../modules/commitments/commitments.table.ts';
export * from '../modules/events/events.table.ts';
export * from '../modules/imports/imports.table.ts';
export * from '../modules/notifications/notifications.table.ts';
export * from '../modules/organisations/organisations.table.ts';
export * from '../modules/partners/partners.table.ts';
export * from '../modules/people/people.table.ts';
export * from '../modules/policies/policies.table.ts';
export * from '../modules/sources/sources.table.ts';
export * from '../modules/users/users.table.ts';
