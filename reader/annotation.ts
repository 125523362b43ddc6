// The plain annotation format of the development set (partners as codes, no spans): what the
// evaluation compares and what the CLI writes at the top level of each output file.
import type { ArticleDraft } from '../common/contracts/draft.ts';

export interface Annotation {
  url: string | null;
  lang: 'vi' | 'en';
  title: string | null;
  published: string | null;
  events: {
    kind: string;
    start: string | null;
    end: string | null;
    mode: string | null;
    location: string | null;
  }[];
  partners: string[];
  participants: { name: string; title: string | null; org: string | null; country: string | null }[];
  agreements: {
    kind: string;
    status: string;
    parties: string[];
    date: string | null;
    title: string | null;
  }[];
  areas: string[];
  commitments: string[];
}

export function toAnnotation(draft: ArticleDraft): Annotation {
  return {
    url: draft.url,
    lang: draft.lang,
    title: draft.title,
    published: draft.published,
    events: draft.events.map(({ kind, start, end, mode, location }) => ({
      kind,
      start,
      end,
      mode,
      location,
    })),
    partners: draft.partners.map((partner) => partner.code),
    participants: draft.participants.map(({ name, title, org, country }) => ({ name, title, org, country })),
    agreements: draft.agreements.map(({ kind, status, parties, date, title }) => ({
      kind,
      status,
      parties,
      date,
      title,
    })),
    areas: draft.areas.map((area) => area.id),
    commitments: draft.commitments.map((commitment) => commitment.text),
  };
}
