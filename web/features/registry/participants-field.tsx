import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { participantInput } from '../../../common/contracts/events.ts';
import { participantRoles } from '../../../common/domain/enums.ts';
import { listEnumOptions } from '../../i18n/enum-label.ts';
import { SelectField, TextField } from '../../ui/field.tsx';
import { LinkField } from './link-field.tsx';

type ParticipantInput = z.input<typeof participantInput>;

/** A participant as the form holds it: the person's name rides along for the picker's chip. */
export interface ParticipantValue {
  personId: string;
  personName: string;
  role: NonNullable<ParticipantInput['role']>;
  title: string;
  organisationId: string | null;
}

export function toParticipantInput(value: ParticipantValue): ParticipantInput {
  return {
    personId: value.personId,
    role: value.role,
    title: value.title.trim() || null,
    organisationId: value.organisationId,
  };
}

interface ParticipantsFieldProps {
  label: string;
  value: ParticipantValue[];
  onChange: (value: ParticipantValue[]) => void;
  error?: string | undefined;
  /** Field errors below `participants.N.`, keyed by row index, so each lands on its row. */
  rowErrors: (index: number) => string | undefined;
}

/** The people at an event, each with a role, their title at the time and their organisation. */
export function ParticipantsField({ label, value, onChange, error, rowErrors }: ParticipantsFieldProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = (index: number, changes: Partial<ParticipantValue>) =>
    onChange(value.map((row, at) => (at === index ? { ...row, ...changes } : row)));
  // A row without a person is kept on screen but not sent: the picker is where it starts.
  return (
    <fieldset className="stack participants-field" aria-labelledby={headingId}>
      <legend id={headingId}>{label}</legend>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {value.map((row, index) => {
        const rowLabel = t('participants.row', { index: index + 1 });
        return (
          // Rows have no id of their own until a person is chosen; position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <fieldset key={index} className="participant-row">
            <legend className="visually-hidden">{rowLabel}</legend>
            <LinkField
              kind="people"
              label={t('participants.person')}
              isSingle
              ids={row.personId ? [row.personId] : []}
              onChange={() => undefined}
              onPick={(next) =>
                update(index, { personId: next[0]?.value ?? '', personName: next[0]?.label ?? '' })
              }
              error={rowErrors(index)}
            />
            <SelectField
              label={t('participants.role')}
              value={row.role}
              options={listEnumOptions('participantRole', participantRoles)}
              onChange={(role) => update(index, { role: role as ParticipantValue['role'] })}
            />
            <TextField
              label={t('participants.title')}
              value={row.title}
              onChange={(title) => update(index, { title })}
            />
            <LinkField
              kind="organisations"
              label={t('participants.organisation')}
              isSingle
              ids={row.organisationId ? [row.organisationId] : []}
              onChange={(ids) => update(index, { organisationId: ids[0] ?? null })}
            />
            <div>
              <button type="button" onClick={() => onChange(value.filter((_, at) => at !== index))}>
                {t('participants.remove')}
                <span className="visually-hidden">: {row.personName || rowLabel}</span>
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          onClick={() =>
            onChange([
              ...value,
              { personId: '', personName: '', role: 'attendee', title: '', organisationId: null },
            ])
          }
        >
          {t('participants.add')}
        </button>
      </div>
    </fieldset>
  );
}
