import { eq, inArray, sql } from 'drizzle-orm';
import type { EventRecord } from '../../../common/contracts/events.ts';
import type { AcceptDraft, AcceptResult } from '../../../common/contracts/review.ts';
import { homeCountryCode, type RecordType } from '../../../common/domain/enums.ts';
import { foldText } from '../../../common/domain/text.ts';
import { lockNaturalKeys } from '../../db/advisory-locks.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { type Actor, writeAudit } from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import type { AgreementsService } from '../agreements/agreements.service.ts';
import { requireAreas } from '../areas/areas.service.ts';
import type { CommitmentsService } from '../commitments/commitments.service.ts';
import type { EventsService } from '../events/events.service.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import type { PartnersService } from '../partners/partners.service.ts';
import type { PeopleService } from '../people/people.service.ts';
import { policies } from '../policies/policies.table.ts';
import { sourceErrors } from '../sources/sources.errors.ts';
import type { SourcesService } from '../sources/sources.service.ts';
import { provenanceSpans, sources } from '../sources/sources.table.ts';
import { proposeProgress } from './progress.service.ts';

type Span = { start: number; end: number };
type SourceRow = typeof sources.$inferSelect;

/** The date when the source gives the day; null for month-only dates, which are never padded
 * into an invented day. */
function exactDay(date: string | null | undefined): string | null {
  return date && date.length === 10 ? date : null;
}

/** The natural keys this review may find or create records by: the partners named (and our own
 * country when an agreement names no parties), organisations by folded name and country, the
 * confirmed people who may gain a position, and events by kind and day. */
function findNaturalKeys(review: AcceptDraft): string[] {
  const newAgreements = review.agreements.filter((item) => !item.agreementId);
  const partnerCodes = [
    ...review.partners.map((item) => item.code),
    ...newAgreements.flatMap((item) => item.partyCodes),
    ...(newAgreements.some((item) => item.partyCodes.length === 0) ? [homeCountryCode] : []),
  ];
  return [
    ...partnerCodes.map((code) => `partner:${code.toUpperCase()}`),
    ...review.participants.flatMap((item) => [
      ...(item.org ? [`organisation:${item.countryCode ?? ''}:${foldText(item.org)}`] : []),
      ...(item.personId ? [`person:${item.personId}`] : []),
    ]),
    ...review.events.flatMap((item) => {
      const day = exactDay(item.startOn);
      return day ? [`event:${item.kind}:${day}`] : [];
    }),
  ];
}

/** Turns a reviewed draft into records: one transaction, every record linked to its spans. */
export function createReviewService(deps: {
  db: Database;
  sources: SourcesService;
  partners: PartnersService;
  organisations: OrganisationsService;
  people: PeopleService;
  events: EventsService;
  agreements: AgreementsService;
  commitments: CommitmentsService;
}) {
  const { db } = deps;

  async function linkSpans(
    tx: Transaction,
    sourceId: string,
    textLength: number,
    recordType: RecordType,
    recordId: string,
    spans: Span[],
  ) {
    const valid = spans.filter((span) => span.end <= textLength);
    if (valid.length < spans.length) {
      throw commonErrors.invalid(
        `A ${recordType} span points past the end of the source text (${textLength} characters).`,
      );
    }
    if (valid.length === 0) return;
    await tx
      .insert(provenanceSpans)
      .values(valid.map((span) => ({ sourceId, recordType, recordId, start: span.start, end: span.end })));
  }

  type Participant = {
    personId: string;
    role: 'chair' | 'signatory' | 'attendee';
    title: string | null;
    organisationId: string | null;
  };
  /** What every step of one acceptance shares. */
  type Acceptance = {
    tx: Transaction;
    sourceId: string;
    review: AcceptDraft;
    actor: Actor;
    /** The article's language: an English article's titles are English titles. */
    language: string;
    link: (type: RecordType, id: string, spans: Span[]) => Promise<void>;
    /** The policies the reviewed article cites, as records: every record it creates cites them. */
    policyIds: string[];
  };

  /** The policy records of the cited numbers ("72-NQ/TW", any case); 422 naming any unknown. */
  async function resolvePolicyNumbers(tx: Transaction, numbers: string[]): Promise<string[]> {
    const wanted = [...new Set(numbers.map((number) => number.toUpperCase()))];
    if (wanted.length === 0) return [];
    const rows = await tx
      .select({ id: policies.id, number: policies.number })
      .from(policies)
      .where(inArray(sql`upper(${policies.number})`, wanted));
    const known = new Set(rows.map((row) => row.number.toUpperCase()));
    const missing = wanted.filter((number) => !known.has(number));
    if (missing.length > 0) {
      throw commonErrors.invalidReference(`No policy numbered ${missing.join(', ')}.`, [
        { path: 'body.policyNumbers', message: `refers to no registered policy: ${missing.join(', ')}` },
      ]);
    }
    return rows.map((row) => row.id);
  }

  /** Locks the source and refuses it when someone edited it since the review began (the only
   * case that says so) or when it was already accepted. */
  async function requireAcceptable(tx: Transaction, sourceId: string, version: number) {
    const source = await deps.sources.requireRow(tx, sourceId, true);
    if (source.version !== version) {
      throw commonErrors.versionConflict(
        `This source was changed by someone else since you opened it (your version ${version}, current ${source.version}). Reload it and review again.`,
      );
    }
    if (source.reviewStatus === 'accepted') {
      throw sourceErrors.alreadyAccepted(
        'This source has already been accepted; edit the records it created instead.',
      );
    }
    return source;
  }

  async function registerPartners({ tx, review, actor, link }: Acceptance): Promise<string[]> {
    const partnerIds: string[] = [];
    for (const item of review.partners) {
      const partner = await deps.partners.ensureByCode(tx, item.code, actor);
      if (!partnerIds.includes(partner.id)) partnerIds.push(partner.id);
      await link('partner', partner.id, item.spans);
    }
    return partnerIds;
  }

  async function registerParticipants({ tx, review, actor, link }: Acceptance) {
    const organisationIds: string[] = [];
    const personIds: string[] = [];
    const participants: Participant[] = [];
    for (const item of review.participants) {
      const countryCode = item.countryCode ?? null;
      const organisation = item.org
        ? await deps.organisations.ensureByName(tx, item.org, countryCode, actor)
        : null;
      if (organisation && !organisationIds.includes(organisation.id)) organisationIds.push(organisation.id);
      const personId = item.personId
        ? (await deps.people.requireRow(tx, item.personId)).id
        : (await deps.people.create({ name: item.name, countryCode }, actor, tx)).id;
      if (item.title) await deps.people.ensurePosition(tx, personId, item.title, organisation?.id ?? null);
      if (participants.some((participant) => participant.personId === personId)) continue;
      personIds.push(personId);
      participants.push({
        personId,
        role: item.role,
        title: item.title ?? null,
        organisationId: organisation?.id ?? null,
      });
      await link('person', personId, item.spans);
    }
    return { organisationIds, personIds, participants };
  }

  async function registerAgreements(acceptance: Acceptance, partnerIds: string[]) {
    const { tx, sourceId, review, actor, link, language } = acceptance;
    const agreementIds: string[] = [];
    const signedHere: string[] = [];
    for (const item of review.agreements) {
      let agreementId = item.agreementId ?? null;
      if (agreementId) {
        await deps.agreements.requireRow(tx, agreementId);
      } else {
        const parties = [];
        for (const code of item.partyCodes)
          parties.push((await deps.partners.ensureByCode(tx, code, actor)).id);
        // Signed at the reported event without a date of its own: signed on the event's day.
        const signedOn =
          exactDay(item.date) ?? (item.status === 'signed' ? exactDay(review.events[0]?.startOn) : null);
        const created = await deps.agreements.create(
          {
            kind: item.kind,
            // An English article's title is the English title; the Vietnamese one stays the plain label.
            titleVi:
              (language === 'en' ? '' : item.title) ||
              `${item.kind.toUpperCase()} ${item.partyCodes.join('–')}`,
            ...(language === 'en' && item.title ? { titleEn: item.title } : {}),
            status: item.status === 'proposed' ? 'proposed' : 'signed',
            signedOn: item.status !== 'proposed' ? signedOn : null,
            summary: item.date && !signedOn ? `Signed in ${item.date} (day not given by the source).` : null,
            // The source named no parties: our country and the partners the article is about.
            partyIds:
              parties.length > 0
                ? parties
                : [(await deps.partners.ensureByCode(tx, homeCountryCode, actor)).id, ...partnerIds],
            areaIds: review.areaIds,
            policyIds: acceptance.policyIds,
            sourceIds: [sourceId],
            isPublished: review.publish,
          },
          actor,
          tx,
        );
        agreementId = created.id;
      }
      agreementIds.push(agreementId);
      if (item.status === 'signed') signedHere.push(agreementId);
      await link('agreement', agreementId, item.spans);
    }
    return { agreementIds, signedHere };
  }

  type EventLinks = { partnerIds: string[]; signedHere: string[]; participants: Participant[] };

  /** Another article about an event already registered adds to it rather than duplicating it. */
  async function addToKnownEvent(
    { tx, sourceId, review, actor, policyIds }: Acceptance,
    same: EventRecord,
    links: EventLinks,
  ): Promise<string> {
    const known = new Set(same.participants.map((participant) => participant.personId));
    const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
    await deps.events.update(
      same.id,
      {
        version: same.version,
        partnerIds: union(same.partnerIds, links.partnerIds),
        areaIds: union(same.areaIds, review.areaIds),
        policyIds: union(same.policyIds, policyIds),
        agreementIds: union(same.agreementIds, links.signedHere),
        sourceIds: union(same.sourceIds, [sourceId]),
        participants: [...same.participants, ...links.participants.filter((p) => !known.has(p.personId))],
        isPublished: same.isPublished || review.publish,
      },
      actor,
      tx,
    );
    return same.id;
  }

  async function createEvent(
    { tx, sourceId, review, actor, policyIds }: Acceptance,
    item: AcceptDraft['events'][number],
    sourceTitle: string,
    links: EventLinks,
  ): Promise<string> {
    const startOn = exactDay(item.startOn);
    const created = await deps.events.create(
      {
        kind: item.kind,
        title: item.title || review.title || sourceTitle,
        startOn,
        endOn: exactDay(item.endOn),
        summary: item.startOn && !startOn ? `Held in ${item.startOn} (day not given by the source).` : null,
        mode: item.mode ?? 'in_person',
        location: item.location ?? null,
        partnerIds: links.partnerIds,
        areaIds: review.areaIds,
        policyIds,
        agreementIds: links.signedHere,
        sourceIds: [sourceId],
        participants: links.participants,
        isPublished: review.publish,
      },
      actor,
      tx,
    );
    return created.id;
  }

  async function registerEvents(acceptance: Acceptance, sourceTitle: string, links: EventLinks) {
    const eventIds: string[] = [];
    for (const item of acceptance.review.events) {
      // The participants take part in the first event the article reports.
      const linksHere = { ...links, participants: eventIds.length === 0 ? links.participants : [] };
      const startOn = exactDay(item.startOn);
      const same = startOn
        ? await deps.events.findSameEvent(acceptance.tx, item.kind, startOn, links.partnerIds)
        : null;
      const eventId = same
        ? await addToKnownEvent(acceptance, same, linksHere)
        : await createEvent(acceptance, item, sourceTitle, linksHere);
      eventIds.push(eventId);
      await acceptance.link('event', eventId, item.spans);
    }
    return eventIds;
  }

  /** Commitments follow from what was signed here, else from the reported event. */
  async function registerCommitments(
    { tx, sourceId, review, actor, link, policyIds }: Acceptance,
    signedHere: string[],
    eventIds: string[],
  ): Promise<string[]> {
    const originAgreementId = signedHere.length === 1 ? signedHere[0]! : null;
    const commitmentIds: string[] = [];
    for (const item of review.commitments) {
      const created = await deps.commitments.create(
        {
          text: item.text,
          agreementId: originAgreementId,
          eventId: eventIds[0] ?? null,
          sourceId,
          areaIds: item.areaIds ?? review.areaIds,
          policyIds,
          dueOn: item.dueOn ?? null,
          horizonYear: item.horizonYear ?? null,
          status: item.status,
        },
        actor,
        tx,
      );
      commitmentIds.push(created.id);
      await link('commitment', created.id, item.spans);
    }
    return commitmentIds;
  }

  /** Accepted progress proposals: a commitment gains a dated update citing the article (and its
   * new status); an agreement gains the article among its sources. */
  async function registerProgress({ tx, sourceId, review, actor, link }: Acceptance): Promise<string[]> {
    const recordIds: string[] = [];
    for (const item of review.progress) {
      if (item.target === 'commitment') {
        const current = await deps.commitments.requireRow(tx, item.recordId, true);
        await deps.commitments.recordProgress(
          tx,
          current,
          { on: item.on, note: item.note, status: item.status ?? null, authorId: actor.userId, sourceId },
          actor,
        );
        await link('commitment', item.recordId, item.spans);
      } else {
        const current = await deps.agreements.requireRow(tx, item.recordId);
        if (!current.sourceIds.includes(sourceId)) {
          await deps.agreements.update(
            item.recordId,
            { version: current.version, sourceIds: [...current.sourceIds, sourceId] },
            actor,
            tx,
          );
        }
        await link('agreement', item.recordId, item.spans);
      }
      recordIds.push(item.recordId);
    }
    return recordIds;
  }

  async function markAccepted(
    { tx, sourceId, review, actor }: Acceptance,
    source: SourceRow,
    partnerIds: string[],
  ) {
    const [updated] = await tx
      .update(sources)
      .set({
        title: review.title ?? source.title,
        reviewStatus: 'accepted',
        isPublished: review.publish,
        partnerIds,
        areaIds: review.areaIds,
        version: source.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(sources.id, sourceId))
      .returning();
    await writeAudit(tx, {
      actor,
      action: 'update',
      recordType: 'source',
      recordId: sourceId,
      before: { ...source },
      after: updated!,
    });
  }

  async function acceptDraft(sourceId: string, review: AcceptDraft, actor: Actor): Promise<AcceptResult> {
    return db.transaction(async (tx) => {
      const source = await requireAcceptable(tx, sourceId, review.version);
      await requireAreas(tx, [...review.areaIds, ...review.commitments.flatMap((c) => c.areaIds ?? [])]);
      await lockNaturalKeys(tx, findNaturalKeys(review));
      const acceptance: Acceptance = {
        tx,
        sourceId,
        review,
        actor,
        language: source.language,
        link: (type, id, spans) => linkSpans(tx, sourceId, source.text.length, type, id, spans),
        policyIds: await resolvePolicyNumbers(tx, review.policyNumbers),
      };
      const partnerIds = await registerPartners(acceptance);
      const { organisationIds, personIds, participants } = await registerParticipants(acceptance);
      const { agreementIds, signedHere } = await registerAgreements(acceptance, partnerIds);
      const eventIds = await registerEvents(acceptance, source.title, {
        partnerIds,
        signedHere,
        participants,
      });
      const commitmentIds = await registerCommitments(acceptance, signedHere, eventIds);
      const progressRecordIds = await registerProgress(acceptance);
      await markAccepted(acceptance, source, partnerIds);
      return {
        sourceId,
        partnerIds,
        personIds,
        organisationIds,
        eventIds,
        agreementIds,
        commitmentIds,
        progressRecordIds,
      };
    });
  }

  /** What the source's draft reports of progress on registered commitments and agreements. */
  async function listProgressProposals(sourceId: string) {
    return proposeProgress(db, await deps.sources.getDraft(sourceId));
  }

  return { acceptDraft, listProgressProposals };
}

export type ReviewService = ReturnType<typeof createReviewService>;
