import { defineError } from '../../http/errors.ts';

export const iatiErrors = {
  empty: defineError('iati.empty', 404, 'Không có dữ liệu để xuất IATI.'),
};
