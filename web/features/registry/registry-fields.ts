import {
  agreementKinds,
  agreementStatuses,
  commitmentStatuses,
  eventKinds,
  eventModes,
  legalBases,
  lineageKinds,
  organisationKinds,
  partnerKinds,
} from '../../../common/domain/enums.ts';
import type { EditField } from './record-form.tsx';
import type { Collection } from './registry.api.ts';

/** The fields each record's edit form offers, links to other records included. */
export const editFields: Record<Collection, EditField[]> = {
  agreements: [
    { name: 'titleVi', kind: 'text' },
    { name: 'titleEn', kind: 'text' },
    {
      name: 'kind',
      kind: 'select',
      options: { group: 'agreementKind', values: agreementKinds },
      isRequired: true,
    },
    {
      name: 'status',
      kind: 'select',
      options: { group: 'agreementStatus', values: agreementStatuses },
      isRequired: true,
    },
    { name: 'statusChangedOn', kind: 'date', isWriteOnly: true, hasHint: true },
    { name: 'signedOn', kind: 'date' },
    { name: 'validFrom', kind: 'date' },
    { name: 'validTo', kind: 'date' },
    { name: 'renewalNote', kind: 'text' },
    { name: 'legalBasis', kind: 'select', options: { group: 'legalBasis', values: legalBases } },
    { name: 'decisionNumber', kind: 'text' },
    { name: 'summary', kind: 'multiline' },
    { name: 'isPublished', kind: 'checkbox' },
    { name: 'partyIds', kind: 'links', link: 'partners' },
    { name: 'areaIds', kind: 'links', link: 'areas' },
    { name: 'policyIds', kind: 'links', link: 'policies' },
  ],
  events: [
    { name: 'title', kind: 'text', isRequired: true },
    { name: 'kind', kind: 'select', options: { group: 'eventKind', values: eventKinds }, isRequired: true },
    { name: 'startOn', kind: 'date' },
    { name: 'endOn', kind: 'date' },
    { name: 'mode', kind: 'select', options: { group: 'eventMode', values: eventModes } },
    { name: 'location', kind: 'text' },
    { name: 'connectionPoints', kind: 'lines', hasHint: true },
    { name: 'summary', kind: 'multiline' },
    { name: 'isPublished', kind: 'checkbox' },
    { name: 'partnerIds', kind: 'links', link: 'partners' },
    { name: 'areaIds', kind: 'links', link: 'areas' },
    { name: 'agreementIds', kind: 'links', link: 'agreements' },
    { name: 'policyIds', kind: 'links', link: 'policies' },
    { name: 'participants', kind: 'participants' },
  ],
  commitments: [
    { name: 'text', kind: 'multiline', isRequired: true },
    {
      name: 'status',
      kind: 'select',
      options: { group: 'commitmentStatus', values: commitmentStatuses },
      isRequired: true,
    },
    { name: 'dueOn', kind: 'date' },
    { name: 'horizonYear', kind: 'number' },
    { name: 'agreementId', kind: 'link', link: 'agreements' },
    { name: 'eventId', kind: 'link', link: 'events' },
    { name: 'areaIds', kind: 'links', link: 'areas' },
    { name: 'vnOwnerIds', kind: 'links', link: 'organisations' },
    { name: 'partnerOwnerIds', kind: 'links', link: 'organisations' },
    { name: 'policyIds', kind: 'links', link: 'policies' },
  ],
  people: [
    { name: 'name', kind: 'text', isRequired: true },
    { name: 'honorific', kind: 'text' },
    { name: 'countryCode', kind: 'text' },
    { name: 'aliases', kind: 'lines', hasHint: true },
    { name: 'note', kind: 'multiline' },
  ],
  organisations: [
    { name: 'nameVi', kind: 'text', isRequired: true },
    { name: 'nameEn', kind: 'text' },
    {
      name: 'kind',
      kind: 'select',
      options: { group: 'organisationKind', values: organisationKinds },
      isRequired: true,
    },
    { name: 'countryCode', kind: 'text' },
    { name: 'aliases', kind: 'lines', hasHint: true },
    { name: 'parentId', kind: 'link', link: 'organisations' },
    { name: 'successorId', kind: 'link', link: 'organisations' },
    { name: 'lineageKind', kind: 'select', options: { group: 'lineageKind', values: lineageKinds } },
    { name: 'lineageFrom', kind: 'date' },
  ],
  partners: [
    { name: 'nameVi', kind: 'text', isRequired: true },
    { name: 'nameEn', kind: 'text', isRequired: true },
  ],
  sources: [
    { name: 'title', kind: 'text', isRequired: true },
    { name: 'publishedAt', kind: 'datetime' },
    { name: 'outlet', kind: 'text' },
    { name: 'url', kind: 'text' },
    { name: 'lead', kind: 'multiline' },
    { name: 'isPublished', kind: 'checkbox' },
  ],
};

/** Fields asked for only when a record is created: what identifies it for good (a partner's
 * code) or what it is made from (an article's text). */
export const createOnlyFields: Partial<Record<Collection, EditField[]>> = {
  partners: [
    { name: 'code', kind: 'text', isRequired: true },
    {
      name: 'kind',
      kind: 'select',
      options: { group: 'partnerKind', values: partnerKinds },
      isRequired: true,
    },
  ],
  sources: [{ name: 'text', kind: 'multiline', isRequired: true }],
};

/** The form for a new record: the edit form with what only creation asks for first. */
export function listCreateFields(collection: Collection): EditField[] {
  return [...(createOnlyFields[collection] ?? []), ...editFields[collection]];
}
