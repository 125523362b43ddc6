import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { replaceableCollections } from '../../../common/contracts/record-uses.ts';
import { isApiError } from '../../app/http.ts';
import { LinkField } from './link-field.tsx';
import { type Collection, type RecordUse, useDeleteRecord, useRecordUses } from './registry.api.ts';

interface DeleteDialogProps {
  collection: Collection | 'areas';
  record: { id: string; version: number };
  label: string;
  onClose: () => void;
}

function UseItem({ use }: { use: RecordUse }) {
  const { t } = useTranslation();
  // A file attached to the record itself is listed under the documents panel's name.
  const what =
    use.field === 'documents'
      ? t('attachments.title')
      : use.collection === 'users'
        ? t('create.accounts')
        : t(`records.${use.collection as Collection}`);
  // Accounts have no page in the registry; every other use links to its record.
  return (
    <li data-testid="record-use">
      {what}:{' '}
      {use.collection === 'users' || use.collection === 'areas' ? (
        use.label
      ) : (
        <Link to={`/app/${use.collection}/${use.id}`}>{use.label}</Link>
      )}
    </li>
  );
}

/** Confirms a delete after showing what still points at the record; a record in use is refused,
 * or, in the collections that allow it, replaced by another record first. */
export function DeleteDialog({ collection, record, label, onClose }: DeleteDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const navigate = useNavigate();
  const uses = useRecordUses(collection, record.id, true);
  const remove = useDeleteRecord(collection, record.id);
  const [replacementId, setReplacementId] = useState<string | null>(null);
  const isReplaceable = (replaceableCollections as readonly string[]).includes(collection);
  const items = uses.data?.items ?? [];
  // mutateAsync, not mutate's callbacks: the delete refetches every query, and a page whose
  // record is gone may unmount this dialog before a callback would run (an area's page does).
  const run = (input: { version: number; replacementId?: string }) =>
    remove.mutateAsync(input).then(
      () => navigate(`/app/${collection}`),
      // Someone added a use meanwhile: list it.
      () => void uses.refetch(),
    );
  return createPortal(
    <div className="dialog-backdrop">
      <div className="dialog card stack" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('create.deleteTitle', { label })}</h2>
        {uses.isPending ? (
          <p className="muted">{t('create.checkingUses')}</p>
        ) : items.length === 0 ? (
          <p>{t('create.noUses')}</p>
        ) : (
          <>
            <p>{t('create.usedBy')}</p>
            <ul data-testid="record-uses">
              {items.map((use) => (
                <UseItem key={`${use.collection}/${use.id}/${use.field}`} use={use} />
              ))}
            </ul>
            {uses.data?.isCapped && <p className="muted">{t('create.usedByMore')}</p>}
            {isReplaceable ? (
              <div className="stack">
                <LinkField
                  kind={collection as 'organisations'}
                  label={t('create.replaceWith')}
                  isSingle
                  ids={replacementId ? [replacementId] : []}
                  onChange={(ids) => setReplacementId(ids.find((id) => id !== record.id) ?? null)}
                />
                <p className="muted">{t('create.replaceHint')}</p>
              </div>
            ) : (
              <p role="alert">{t('create.refused')}</p>
            )}
          </>
        )}
        {remove.error && (
          <p className="notice notice-error" role="alert">
            {t('create.deleteFailed', {
              detail: isApiError(remove.error) ? remove.error.detail : String(remove.error),
            })}
          </p>
        )}
        <div className="row form-actions">
          {items.length === 0 && !uses.isPending && (
            <button
              type="button"
              className="danger"
              disabled={remove.isPending}
              onClick={() => run({ version: record.version })}
            >
              {t('create.confirmDelete')}
            </button>
          )}
          {items.length > 0 && isReplaceable && (
            <button
              type="button"
              className="danger"
              disabled={!replacementId || remove.isPending}
              onClick={() => replacementId && run({ version: record.version, replacementId })}
            >
              {t('create.replaceAndDelete')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('detail.cancel')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
