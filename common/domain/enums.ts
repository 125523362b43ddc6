// The domain's closed vocabularies, defined once. Labels in both languages live in the web
// dictionaries; these are the stored values.

export const roles = ['admin', 'editor', 'unit', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const partnerKinds = ['country', 'organisation'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const organisationKinds = [
  'ministry',
  'department',
  'embassy',
  'hospital',
  'institute',
  'university',
  'enterprise',
  'international',
  'local_government',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const agreementKinds = [
  'mou',
  'agreement',
  'joint_statement',
  'roadmap',
  'plan',
  'protocol',
  'letter_of_intent',
  'other',
] as const;
export type AgreementKind = (typeof agreementKinds)[number];

export const agreementStatuses = [
  'proposed',
  'negotiating',
  'signed',
  'in_force',
  'suspended',
  'expired',
  'terminated',
] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** How an article reports an agreement: signed at the reported event, mentioned (signed
 * earlier), or proposed. Not the lifecycle status above. */
export const reportedAgreementStatuses = ['signed', 'mentioned', 'proposed'] as const;
export type ReportedAgreementStatus = (typeof reportedAgreementStatuses)[number];

/** International agreement under Law 70/2020, treaty under Law 108/2016, or outside both (ODA, NGO aid). */
export const legalBases = ['international_agreement', 'treaty', 'other'] as const;
export type LegalBasis = (typeof legalBases)[number];

export const eventKinds = [
  'signing',
  'talks',
  'visit',
  'courtesy_call',
  'working_session',
  'conference',
  'handover',
  'other',
] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventModes = ['in_person', 'online', 'hybrid'] as const;
export type EventMode = (typeof eventModes)[number];

export const participantRoles = ['chair', 'signatory', 'attendee'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const commitmentStatuses = [
  'proposed',
  'agreed',
  'in_progress',
  'done',
  'stalled',
  'dropped',
] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** The statuses a drafted commitment can take: a wish or proposal, or a firm promise. */
export const draftCommitmentStatuses = ['proposed', 'agreed'] as const satisfies readonly CommitmentStatus[];

/** Statuses after which a commitment is no longer open (not overdue, not on the to-do list). */
export const closedCommitmentStatuses: readonly CommitmentStatus[] = ['done', 'dropped'];

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

export const sourceReviewStatuses = ['draft', 'accepted'] as const;
export type SourceReviewStatus = (typeof sourceReviewStatuses)[number];

/** How an organisation ended in a reorganisation. */
export const lineageKinds = ['merged_into', 'renamed_to'] as const;
export type LineageKind = (typeof lineageKinds)[number];

/** Collections whose duplicates can be merged. */
export const mergeCollections = ['people', 'organisations'] as const;
export type MergeCollection = (typeof mergeCollections)[number];

export const auditActions = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof auditActions)[number];

export const recordTypes = [
  'partner',
  'organisation',
  'person',
  'agreement',
  'event',
  'commitment',
  'area',
  'source',
  'user',
  'policy',
] as const;
export type RecordType = (typeof recordTypes)[number];

/** Settings an admin edits, audited like records: a year's announced days off and working
 * Saturdays, and an override of a legal clock rule. */
export const settingTypes = ['calendar_year', 'clock_rule'] as const;
/** Files attached to records (server/modules/documents), audited on upload, change and delete. */
export const attachmentTypes = ['document'] as const;
export const auditedTypes = [...recordTypes, ...settingTypes, ...attachmentTypes] as const;
export type AuditedType = (typeof auditedTypes)[number];

/** The country whose cooperation hoptac records: its units own the "our side" of commitments. */
export const homeCountryCode = 'VN';

/** How the commitments board groups; `month` is the month a commitment is due (YYYY-MM). */
export const commitmentGroupings = ['owner', 'partner', 'area', 'status', 'month'] as const;
export type CommitmentGrouping = (typeof commitmentGroupings)[number];
export const importStatuses = ['staging', 'queued', 'done'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const importItemStatuses = ['pending', 'imported', 'duplicate', 'failed'] as const;
