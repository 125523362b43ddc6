import { agreementKinds, eventKinds } from './enums.ts';

/** What the dashboard's timeline may be narrowed to: an event's kind or a signed agreement's kind. */
export const timelineKinds = [...new Set([...eventKinds, ...agreementKinds])] as [string, ...string[]];
