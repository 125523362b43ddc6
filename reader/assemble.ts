// Step 5: the pipeline end to end. clean → normalise → readArticle (tokens, marks, sentences, dates,
// history, entities: the one Article value) → the recognisers in order → the draft. Pure and
// synchronous. Each recogniser runs guarded: one that throws leaves its items out, the others'
// stay, and the draft names it in readerFailures (the server logs them, the review page says so).
// Only a failure before the Article exists (cleaning, tokens) falls back to an empty draft.
import type {
  ArticleDraft,
  DraftAgreement,
  DraftArea,
  DraftCommitment,
  DraftEvent,
  DraftParticipant,
  DraftPartner,
  DraftPolicy,
  DraftProgress,
  ReaderFailure,
} from '../common/contracts/draft.ts';
import { type Article, type Lang, type PersonMention, readArticle, validPublished } from './article.ts';
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
import { findProgress } from './recognisers/progress.ts';
import { readerVersion } from './version.ts';

export interface DraftInput {
  text: string;
  published?: string | null;
  lang?: 'vi' | 'en';
}

/**
 * The recognisers, each reading the Article (and the earlier results it needs, passed explicitly).
 * They run in this order: partners and people first, since participants are built from them;
 * events last of those, since their titles name the partner, visitor and agreement.
 */
export interface Recognisers {
  partners: (article: Article) => DraftPartner[];
  people: (article: Article) => PersonMention[];
  participants: (
    article: Article,
    people: readonly PersonMention[],
    partners: readonly DraftPartner[],
  ) => DraftParticipant[];
  /** Titled from the partners, participants and agreements found before them. */
  events: (
    article: Article,
    found: {
      partners: readonly DraftPartner[];
      participants: readonly DraftParticipant[];
      agreements: readonly DraftAgreement[];
    },
  ) => DraftEvent[];
  agreements: (article: Article) => DraftAgreement[];
  areas: (article: Article) => DraftArea[];
  commitments: (article: Article) => DraftCommitment[];
  policies: (article: Article) => DraftPolicy[];
  progress: (article: Article, partners: readonly DraftPartner[]) => DraftProgress[];
}

export const recognisers: Readonly<Recognisers> = Object.freeze({
  partners: findPartners,
  people: findPeople,
  participants: assembleParticipants,
  events: findEvents,
  agreements: findAgreements,
  areas: findAreas,
  commitments: findCommitments,
  policies: findPolicies,
  progress: findProgress,
});

/** `use` replaces recognisers, for tests that make one fail; the server and CLI never pass it. */
export function draftArticle(input: DraftInput, use: Partial<Recognisers> = {}): ArticleDraft {
  const raw = typeof input?.text === 'string' ? input.text : '';
  let cleanedText = '';
  let article: Article;
  try {
    const normalised = normaliseText(raw);
    const cleaned = cleanArticle(normalised);
    cleanedText = cleaned.text;
    article = readArticle(cleaned, input);
  } catch (error) {
    const draft = emptyDraft(
      cleanedText,
      input?.lang === 'en' ? 'en' : 'vi',
      validPublished(input?.published),
    );
    return { ...draft, readerFailures: [failureOf('article', error)] };
  }
  const run = { ...recognisers, ...use };
  const failures: ReaderFailure[] = [];
  const guard = <T>(name: keyof Recognisers, read: () => T[]): T[] => {
    try {
      return read();
    } catch (error) {
      failures.push(failureOf(name, error));
      return [];
    }
  };
  const partners = guard('partners', () => run.partners(article));
  const people = guard('people', () => run.people(article));
  const participants = guard('participants', () => run.participants(article, people, partners));
  const agreements = guard('agreements', () => run.agreements(article));
  const draft: ArticleDraft = {
    readerVersion,
    lang: article.lang,
    text: article.text,
    title: article.title,
    published: article.published,
    ...(article.publishedTime ? { publishedTime: article.publishedTime } : {}),
    byline: article.byline,
    sourceLine: article.sourceLine,
    url: article.url,
    events: guard('events', () => run.events(article, { partners, participants, agreements })),
    partners,
    participants,
    agreements,
    areas: guard('areas', () => run.areas(article)),
    commitments: guard('commitments', () => run.commitments(article)),
    policies: guard('policies', () => run.policies(article)),
    progress: guard('progress', () => run.progress(article, partners)),
  };
  if (failures.length > 0) draft.readerFailures = failures;
  return draft;
}

function failureOf(recogniser: string, error: unknown): ReaderFailure {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { recogniser, message: message.slice(0, 500) };
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
    progress: [],
  };
}
