import { eq } from 'drizzle-orm';
import type { AcceptDraft, AcceptResult } from '../../../common/contracts/review.ts';
import { homeCountryCode, type RecordType } from '../../../common/domain/enums.ts';
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
import { sourceErrors } from '../sources/sources.errors.ts';
import type { SourcesService } from '../sources/sources.service.ts';
import { provenanceSpans, sources } from '../sources/sources.table.ts';

type Span = { start: number; end: number };

/** The date when the source gives the day; null for month-only dates, which are never padded
 * into an invented day. */
function exactDay(date: string | null | undefined): string | null {
  return date && date.length === 10 ? date : null;
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

  async function acceptDraft(sourceId: string, review: AcceptDraft, actor: Actor): Promise<AcceptResult> {
    return db.transaction(async (tx) => {
      const source = await deps.sources.requireRow(tx, sourceId, true);
      if (source.version !== review.version) {
        throw commonErrors.versionConflict(
          `This source was changed by someone else since you opened it (your version ${review.version}, current ${source.version}). Reload it and review again.`,
        );
      }
      if (source.reviewStatus === 'accepted') {
        throw sourceErrors.alreadyAccepted(
          'This source has already been accepted; edit the records it created instead.',
        );
      }
      await requireAreas(tx, [...review.areaIds, ...review.commitments.flatMap((c) => c.areaIds ?? [])]);
      const textLength = source.text.length;
      const homePartnerId = async () => (await deps.partners.ensureByCode(tx, homeCountryCode, actor)).id;
      const link = (type: RecordType, id: string, spans: Span[]) =>
        linkSpans(tx, sourceId, textLength, type, id, spans);

      const partnerIds: string[] = [];
      for (const item of review.partners) {
        const partner = await deps.partners.ensureByCode(tx, item.code, actor);
        if (!partnerIds.includes(partner.id)) partnerIds.push(partner.id);
        await link('partner', partner.id, item.spans);
      }

      const organisationIds: string[] = [];
      const personIds: string[] = [];
      const participants: {
        personId: string;
        role: 'chair' | 'signatory' | 'attendee';
        title: string | null;
        organisationId: string | null;
      }[] = [];
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
              titleVi: item.title || `${item.kind.toUpperCase()} ${item.partyCodes.join('–')}`,
              status: item.status === 'proposed' ? 'proposed' : 'signed',
              signedOn: item.status !== 'proposed' ? signedOn : null,
              summary:
                item.date && !signedOn ? `Signed in ${item.date} (day not given by the source).` : null,
              // The source named no parties: our country and the partners the article is about.
              partyIds: parties.length > 0 ? parties : [await homePartnerId(), ...partnerIds],
              areaIds: review.areaIds,
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

      const eventIds: string[] = [];
      for (const item of review.events) {
        const startOn = exactDay(item.startOn);
        const same = startOn ? await deps.events.findSameEvent(tx, item.kind, startOn, partnerIds) : null;
        if (same) {
          // Another article about an event already registered: add to it rather than duplicate it.
          const known = new Set(same.participants.map((participant) => participant.personId));
          const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
          await deps.events.update(
            same.id,
            {
              version: same.version,
              partnerIds: union(same.partnerIds, partnerIds),
              areaIds: union(same.areaIds, review.areaIds),
              agreementIds: union(same.agreementIds, signedHere),
              sourceIds: union(same.sourceIds, [sourceId]),
              participants: [
                ...same.participants,
                ...(eventIds.length === 0 ? participants.filter((p) => !known.has(p.personId)) : []),
              ],
              isPublished: same.isPublished || review.publish,
            },
            actor,
            tx,
          );
          eventIds.push(same.id);
          await link('event', same.id, item.spans);
          continue;
        }
        const created = await deps.events.create(
          {
            kind: item.kind,
            title: item.title || review.title || source.title,
            startOn: exactDay(item.startOn),
            endOn: exactDay(item.endOn),
            summary:
              item.startOn && !exactDay(item.startOn)
                ? `Held in ${item.startOn} (day not given by the source).`
                : null,
            mode: item.mode ?? 'in_person',
            location: item.location ?? null,
            partnerIds,
            areaIds: review.areaIds,
            agreementIds: signedHere,
            sourceIds: [sourceId],
            participants: eventIds.length === 0 ? participants : [],
            isPublished: review.publish,
          },
          actor,
          tx,
        );
        eventIds.push(created.id);
        await link('event', created.id, item.spans);
      }

      // Commitments follow from what was signed here, else from the reported event.
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
            dueOn: item.dueOn ?? null,
            horizonYear: item.horizonYear ?? null,
            status: 'agreed',
          },
          actor,
          tx,
        );
        commitmentIds.push(created.id);
        await link('commitment', created.id, item.spans);
      }

      const before = { ...source };
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
        before,
        after: updated!,
      });

      return {
        sourceId,
        partnerIds,
        personIds,
        organisationIds,
        eventIds,
        agreementIds,
        commitmentIds,
      };
    });
  }

  return { acceptDraft };
}

export type ReviewService = ReturnType<typeof createReviewService>;
