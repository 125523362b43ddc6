// Pure helpers of the review screen: draft → editable items, items → highlighted segments of the
// source, items → the accept payload. No React here, so each step is tested alone.

import type { AcceptDraftInput } from '../../../common/contracts/review.ts';
import {
  agreementKinds,
  draftCommitmentStatuses,
  eventKinds,
  eventModes,
  participantRoles,
} from '../../../common/domain/enums.ts';
import type { Draft, DraftRecord, Span } from './review.api.ts';

export const sections = [
  'events',
  'partners',
  'participants',
  'agreements',
  'areas',
  'commitments',
  'policies',
] as const;
export type Section = (typeof sections)[number];

/** The draft sections a reader failure left incomplete ('people' feeds participants); null for the
 * whole article (the reader failed before any recogniser ran). */
export function failedSections(draft: Pick<Draft, 'readerFailures'>): (Section | null)[] {
  const out = new Set<Section | null>();
  for (const failure of draft.readerFailures ?? []) {
    const name = failure.recogniser === 'people' ? 'participants' : failure.recogniser;
    out.add((sections as readonly string[]).includes(name) ? (name as Section) : null);
  }
  return [...out];
}

export const spanTypes = [
  'person',
  'organisation',
  'country',
  'date',
  'agreement',
  'area',
  'commitment',
] as const;
export type SpanType = (typeof spanTypes)[number];

export const spanTypeOf: Record<Section, SpanType> = {
  events: 'date',
  partners: 'country',
  participants: 'person',
  agreements: 'agreement',
  areas: 'area',
  commitments: 'commitment',
  // A cited resolution is a document, highlighted as agreements are.
  policies: 'agreement',
};

/** Below this the reader is guessing; such items are flagged for a closer look. */
export const lowConfidence = 0.6;

export type FieldKind = 'text' | 'multiline' | 'date' | 'select' | 'list' | 'area';

export interface FieldDef {
  name: string;
  /** The label's key under review.fields when the name alone is ambiguous (an agreement's title
   * is no person's job title; an area's id is the area). */
  label?: 'agreementTitle' | 'eventTitle' | 'area';
  kind: FieldKind;
  /** Enum group (for labels) and values of a select. */
  options?: {
    group:
      | 'eventKind'
      | 'eventMode'
      | 'participantRole'
      | 'agreementKind'
      | 'agreementStatus'
      | 'commitmentStatus';
    values: readonly string[];
  };
}

type ReviewedAgreementStatus = AcceptDraftInput['agreements'] extends Array<infer A> | undefined
  ? A extends { status: infer S }
    ? S
    : never
  : never;

// How the article reports an agreement: signed at the event, mentioned (signed earlier), proposed.
const draftAgreementStatuses: readonly ReviewedAgreementStatus[] = ['signed', 'mentioned', 'proposed'];

export const fieldDefs: Record<Section, FieldDef[]> = {
  events: [
    { name: 'title', label: 'eventTitle', kind: 'text' },
    { name: 'kind', kind: 'select', options: { group: 'eventKind', values: eventKinds } },
    { name: 'start', kind: 'date' },
    { name: 'end', kind: 'date' },
    { name: 'mode', kind: 'select', options: { group: 'eventMode', values: eventModes } },
    { name: 'location', kind: 'text' },
  ],
  partners: [{ name: 'code', kind: 'text' }],
  participants: [
    { name: 'name', kind: 'text' },
    { name: 'title', kind: 'text' },
    { name: 'org', kind: 'text' },
    { name: 'countryCode', kind: 'text' },
    { name: 'role', kind: 'select', options: { group: 'participantRole', values: participantRoles } },
  ],
  agreements: [
    { name: 'title', label: 'agreementTitle', kind: 'multiline' },
    { name: 'kind', kind: 'select', options: { group: 'agreementKind', values: agreementKinds } },
    { name: 'status', kind: 'select', options: { group: 'agreementStatus', values: draftAgreementStatuses } },
    { name: 'date', kind: 'date' },
    { name: 'parties', kind: 'list' },
  ],
  areas: [{ name: 'id', label: 'area', kind: 'area' }],
  commitments: [
    { name: 'text', kind: 'multiline' },
    {
      name: 'status',
      kind: 'select',
      options: { group: 'commitmentStatus', values: draftCommitmentStatuses },
    },
    { name: 'areaIds', kind: 'list' },
  ],
  policies: [{ name: 'number', kind: 'text' }],
};

export type ItemState = 'pending' | 'accepted' | 'dropped';

export interface ReviewItem {
  key: string;
  section: Section;
  fields: Record<string, string>;
  spans: Span[];
  confidence: number | null;
  state: ItemState;
  /** The existing person (or agreement) the user confirmed this item is; null creates a new record. */
  linkedId: string | null;
  /** How many existing records may be the same; while any do, the user must link or confirm "new". */
  candidateCount: number;
  isNewConfirmed: boolean;
  /** Fields of the draft item the screen does not edit, posted back unchanged. */
  extra: Record<string, unknown>;
}

// Field names the reader may use for the same thing; the first is the one the screen edits.
const aliases: Record<string, string[]> = {
  countryCode: ['countryCode', 'country'],
  id: ['id', 'areaId', 'area'],
  start: ['start', 'startOn'],
  end: ['end', 'endOn'],
  date: ['date', 'signedOn'],
  parties: ['parties', 'partyCodes'],
};

function readField(raw: DraftRecord, name: string): string {
  for (const alias of aliases[name] ?? [name]) {
    const value = raw[alias];
    if (Array.isArray(value)) return value.join(', ');
    if (value !== undefined && value !== null) return String(value);
  }
  return '';
}

function toRecord(raw: DraftRecord | string, section: Section): DraftRecord {
  if (typeof raw !== 'string') return raw;
  return section === 'areas' ? { id: raw } : { text: raw };
}

function isSpan(value: unknown): value is Span {
  const span = value as Span;
  return typeof span?.start === 'number' && typeof span.end === 'number' && span.end > span.start;
}

export function createItem(section: Section, key: string, raw: DraftRecord | string): ReviewItem {
  const record = toRecord(raw, section);
  const defs = fieldDefs[section];
  const edited = new Set(defs.flatMap((def) => aliases[def.name] ?? [def.name]));
  const extra = Object.fromEntries(
    Object.entries(record).filter(([name]) => !edited.has(name) && name !== 'spans' && name !== 'confidence'),
  );
  const fields = Object.fromEntries(defs.map((def) => [def.name, readField(record, def.name)]));
  if (section === 'participants' && !fields.role) fields.role = 'attendee';
  // A commitment the officer adds from the source, or one drafted before statuses, is agreed until changed.
  if (section === 'commitments' && !fields.status) fields.status = 'agreed';
  return {
    key,
    section,
    fields,
    spans: (record.spans ?? []).filter(isSpan),
    confidence: typeof record.confidence === 'number' ? record.confidence : null,
    state: 'pending',
    linkedId: null,
    candidateCount: 0,
    isNewConfirmed: false,
    extra,
  };
}

export function createItems(draft: Draft): ReviewItem[] {
  return sections.flatMap((section) =>
    ((draft[section] ?? []) as DraftRecord[]).map((raw, index) =>
      createItem(section, `${section}-${index}`, raw),
    ),
  );
}

/** Kept items that may duplicate an existing record and still wait for the user's decision. */
export function listUndecided(items: ReviewItem[]): ReviewItem[] {
  return items.filter(
    (item) => item.state !== 'dropped' && item.candidateCount > 0 && !item.linkedId && !item.isNewConfirmed,
  );
}

export function isLowConfidence(item: ReviewItem): boolean {
  return item.confidence !== null && item.confidence < lowConfidence;
}

export interface Mark {
  start: number;
  end: number;
  type: SpanType;
  key: string;
}

export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/** Cuts the text at every span edge, so overlapping spans become runs each knowing its marks. */
export function buildSegments(textLength: number, marks: Mark[]): Segment[] {
  const inside = marks
    .map((mark) => ({ ...mark, start: Math.max(0, mark.start), end: Math.min(textLength, mark.end) }))
    .filter((mark) => mark.end > mark.start);
  const edges = [...new Set([0, textLength, ...inside.flatMap((mark) => [mark.start, mark.end])])].sort(
    (a, b) => a - b,
  );
  const segments: Segment[] = [];
  for (let index = 0; index < edges.length - 1; index += 1) {
    const start = edges[index] ?? 0;
    const end = edges[index + 1] ?? textLength;
    const covering = inside
      .filter((mark) => mark.start <= start && mark.end >= end)
      // The shortest span is the most specific (a name inside a commitment sentence): it shows on top.
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    segments.push({ start, end, marks: covering });
  }
  return segments;
}

export function listMarks(items: ReviewItem[]): Mark[] {
  return items
    .filter((item) => item.state !== 'dropped')
    .flatMap((item) =>
      item.spans.map((span) => ({ ...span, type: spanTypeOf[item.section], key: item.key })),
    );
}

function orNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

type Reviewed<K extends keyof AcceptDraftInput> =
  NonNullable<AcceptDraftInput[K]> extends Array<infer T> ? T : never;

/** The reviewed draft as `POST /sources/:id/accept` takes it: dropped items left out. */
export function buildAcceptPayload(items: ReviewItem[], publish: boolean, version: number): AcceptDraftInput {
  const kept = items.filter((item) => item.state !== 'dropped');
  const of = (section: Section) => kept.filter((item) => item.section === section);
  return {
    version,
    publish,
    partners: of('partners')
      .filter((item) => orNull(item.fields.code))
      .map((item) => ({ code: (item.fields.code ?? '').trim().toUpperCase(), spans: item.spans })),
    participants: of('participants')
      .filter((item) => orNull(item.fields.name))
      .map((item) => ({
        name: (item.fields.name ?? '').trim(),
        title: orNull(item.fields.title),
        org: orNull(item.fields.org),
        countryCode: orNull(item.fields.countryCode)?.toUpperCase() ?? null,
        role: (orNull(item.fields.role) ?? 'attendee') as Reviewed<'participants'>['role'],
        personId: item.linkedId,
        spans: item.spans,
      })),
    events: of('events').map((item) => ({
      kind: (orNull(item.fields.kind) ?? 'other') as Reviewed<'events'>['kind'],
      // Empty: the server falls back to the article's title.
      title: orNull(item.fields.title) ?? undefined,
      startOn: orNull(item.fields.start),
      endOn: orNull(item.fields.end),
      mode: orNull(item.fields.mode) as Reviewed<'events'>['mode'],
      location: orNull(item.fields.location),
      spans: item.spans,
    })),
    agreements: of('agreements').map((item) => ({
      kind: (orNull(item.fields.kind) ?? 'other') as Reviewed<'agreements'>['kind'],
      status: (orNull(item.fields.status) ?? 'mentioned') as Reviewed<'agreements'>['status'],
      title: orNull(item.fields.title),
      date: orNull(item.fields.date),
      partyCodes: splitList(item.fields.parties).map((code) => code.toUpperCase()),
      agreementId: item.linkedId,
      spans: item.spans,
    })),
    areaIds: [
      ...new Set(
        of('areas')
          .map((item) => (item.fields.id ?? '').trim())
          .filter(Boolean),
      ),
    ],
    commitments: of('commitments')
      .filter((item) => orNull(item.fields.text))
      .map((item) => ({
        text: (item.fields.text ?? '').trim(),
        status: (orNull(item.fields.status) ?? 'agreed') as Reviewed<'commitments'>['status'],
        spans: item.spans,
        areaIds: splitList(item.fields.areaIds),
      })),
    policyNumbers: [
      ...new Set(
        of('policies')
          .map((item) => (item.fields.number ?? '').trim())
          .filter(Boolean),
      ),
    ],
  };
}
