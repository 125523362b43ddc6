import { defineError } from '../../http/errors.ts';

export const clockErrors = {
  unknownRule: defineError('clocks.unknown_rule', 404),
};
