import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProvenanceItem, provenanceQuery } from '../../../common/contracts/sources.ts';
import { buildQuery, requestJson } from '../../app/http.ts';

export type ProvenanceRecordType = z.infer<typeof provenanceQuery>['recordType'];

export function useProvenance(recordType: ProvenanceRecordType, recordId: string) {
  return useQuery({
    queryKey: ['provenance', recordType, recordId],
    queryFn: ({ signal }) =>
      requestJson<{ items: ProvenanceItem[] }>(`/api/v1/provenance${buildQuery({ recordType, recordId })}`, {
        signal,
      }),
  });
}
