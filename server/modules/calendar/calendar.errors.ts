import { defineError } from '../../http/errors.ts';

export const calendarErrors = {
  dayOutsideYear: defineError('calendar.day_outside_year', 400),
  dayRepeated: defineError('calendar.day_repeated', 400),
};
