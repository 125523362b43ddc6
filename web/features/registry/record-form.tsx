import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/http.ts';
import { type EnumGroup, listEnumOptions } from '../../i18n/enum-label.ts';
import { CheckboxField, SelectField, TextField } from '../../ui/field.tsx';
import { findFieldMessage, listUnplacedErrors } from './field-errors.ts';
import {
  type FormValue,
  type FormValues,
  findLineOfItem,
  isSameValue,
  listChanges,
  readValues,
} from './form-values.ts';
import { LeaveGuard } from './leave-guard.tsx';
import { LinkField } from './link-field.tsx';
import { ParticipantsField, type ParticipantValue } from './participants-field.tsx';
import {
  type Collection,
  fetchRecord,
  type LinkKind,
  type RecordTypes,
  useCreateRecord,
  usePatchRecord,
} from './registry.api.ts';

export interface EditField {
  name: string;
  /** `links` is a list of ids, `link` a single id or null, `participants` an event's people,
   * `lines` a list of short texts typed one per line. */
  kind:
    | 'text'
    | 'multiline'
    | 'lines'
    | 'date'
    | 'datetime'
    | 'number'
    | 'select'
    | 'checkbox'
    | 'links'
    | 'link'
    | 'participants';
  options?: { group: EnumGroup; values: readonly string[] };
  link?: LinkKind;
  isRequired?: boolean;
  /** Sent with an edit but not part of the record read back (the date of a status change). */
  isWriteOnly?: boolean;
  /** Whether `fieldHints.<name>` explains the field under its control. */
  hasHint?: boolean;
}

export function isLinkField(field: EditField): boolean {
  return field.kind === 'links' || field.kind === 'link' || field.kind === 'participants';
}

interface RecordFormProps<C extends Collection> {
  collection: C;
  /** The record edited; null for a new one, which the form creates. */
  record: RecordTypes[C] | null;
  fields: EditField[];
  /** Cancelled, or an edit saved. */
  onDone: () => void;
  /** A new record saved. */
  onCreated?: (record: RecordTypes[C]) => void;
  /** False inside a dialog over another form, which guards the page itself. */
  guardsLeaving?: boolean;
}

/** A new record's first values: empty, a required choice on its first option. */
function newValues(fields: EditField[]): FormValues {
  const values = readValues({}, fields);
  for (const field of fields)
    if (field.kind === 'select' && field.isRequired && field.options)
      values[field.name] = field.options.values[0] ?? '';
  return values;
}

/**
 * Edits a record with its `version`, or creates one. A 409 keeps the user's values on screen and
 * offers to load the latest version underneath them, so nothing typed is lost to a concurrent edit.
 */
export function RecordForm<C extends Collection>({
  collection,
  record,
  fields,
  onDone,
  onCreated,
  guardsLeaving = true,
}: RecordFormProps<C>) {
  const { t } = useTranslation();
  const [base, setBase] = useState<RecordTypes[C] | null>(record);
  const [initial] = useState<FormValues>(() => (record ? readValues(record, fields) : newValues(fields)));
  const [values, setValues] = useState<FormValues>(initial);
  const [isConflict, setIsConflict] = useState(false);
  const patch = usePatchRecord(collection, record?.id ?? '');
  const create = useCreateRecord(collection);
  const isNew = record === null;
  const released = useRef(false);
  const isDirty =
    !create.isSuccess &&
    !patch.isSuccess &&
    fields.some((field) => !isSameValue(values[field.name], initial[field.name]));

  function submit(event: FormEvent) {
    event.preventDefault();
    // A form in a dialog sits inside another form in the page: only this one submits.
    event.stopPropagation();
    if (isNew) {
      create.mutate(listChanges(fields, values, {}), {
        onSuccess: (created) => {
          released.current = true;
          onCreated?.(created);
        },
      });
      return;
    }
    if (!base) return;
    const changes = listChanges(fields, values, base);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    setIsConflict(false);
    patch.mutate(
      { ...changes, version: base.version },
      {
        onSuccess: onDone,
        onError: (error) => setIsConflict(isApiError(error, 409) && error.code === 'version.conflict'),
      },
    );
  }

  async function loadLatest() {
    if (!record || !base) return;
    const latest = await fetchRecord(collection, record.id);
    // Keep only what this user changed; every other field takes the colleague's newer value.
    const before = readValues(base, fields);
    const edited = fields.filter((field) => !isSameValue(values[field.name], before[field.name]));
    setValues({
      ...readValues(latest, fields),
      ...Object.fromEntries(edited.map((field) => [field.name, values[field.name] ?? ''])),
    });
    setBase(latest);
    setIsConflict(false);
    patch.reset();
  }

  const error = isNew ? create.error : patch.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  const errorFor = (name: string) => findFieldMessage(fieldErrors, name);
  const unplaced = listUnplacedErrors(
    fieldErrors,
    fields.map((field) => field.name),
  );

  return (
    <form
      className="card stack record-form"
      onSubmit={submit}
      noValidate
      aria-label={isNew ? t('create.newRecord', { what: t(`records.${collection}`) }) : undefined}
    >
      {guardsLeaving && <LeaveGuard isDirty={isDirty} released={released} />}
      {isConflict && (
        <div className="notice notice-warn" role="alert" data-testid="conflict">
          <p>{t('detail.conflict')}</p>
          <button type="button" onClick={() => void loadLatest()}>
            {t('detail.reloadLatest')}
          </button>
        </div>
      )}
      {error && !isConflict && (
        <div className="notice notice-error" role="alert">
          {isApiError(error, 403)
            ? t('detail.forbidden')
            : fieldErrors.length > 0
              ? t('detail.fixErrors')
              : t('detail.genericError', { detail: isApiError(error) ? error.detail : String(error) })}
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((item) => (
                <li key={item.path}>
                  {item.path}: {item.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-grid">
        {fields.map((field) => {
          const label = t(`columns.${field.name}` as 'columns.name');
          const value = values[field.name];
          const setValue = (next: FormValue) => setValues((current) => ({ ...current, [field.name]: next }));
          if ((field.kind === 'links' || field.kind === 'link') && field.link) {
            return (
              <LinkField
                key={field.name}
                kind={field.link}
                name={field.name}
                label={label}
                ids={Array.isArray(value) ? (value as string[]) : []}
                isSingle={field.kind === 'link'}
                error={errorFor(field.name)}
                onChange={setValue}
              />
            );
          }
          if (field.kind === 'participants') {
            return (
              <ParticipantsField
                key={field.name}
                label={label}
                value={Array.isArray(value) ? (value as ParticipantValue[]) : []}
                error={findFieldMessage(
                  fieldErrors.filter((item) => item.path === field.name),
                  field.name,
                )}
                rowErrors={(index) => findFieldMessage(fieldErrors, `${field.name}.${index}`)}
                onChange={setValue}
              />
            );
          }
          if (field.kind === 'checkbox') {
            return (
              <CheckboxField
                key={field.name}
                name={field.name}
                label={label}
                isChecked={Boolean(value)}
                onChange={setValue}
              />
            );
          }
          if (field.kind === 'select' && field.options) {
            return (
              <SelectField
                key={field.name}
                name={field.name}
                label={label}
                value={String(value ?? '')}
                options={listEnumOptions(field.options.group, field.options.values)}
                emptyLabel={field.isRequired ? undefined : t('app.none')}
                error={errorFor(field.name)}
                onChange={setValue}
              />
            );
          }
          const text = String(value ?? '');
          return (
            <TextField
              key={field.name}
              name={field.name}
              label={label}
              value={text}
              type={
                field.kind === 'date'
                  ? 'date'
                  : field.kind === 'datetime'
                    ? 'datetime-local'
                    : field.kind === 'number'
                      ? 'number'
                      : 'text'
              }
              isMultiline={field.kind === 'multiline' || field.kind === 'lines'}
              isRequired={field.isRequired}
              hint={
                field.hasHint ? t(`fieldHints.${field.name}` as 'fieldHints.connectionPoints') : undefined
              }
              error={
                field.kind === 'lines'
                  ? findFieldMessage(fieldErrors, field.name, (index) => {
                      const line = findLineOfItem(text, index);
                      return line === undefined ? undefined : t('detail.line', { line });
                    })
                  : errorFor(field.name)
              }
              onChange={setValue}
            />
          );
        })}
      </div>
      {base && <p className="muted">{t('detail.version', { version: base.version })}</p>}
      <div className="row form-actions">
        <button type="submit" className="primary" disabled={patch.isPending || create.isPending}>
          {patch.isPending || create.isPending
            ? t('detail.saving')
            : isNew
              ? t('create.submit')
              : t('detail.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('detail.cancel')}
        </button>
      </div>
    </form>
  );
}
