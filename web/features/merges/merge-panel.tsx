import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeCollection } from '../../../common/domain/enums.ts';
import { useMerge, useRecords } from './merges.api.ts';

/** The fields compared side by side, per collection. */
const comparedFields: Record<MergeCollection, string[]> = {
  people: ['name', 'honorific', 'countryCode', 'aliases', 'positions', 'note'],
  organisations: ['nameVi', 'nameEn', 'kind', 'countryCode', 'aliases', 'parentId'],
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return (
      value
        .map((item) =>
          typeof item === 'object' && item
            ? [item.title, item.organisationName].filter(Boolean).join(', ')
            : String(item),
        )
        .join('; ') || '—'
    );
  return String(value);
}

/** Two or more records side by side: pick the one to keep, confirm, and the others merge into it. */
export function MergePanel({
  collection,
  ids,
  onDone,
}: {
  collection: MergeCollection;
  ids: string[];
  /** Called with the survivor's id after a merge, with nothing on cancel. */
  onDone: (survivorId?: string) => void;
}) {
  const { t } = useTranslation();
  const records = useRecords(collection, ids);
  const merge = useMerge(collection);
  const [survivorId, setSurvivorId] = useState(ids[0]!);
  const [isConfirming, setIsConfirming] = useState(false);
  const items = records.data ?? [];
  const label = (record: Record<string, unknown>) => String(record.name ?? record.nameVi ?? record.id);
  const survivor = items.find((record) => record.id === survivorId);

  return (
    <section className="merge-panel" aria-label={t('merges.compare')}>
      <table className="merge-compare">
        <thead>
          <tr>
            <th scope="col">{t('merges.field')}</th>
            {items.map((record) => (
              <th scope="col" key={String(record.id)}>
                <label>
                  <input
                    type="radio"
                    name="survivor"
                    checked={record.id === survivorId}
                    onChange={() => setSurvivorId(String(record.id))}
                  />{' '}
                  {t('merges.keep', { name: label(record) })}
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparedFields[collection].map((field) => (
            <tr key={field}>
              <th scope="row">{t(`columns.${field}` as 'columns.name')}</th>
              {items.map((record) => (
                <td key={String(record.id)}>{show(record[field])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {merge.error ? <p role="alert">{merge.error.message}</p> : null}
      {isConfirming && survivor ? (
        <div role="alertdialog" aria-label={t('merges.confirmTitle')}>
          <p>
            {t('merges.confirmText', {
              survivor: label(survivor),
              others: items
                .filter((record) => record.id !== survivorId)
                .map(label)
                .join(', '),
            })}
          </p>
          <button
            type="button"
            disabled={merge.isPending}
            onClick={() =>
              merge.mutate(
                { survivorId, mergedIds: ids.filter((id) => id !== survivorId) },
                { onSuccess: () => onDone(survivorId) },
              )
            }
          >
            {t('merges.confirm')}
          </button>{' '}
          <button type="button" onClick={() => setIsConfirming(false)}>
            {t('merges.cancel')}
          </button>
        </div>
      ) : (
        <p>
          <button type="button" disabled={items.length < 2} onClick={() => setIsConfirming(true)}>
            {t('merges.merge')}
          </button>{' '}
          <button type="button" onClick={() => onDone()}>
            {t('merges.cancel')}
          </button>
        </p>
      )}
    </section>
  );
}
