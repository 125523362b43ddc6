import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { enumLabels } from '../../../common/domain/enum-labels.ts';
import type {
  AgreementKind,
  AgreementStatus,
  CommitmentStatus,
  EventKind,
  PartnerKind,
} from '../../../common/domain/enums.ts';
import { homeCountryCode } from '../../../common/domain/enums.ts';

// IATI 2.03 activity XML, built from plain values so the mapping can be read and tested apart
// from the database. Codelists: https://iatistandard.org/en/iati-standard/203/codelists/

export type IatiReportingOrg = { ref: string; nameVi: string; nameEn: string };

export type IatiArea = { id: string; labelVi: string; labelEn: string; dacCode: number | null };
export type IatiParty = { code: string; kind: PartnerKind; nameVi: string; nameEn: string };
export type IatiOwner = { nameVi: string; nameEn: string };
export type IatiLink = { url: string; title: string; publishedOn: string | null; language: string };
export type IatiEvent = { kind: EventKind; title: string; startOn: string | null; summary: string | null };
export type IatiCommitment = {
  id: string;
  text: string;
  status: CommitmentStatus;
  dueOn: string | null;
  horizonYear: number | null;
  areas: IatiArea[];
  owners: IatiOwner[];
  updatedAt: string;
};
export type IatiAgreement = {
  id: string;
  kind: AgreementKind;
  titleVi: string;
  titleEn: string;
  status: AgreementStatus;
  signedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  summary: string | null;
  parties: IatiParty[];
  areas: IatiArea[];
  sources: IatiLink[];
  events: IatiEvent[];
  commitments: IatiCommitment[];
  updatedAt: string;
};

/** The taxonomy as an IATI sector vocabulary of the reporting organisation (99). */
export const areaVocabularyUri = 'https://hoptac.vn/taxonomy/areas';

/** ActivityStatus: 1 pipeline, 2 implementation, 4 closed, 5 cancelled, 6 suspended. */
const agreementActivityStatus: Record<AgreementStatus, string> = {
  proposed: '1',
  negotiating: '1',
  signed: '2',
  in_force: '2',
  suspended: '6',
  expired: '4',
  terminated: '5',
};
const commitmentActivityStatus: Record<CommitmentStatus, string> = {
  proposed: '1',
  agreed: '1',
  in_progress: '2',
  stalled: '2',
  done: '3',
  dropped: '5',
};

function narratives(parent: XMLBuilder, vi: string | null | undefined, en: string | null | undefined) {
  if (vi?.trim()) parent.ele('narrative', { 'xml:lang': 'vi' }).txt(vi.trim());
  if (en?.trim()) parent.ele('narrative', { 'xml:lang': 'en' }).txt(en.trim());
}

/** Percentages of one vocabulary must add up to 100; the remainder goes to the first code. */
function shares(count: number): string[] {
  const each = Math.floor((100 / count) * 100) / 100;
  const first = Math.round((100 - each * (count - 1)) * 100) / 100;
  return Array.from({ length: count }, (_, index) => String(index === 0 ? first : each));
}

function sectors(activity: XMLBuilder, areas: IatiArea[]) {
  const dac = [...new Map(areas.filter((a) => a.dacCode).map((a) => [a.dacCode, a])).values()];
  const dacShares = shares(dac.length);
  dac.forEach((area, index) => {
    const sector = activity.ele('sector', {
      vocabulary: '1',
      code: String(area.dacCode),
      percentage: dacShares[index],
    });
    narratives(sector, area.labelVi, area.labelEn);
  });
  const ownShares = shares(areas.length);
  areas.forEach((area, index) => {
    const sector = activity.ele('sector', {
      vocabulary: '99',
      'vocabulary-uri': areaVocabularyUri,
      code: area.id,
      percentage: ownShares[index],
    });
    narratives(sector, area.labelVi, area.labelEn);
  });
}

function reportingOrg(activity: XMLBuilder, org: IatiReportingOrg) {
  narratives(activity.ele('reporting-org', { ref: org.ref, type: '10' }), org.nameVi, org.nameEn);
}

/** OrganisationType 10 government for countries; international organisations are left untyped,
 * since "international" covers multilaterals (40), NGOs (21) and foreign agencies (10). */
function participatingOrg(activity: XMLBuilder, role: string, party: IatiParty) {
  const attributes: Record<string, string> = { role, ref: party.code };
  if (party.kind === 'country') attributes.type = '10';
  narratives(activity.ele('participating-org', attributes), party.nameVi, party.nameEn);
}

function agreementActivity(root: XMLBuilder, org: IatiReportingOrg, agreement: IatiAgreement) {
  const identifier = `${org.ref}-${agreement.id}`;
  const activity = root.ele('iati-activity', {
    'last-updated-datetime': agreement.updatedAt,
    'xml:lang': 'vi',
    'default-currency': 'VND',
    hierarchy: '1',
  });
  activity.ele('iati-identifier').txt(identifier);
  reportingOrg(activity, org);
  narratives(activity.ele('title'), agreement.titleVi, agreement.titleEn || null);

  const general = activity.ele('description', { type: '1' });
  narratives(
    general,
    agreement.summary || enumLabels.vi.agreementKind[agreement.kind],
    agreement.summary ? null : enumLabels.en.agreementKind[agreement.kind],
  );
  for (const event of agreement.events) {
    // Events under the agreement (signing, talks, review meetings) as "other" descriptions.
    const dated = event.startOn ? `${event.startOn}: ` : '';
    narratives(activity.ele('description', { type: '4' }), `${dated}${event.title}`, null);
  }

  // The reporting ministry is accountable on our side; every other party is accountable too.
  narratives(
    activity.ele('participating-org', { role: '2', ref: org.ref, type: '10' }),
    org.nameVi,
    org.nameEn,
  );
  for (const party of agreement.parties)
    if (party.code !== homeCountryCode) participatingOrg(activity, '2', party);

  activity.ele('activity-status', { code: agreementActivityStatus[agreement.status] });
  const start = agreement.validFrom ?? agreement.signedOn;
  if (start) activity.ele('activity-date', { type: '2', 'iso-date': start });
  else activity.ele('activity-date', { type: '1', 'iso-date': agreement.updatedAt.slice(0, 10) });
  if (agreement.validTo)
    activity.ele('activity-date', {
      type: agreement.status === 'expired' || agreement.status === 'terminated' ? '4' : '3',
      'iso-date': agreement.validTo,
    });

  activity.ele('recipient-country', { code: homeCountryCode, percentage: '100' });
  sectors(activity, agreement.areas);

  for (const source of agreement.sources) documentLink(activity, source, 'A12');
  for (const commitment of agreement.commitments)
    activity.ele('related-activity', { ref: `${identifier}-${commitment.id}`, type: '2' });
}

function documentLink(activity: XMLBuilder, link: IatiLink, category: string) {
  const element = activity.ele('document-link', { url: link.url, format: 'text/html' });
  narratives(
    element.ele('title'),
    link.language === 'vi' ? link.title : null,
    link.language === 'vi' ? null : link.title,
  );
  element.ele('category', { code: category });
  element.ele('language', { code: link.language });
  if (link.publishedOn) element.ele('document-date', { 'iso-date': link.publishedOn });
}

/** Each commitment is a child activity (hierarchy 2): it has its own status, dates and owners. */
function commitmentActivity(
  root: XMLBuilder,
  org: IatiReportingOrg,
  agreement: IatiAgreement,
  commitment: IatiCommitment,
) {
  const parent = `${org.ref}-${agreement.id}`;
  const activity = root.ele('iati-activity', {
    'last-updated-datetime': commitment.updatedAt,
    'xml:lang': 'vi',
    hierarchy: '2',
  });
  activity.ele('iati-identifier').txt(`${parent}-${commitment.id}`);
  reportingOrg(activity, org);
  narratives(activity.ele('title'), commitment.text.slice(0, 500), null);
  narratives(activity.ele('description', { type: '2' }), commitment.text, null);
  for (const owner of commitment.owners)
    narratives(activity.ele('participating-org', { role: '4' }), owner.nameVi, owner.nameEn || null);
  if (commitment.owners.length === 0)
    narratives(
      activity.ele('participating-org', { role: '4', ref: org.ref, type: '10' }),
      org.nameVi,
      org.nameEn,
    );
  activity.ele('activity-status', { code: commitmentActivityStatus[commitment.status] });
  const end = commitment.dueOn ?? (commitment.horizonYear ? `${commitment.horizonYear}-12-31` : null);
  activity.ele('activity-date', {
    type: end ? '3' : '1',
    'iso-date': end ?? commitment.updatedAt.slice(0, 10),
  });
  activity.ele('recipient-country', { code: homeCountryCode, percentage: '100' });
  sectors(activity, commitment.areas);
  activity.ele('related-activity', { ref: parent, type: '1' });
}

/** The whole `iati-activities` document: each agreement, then its commitments as children. */
export function buildIatiActivities(
  org: IatiReportingOrg,
  agreements: IatiAgreement[],
  generatedAt: Date = new Date(),
): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
    version: '2.03',
    'generated-datetime': generatedAt.toISOString(),
  });
  for (const agreement of agreements) {
    agreementActivity(root, org, agreement);
    for (const commitment of agreement.commitments) commitmentActivity(root, org, agreement, commitment);
  }
  return root.end({ prettyPrint: true });
}
