import { useQuery } from '@tanstack/react-query';
import type { ClockItem } from '../../../common/contracts/clocks.ts';
import type { Radar } from '../../../common/contracts/radar.ts';
import { buildQuery, requestJson } from '../../app/http.ts';

/** Open clocks due within `withinDays`, and every overdue one, across all agreements. */
export function useClocksDue(withinDays: number) {
  return useQuery({
    queryKey: ['clocks', 'due', withinDays],
    queryFn: ({ signal }) =>
      requestJson<{ items: ClockItem[] }>(`/api/v1/clocks/due${buildQuery({ withinDays })}`, { signal }),
  });
}

/** Silent commitments, dormant agreements and the renewal window, with the server's defaults. */
export function useRadar() {
  return useQuery({
    queryKey: ['radar'],
    queryFn: ({ signal }) => requestJson<Radar>('/api/v1/radar', { signal }),
  });
}
