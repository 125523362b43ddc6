import type { ParticipantValue } from './participants-field.tsx';
import { toParticipantInput } from './participants-field.tsx';
import type { EditField } from './record-form.tsx';

// How a record's values become form values and back. Only fields that differ from the record
// read are sent, so a value must read back exactly as it was written.

export type FormValue = string | boolean | string[] | ParticipantValue[];
export type FormValues = Record<string, FormValue>;

/** The items of a one-per-line text, as the API takes them: trimmed, blank lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The 1-based line of the text that holds item `index` of `splitLines(text)`, so a server error
 * about `connectionPoints.2` can point at the line the user sees; undefined past the end. */
export function findLineOfItem(text: string, index: number): number | undefined {
  let seen = -1;
  const lines = text.split('\n');
  for (const [at, line] of lines.entries()) {
    if (line.trim() !== '') seen += 1;
    if (seen === index) return at + 1;
  }
  return undefined;
}

/** An instant as a `datetime-local` input shows it: the browser's local time to the minute. */
export function toLocalDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function readValue(field: EditField, value: unknown): FormValue {
  switch (field.kind) {
    case 'datetime':
      return typeof value === 'string' && value ? toLocalDateTime(value) : '';
    case 'checkbox':
      return Boolean(value);
    case 'links':
      return Array.isArray(value) ? value.map(String) : [];
    case 'link':
      return value ? [String(value)] : [];
    case 'lines':
      return Array.isArray(value) ? value.map(String).join('\n') : '';
    case 'participants':
      return (Array.isArray(value) ? (value as Array<Record<string, unknown>>) : []).map((row) => ({
        personId: String(row.personId ?? ''),
        personName: String(row.personName ?? ''),
        role: (row.role ?? 'attendee') as ParticipantValue['role'],
        title: row.title ? String(row.title) : '',
        organisationId: row.organisationId ? String(row.organisationId) : null,
      }));
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

export function readValues(record: object, fields: EditField[]): FormValues {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field.name, readValue(field, source[field.name])]));
}

export function isSameValue(a: FormValue | undefined, b: FormValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function toApiValue(field: EditField, value: FormValue): unknown {
  switch (field.kind) {
    case 'checkbox':
      return Boolean(value);
    case 'links':
      return value;
    case 'link':
      return (value as string[])[0] ?? null;
    case 'lines':
      return splitLines(String(value));
    case 'participants':
      return (value as ParticipantValue[]).filter((row) => row.personId).map(toParticipantInput);
  }
  const text = String(value).trim();
  if (text === '') return field.isRequired ? '' : null;
  if (field.kind === 'datetime') return new Date(text).toISOString();
  return field.kind === 'number' ? Number(text) : text;
}

/** The changes to send: every field whose value differs from the record the form started from. */
export function listChanges(fields: EditField[], values: FormValues, base: object): Record<string, unknown> {
  const before = readValues(base, fields);
  return Object.fromEntries(
    fields
      .filter((field) => !isSameValue(values[field.name], before[field.name]))
      .map((field) => [field.name, toApiValue(field, values[field.name] ?? '')]),
  );
}
