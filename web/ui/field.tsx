import { type ReactNode, useId } from 'react';

interface FieldShellProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined; isInvalid: boolean }) => ReactNode;
}

/** Label, control, hint and error message wired together for screen readers. */
export function FieldShell({ label, error, hint, children }: FieldShellProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, isInvalid: Boolean(error) })}
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** A field's hint and error lines, with the ids its control names in aria-describedby. */
export function FieldNotes({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint?: string | undefined;
  hintId?: string | undefined;
  error?: string | undefined;
  errorId?: string | undefined;
}) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local' | 'url' | 'search' | 'number';
  isRequired?: boolean;
  isMultiline?: boolean;
  rows?: number;
  name?: string;
  autoComplete?: string;
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const {
    label,
    value,
    onChange,
    error,
    hint,
    type = 'text',
    isRequired,
    isMultiline,
    rows = 3,
    name,
  } = props;
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {({ id, describedBy, isInvalid }) =>
        isMultiline ? (
          <textarea
            id={id}
            name={name}
            value={value}
            rows={rows}
            required={isRequired}
            placeholder={props.placeholder}
            aria-invalid={isInvalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            id={id}
            name={name}
            type={type}
            value={value}
            required={isRequired}
            autoComplete={props.autoComplete}
            placeholder={props.placeholder}
            aria-invalid={isInvalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  error?: string | undefined;
  emptyLabel?: string;
  name?: string;
}

export function SelectField({ label, value, options, onChange, error, emptyLabel, name }: SelectFieldProps) {
  return (
    <FieldShell label={label} error={error}>
      {({ id, describedBy, isInvalid }) => (
        <select
          id={id}
          name={name}
          value={value}
          aria-invalid={isInvalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface CheckboxFieldProps {
  label: string;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
  name?: string;
}

export function CheckboxField({ label, isChecked, onChange, name }: CheckboxFieldProps) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        name={name}
        checked={isChecked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {label}
    </label>
  );
}
