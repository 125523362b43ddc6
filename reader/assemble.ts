// Step 5: the pipeline end to end. clean → normalise → readArticle (tokens, marks, sentences, dates,
// history, entities: the one Article value) → the recognisers in order → the draft. Pure and
// synchronous; any unexpected failure falls back to an empty draft over the cleaned text.
import type { ArticleDraft } from '../common/contracts/draft.ts';
import { type Lang, readArticle, validPublished } from './article.ts';
import { cleanArticle } from './clean.ts';
import { normaliseText } from './normalise.ts';
import { findAgreements } from './recognisers/agreements.ts';
import { findAreas } from './recognisers/areas.ts';
import { findCommitments } from './recognisers/commitments.ts';
import { findEvents } from './recognisers/events.ts';
import { assembleParticipants } from './recognisers/participants.ts';
import { findPartners } from './recognisers/partners.ts';
import { findPeople } from './recognisers/people.ts';
import { findPolicies } from './recognisers/policies.ts';
import { readerVersion } from './version.ts';

export interface DraftInput {
  text: string;
  published?: string | null;
  lang?: 'vi' | 'en';
}

export function draftArticle(input: DraftInput): ArticleDraft {
  const raw = typeof input?.text === 'string' ? input.text : '';
  let cleanedText = '';
  try {
    const normalised = normaliseText(raw);
    const cleaned = cleanArticle(normalised);
    cleanedText = cleaned.text;
    const article = readArticle(cleaned, input);
    const partners = findPartners(article);
    const people = findPeople(article);
    return {
      readerVersion,
      lang: article.lang,
      text: article.text,
      title: article.title,
      published: article.published,
      byline: article.byline,
      sourceLine: article.sourceLine,
      url: article.url,
      events: findEvents(article),
      partners,
      participants: assembleParticipants(article, people, partners),
      agreements: findAgreements(article),
      areas: findAreas(article),
      commitments: findCommitments(article),
      policies: findPolicies(article),
    };
  } catch {
    return emptyDraft(cleanedText, input?.lang === 'en' ? 'en' : 'vi', validPublished(input?.published));
  }
}

function emptyDraft(text: string, lang: Lang, published: string | null): ArticleDraft {
  return {
    readerVersion,
    lang,
    text,
    title: null,
    published,
    byline: null,
    sourceLine: null,
    url: null,
    events: [],
    partners: [],
    participants: [],
    agreements: [],
    areas: [],
    commitments: [],
    policies: [],
  };
}
