import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRecord } from '../../../common/contracts/documents.ts';
import {
  type DocumentKind,
  type DocumentRecordType,
  documentKinds,
} from '../../../common/domain/documents.ts';
import { isApiError } from '../../app/http.ts';
import { labelEnum, listEnumOptions } from '../../i18n/enum-label.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { FieldShell, SelectField } from '../../ui/field.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { canEdit, useMe } from '../session/session.api.ts';
import { documentContentUrl, useDocumentMutations, useDocuments } from './documents.api.ts';
import { formatSize } from './format-size.ts';

function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (!error) return undefined;
    if (isApiError(error, 413)) return t('attachments.tooLarge');
    if (isApiError(error, 415)) return t('attachments.typeRefused');
    if (isApiError(error, 403)) return t('detail.forbidden');
    if (isApiError(error, 409)) return t('attachments.conflict');
    return t('detail.genericError', { detail: isApiError(error) ? error.detail : String(error) });
  };
}

/** The files attached to a record: download for everyone signed in; upload for editors (and a
 * unit on its own commitments); the public switch and delete for editors. */
export function DocumentsPanel({
  recordType,
  recordId,
  mayUpload,
  isReadOnly = false,
  isHiddenWhenEmpty = false,
}: {
  recordType: DocumentRecordType;
  recordId: string;
  /** Beyond editors: a unit on the commitments it owns. */
  mayUpload?: boolean;
  /** Lists and downloads only (a source's signed text while it is reviewed). */
  isReadOnly?: boolean;
  isHiddenWhenEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const isEditor = canEdit(me.data) && !isReadOnly;
  const documents = useDocuments(recordType, recordId);
  const mutations = useDocumentMutations(recordType, recordId);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>(recordType === 'agreement' ? 'signed_text' : 'other');
  const [formKey, setFormKey] = useState(0);
  const messageOf = useErrorMessage();
  const error = mutations.upload.error ?? mutations.update.error ?? mutations.remove.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    mutations.upload.mutate(
      { file, kind },
      {
        onSuccess: () => {
          setFile(null);
          setFormKey((key) => key + 1);
        },
      },
    );
  }

  function remove(document: DocumentRecord) {
    if (window.confirm(t('attachments.confirmDelete', { name: document.fileName })))
      mutations.remove.mutate(document);
  }

  if (isHiddenWhenEmpty && !documents.data?.items.length) return null;
  return (
    <section className="card" aria-labelledby="attached-documents-title" data-testid="attached-documents">
      <h2 id="attached-documents-title">{t('attachments.title')}</h2>
      {error && (
        <p className="notice notice-error" role="alert" data-testid="documents-error">
          {messageOf(error)}
        </p>
      )}
      <QueryState query={documents}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('attachments.empty')}</p>
          ) : (
            <ul className="stack">
              {data.items.map((document) => (
                <li key={document.id} data-testid="attached-document">
                  <a href={documentContentUrl(document.id)} download={document.fileName}>
                    {document.fileName}
                  </a>{' '}
                  <span className="badge">{labelEnum('documentKind', document.kind)}</span>{' '}
                  {document.isPublic && <span className="badge badge-ok">{t('attachments.public')}</span>}
                  <br />
                  <small className="muted">
                    {t('attachments.uploaded', {
                      size: formatSize(document.size),
                      by: document.uploadedByEmail ?? t('app.none'),
                      at: formatDateTime(document.uploadedAt),
                    })}
                  </small>
                  {isEditor && (
                    <span className="row-actions">
                      {' '}
                      <button
                        type="button"
                        onClick={() => mutations.update.mutate({ document, isPublic: !document.isPublic })}
                      >
                        {document.isPublic ? t('attachments.makePrivate') : t('attachments.makePublic')}
                      </button>{' '}
                      <button type="button" className="danger" onClick={() => remove(document)}>
                        {t('attachments.delete')}
                      </button>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {(isEditor || (mayUpload && !isReadOnly)) && (
        <form key={formKey} className="stack" onSubmit={submit} aria-label={t('attachments.uploadTitle')}>
          <div className="form-grid">
            <FieldShell label={t('attachments.file')}>
              {({ id, describedBy }) => (
                <input
                  id={id}
                  aria-describedby={describedBy}
                  type="file"
                  name="file"
                  accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp"
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
              )}
            </FieldShell>
            <SelectField
              label={t('attachments.kind')}
              name="kind"
              value={kind}
              options={listEnumOptions('documentKind', documentKinds)}
              onChange={(value) => setKind(value as DocumentKind)}
            />
          </div>
          <div>
            <button type="submit" className="primary" disabled={!file || mutations.upload.isPending}>
              {mutations.upload.isPending ? t('attachments.uploading') : t('attachments.upload')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
