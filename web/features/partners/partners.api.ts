import { useQuery } from '@tanstack/react-query';
import { requestJson } from '../../app/http.ts';
import type { Agreement, Area, Commitment, CooperationEvent, Partner } from '../registry/registry.api.ts';

export interface PersonMet {
  personId: string;
  name: string;
  title: string | null;
  organisationName: string | null;
  metOn: string | null;
}

export interface PartnerOverview {
  partner: Partner;
  agreements: Agreement[];
  events: CooperationEvent[];
  people: PersonMet[];
  commitments: Commitment[];
  areas: Area[];
  /** How many of each there are in all; the lists hold the newest few. */
  counts: { agreements: number; events: number; peopleMet: number; openCommitments: number } | null;
}

type Raw = Record<string, unknown>;

function readList<T>(body: Raw, ...names: string[]): T[] {
  for (const name of names) if (Array.isArray(body[name])) return body[name] as T[];
  return [];
}

// Read loosely until the overview's contract lands: people may come as `people` or `peopleMet`,
// each with the person nested or flat.
function readOverview(body: Raw): PartnerOverview {
  const people = readList<Raw>(body, 'people', 'peopleMet').map((raw) => {
    const person = (raw.person as Raw | undefined) ?? raw;
    return {
      personId: String(raw.personId ?? person.id ?? ''),
      name: String(person.name ?? raw.personName ?? ''),
      title: (raw.title as string | null | undefined) ?? null,
      organisationName: (raw.organisationName as string | null | undefined) ?? null,
      metOn:
        (raw.metOn as string | null | undefined) ??
        (raw.lastMetOn as string | null | undefined) ??
        (raw.on as string | null | undefined) ??
        null,
    };
  });
  return {
    partner: (body.partner as Partner | undefined) ?? (body as unknown as Partner),
    agreements: readList(body, 'agreements'),
    events: readList(body, 'events', 'timeline'),
    people,
    commitments: readList(body, 'commitments', 'openCommitments'),
    areas: readList(body, 'areas'),
    counts: (body.counts as PartnerOverview['counts'] | undefined) ?? null,
  };
}

export function usePartnerOverview(id: string) {
  return useQuery({
    queryKey: ['partners', 'overview', id],
    queryFn: async () =>
      readOverview(await requestJson<Raw>(`/api/v1/partners/${encodeURIComponent(id)}/overview`)),
  });
}
