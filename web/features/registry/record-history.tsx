import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordHistory, RecordHistoryItem } from '../../../common/contracts/audit.ts';
import { isApiError, requestJson } from '../../app/http.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { canEdit, useMe } from '../session/session.api.ts';
import type { EditField } from './record-form.tsx';
import { type Collection, type RecordTypes, useLinkLabels, usePatchRecord } from './registry.api.ts';
import { editFields } from './registry-fields.ts';
import { buildRestorePatch } from './restore-version.ts';

export function useRecordHistory(collection: string, id: string) {
  return useQuery({
    queryKey: [collection, 'history', id],
    queryFn: ({ signal }) =>
      requestJson<RecordHistory>(`/api/v1/${collection}/${encodeURIComponent(id)}/history`, { signal }),
    refetchOnMount: 'always',
  });
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Linked records by name where the form knows what they link to; ids otherwise. */
function LinkedNames({ field, ids }: { field: EditField; ids: string[] }) {
  const labelOf = useLinkLabels(field.link!, ids);
  return <>{ids.map((id) => labelOf(id) ?? id).join('; ')}</>;
}

function HistoryValue({ field, value }: { field: EditField | undefined; value: unknown }) {
  const { t } = useTranslation();
  if (isEmpty(value)) return <span className="muted">—</span>;
  if (field?.link && (typeof value === 'string' || Array.isArray(value))) {
    return <LinkedNames field={field} ids={Array.isArray(value) ? value.map(String) : [value]} />;
  }
  if (field?.kind === 'checkbox' || typeof value === 'boolean') {
    return <>{value ? t('registry.yes') : t('registry.no')}</>;
  }
  if (field?.kind === 'select' && field.options) return <>{labelEnum(field.options.group, String(value))}</>;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{formatDate(value)}</>;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return <>{formatDateTime(value)}</>;
  if (Array.isArray(value)) {
    // Participants, status steps, documents: each by its name, title or status.
    const parts = value.map((item) =>
      item && typeof item === 'object'
        ? String(
            (item as Record<string, unknown>).personName ??
              (item as Record<string, unknown>).title ??
              (item as Record<string, unknown>).status ??
              JSON.stringify(item),
          )
        : String(item),
    );
    return <>{parts.join('; ')}</>;
  }
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}

function HistoryEntry<C extends Collection>({
  collection,
  record,
  item,
  isLatest,
}: {
  collection: C;
  record: RecordTypes[C];
  item: RecordHistoryItem;
  isLatest: boolean;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const patch = usePatchRecord(collection, record.id);
  const fields = editFields[collection];
  const fieldOf = (name: string) => fields.find((field) => field.name === name);
  const labelOf = (name: string) =>
    i18n.exists(`columns.${name}`) ? t(`columns.${name}` as 'columns.name') : name;
  const restore = item.record
    ? buildRestorePatch(
        fields,
        record as unknown as Record<string, unknown> & { version: number },
        item.record,
      )
    : null;
  const error = patch.error;

  return (
    <li className="card stack" data-testid="history-entry">
      <p>
        <strong>{t(`history.actions.${item.action}`)}</strong> — {item.user ?? t('history.system')},{' '}
        <time dateTime={item.at}>{formatDateTime(item.at)}</time>
        {item.version !== null && (
          <span className="muted"> · {t('detail.version', { version: item.version })}</span>
        )}
      </p>
      {item.changes.length === 0 ? (
        <p className="muted">{t('history.noFieldChanges')}</p>
      ) : (
        <table className="history-diff">
          <thead>
            <tr>
              <th scope="col">{t('history.field')}</th>
              <th scope="col">{t('history.before')}</th>
              <th scope="col">{t('history.after')}</th>
            </tr>
          </thead>
          <tbody>
            {item.changes.map((change) => (
              <tr key={change.field} data-testid={`change-${change.field}`}>
                <th scope="row">{labelOf(change.field)}</th>
                <td className="diff-before">
                  <HistoryValue field={fieldOf(change.field)} value={change.before} />
                </td>
                <td className="diff-after">
                  <HistoryValue field={fieldOf(change.field)} value={change.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!isLatest && restore && canEdit(me.data) && (
        <p className="row">
          <button
            type="button"
            data-testid="restore-version"
            disabled={patch.isPending}
            onClick={() =>
              patch.mutate(restore, {
                onSuccess: () =>
                  queryClient.invalidateQueries({ queryKey: [collection, 'history', record.id] }),
              })
            }
          >
            {t('history.restore')}
          </button>
        </p>
      )}
      {error && (
        <p className="notice notice-warn" role="alert" data-testid="restore-error">
          {isApiError(error, 409) && error.code === 'version.conflict'
            ? t('history.conflict')
            : t('detail.genericError', { detail: error.message })}
        </p>
      )}
    </li>
  );
}

/** Who changed what and when, from the audit log, newest first; an earlier version can be
 * restored as a new edit. */
export function RecordHistoryView<C extends Collection>({
  collection,
  record,
}: {
  collection: C;
  record: RecordTypes[C];
}) {
  const { t } = useTranslation();
  const history = useRecordHistory(collection, record.id);
  const [isShowingAll, setIsShowingAll] = useState(false);
  if (history.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (history.isError)
    return <p role="alert">{t('detail.genericError', { detail: history.error.message })}</p>;
  const items = isShowingAll ? history.data.items : history.data.items.slice(0, 50);
  return (
    <section aria-label={t('history.title')} className="stack" data-testid="record-history">
      <ol className="history-list stack">
        {items.map((item, index) => (
          <HistoryEntry
            key={item.id}
            collection={collection}
            record={record}
            item={item}
            isLatest={index === 0}
          />
        ))}
      </ol>
      {!isShowingAll && history.data.items.length > items.length && (
        <button type="button" onClick={() => setIsShowingAll(true)}>
          {t('history.showAll', { count: history.data.items.length })}
        </button>
      )}
    </section>
  );
}
