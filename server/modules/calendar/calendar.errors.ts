import { defineError } from '../../http/errors.ts';

export const calendarErrors = {
  dayOutsideYear: defineError('calendar.day_outside_year', 400, 'Ngày không thuộc năm đang sửa.'),
  dayRepeated: defineError('calendar.day_repeated', 400, 'Một ngày được liệt kê hai lần.'),
};
