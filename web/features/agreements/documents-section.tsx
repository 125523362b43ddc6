import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AgreementDocumentSlot,
  agreementDocumentSlots,
} from '../../../common/domain/agreement-lifecycle.ts';
import { formatDate } from '../../i18n/format.ts';
import { TextField } from '../../ui/field.tsx';
import type { Agreement } from '../registry/registry.api.ts';
import { canEdit, useMe } from '../session/session.api.ts';
import { useUpdateAgreement } from './agreements.api.ts';
import { describeSaveError } from './save-error.ts';

type AgreementDocument = Agreement['documents'][number];

/** Fills or corrects one slot; the whole list goes back with the version the page read. */
function SlotForm({
  agreement,
  slot,
  onDone,
}: {
  agreement: Agreement;
  slot: AgreementDocumentSlot;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAgreement(agreement.id);
  const current = agreement.documents.find((document) => document.slot === slot);
  const [number, setNumber] = useState(current?.number ?? '');
  const [issuedOn, setIssuedOn] = useState(current?.issuedOn ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const { message, errorFor } = describeSaveError(t, update.error);
  const index = agreement.documents.findIndex((document) => document.slot === slot);
  const at = index === -1 ? agreement.documents.length : index;

  function submit(event: FormEvent) {
    event.preventDefault();
    const filled: AgreementDocument = { slot, number, issuedOn, note: note.trim() || null };
    const documents = agreement.documents.filter((document) => document.slot !== slot);
    documents.splice(at, 0, filled);
    update.mutate({ version: agreement.version, documents }, { onSuccess: onDone });
  }

  function remove() {
    const documents = agreement.documents.filter((document) => document.slot !== slot);
    update.mutate({ version: agreement.version, documents }, { onSuccess: onDone });
  }

  const title = t(`documents.slots.${slot}`);
  return (
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label={t('documents.formTitle', { slot: title })}
    >
      {message && (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      )}
      <div className="form-grid">
        <TextField
          label={t('documents.number')}
          name="number"
          value={number}
          isRequired
          error={errorFor(`documents.${at}.number`)}
          onChange={setNumber}
        />
        <TextField
          label={t('documents.issuedOn')}
          name="issuedOn"
          type="date"
          value={issuedOn}
          isRequired
          error={errorFor(`documents.${at}.issuedOn`)}
          onChange={setIssuedOn}
        />
        <TextField
          label={t('documents.note')}
          name="note"
          value={note}
          error={errorFor(`documents.${at}.note`)}
          onChange={setNote}
        />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? t('detail.saving') : t('detail.save')}
        </button>
        {current && (
          <button type="button" onClick={remove} disabled={update.isPending}>
            {t('documents.clear')}
          </button>
        )}
        <button type="button" onClick={onDone}>
          {t('detail.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The documents each lifecycle step produces: number and date of each, filled or still missing. */
export function DocumentsSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState<AgreementDocumentSlot | null>(null);
  const isEditor = canEdit(me.data);
  return (
    <section className="card stack" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents.title')}</h2>
      <ul className="card-list" data-testid="document-slots">
        {agreementDocumentSlots.map((slot) => {
          const document = agreement.documents.find((item) => item.slot === slot);
          const title = t(`documents.slots.${slot}`);
          return (
            <li key={slot} className="stack">
              <div className="row-between">
                <div>
                  <strong>{title}</strong>
                  <br />
                  {document ? (
                    <span>
                      {t('documents.filled', {
                        number: document.number,
                        date: formatDate(document.issuedOn),
                      })}
                      {document.note && <span className="muted"> — {document.note}</span>}
                    </span>
                  ) : (
                    <span className="muted">{t('documents.missing')}</span>
                  )}
                </div>
                {isEditor && editing !== slot && (
                  <button type="button" onClick={() => setEditing(slot)}>
                    {document ? t('detail.edit') : t('documents.fill')}
                    <span className="visually-hidden">: {title}</span>
                  </button>
                )}
              </div>
              {editing === slot && (
                <SlotForm agreement={agreement} slot={slot} onDone={() => setEditing(null)} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
