import { defineError } from '../../http/errors.ts';

export const clockErrors = {
  unknownRule: defineError('clocks.unknown_rule', 404, 'Không có quy tắc thời hạn này.'),
};
