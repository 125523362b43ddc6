import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MergeCollection, mergeCollections } from '../../../common/domain/enums.ts';
import { MergePanel } from './merge-panel.tsx';
import { useDismissDuplicate, useDuplicates, useMerges, useUndoMerge } from './merges.api.ts';

/** Likely duplicates for an editor to merge or dismiss, and the recent merges with their undo. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [collection, setCollection] = useState<MergeCollection>('people');
  const [comparing, setComparing] = useState<string[] | null>(null);
  const duplicates = useDuplicates(collection);
  const dismiss = useDismissDuplicate(collection);
  const merges = useMerges();
  const undo = useUndoMerge();
  const path = (id: string) => `/app/${collection}/${id}`;

  return (
    <div className="page">
      <h1>{t('merges.title')}</h1>
      <div role="tablist">
        {mergeCollections.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === collection}
            onClick={() => {
              setCollection(name);
              setComparing(null);
            }}
          >
            {t(`nav.${name}`)}
          </button>
        ))}
      </div>
      {comparing ? (
        <MergePanel
          key={comparing.join()}
          collection={collection}
          ids={comparing}
          onDone={() => setComparing(null)}
        />
      ) : null}
      {duplicates.isLoading ? <p>{t('merges.loading')}</p> : null}
      {duplicates.data?.length === 0 ? <p>{t('merges.none')}</p> : null}
      <ul className="duplicate-pairs">
        {duplicates.data?.map((pair) => (
          <li
            key={`${pair.first.id}:${pair.second.id}`}
            aria-label={`${pair.first.name} / ${pair.second.name}`}
          >
            <Link to={path(pair.first.id)}>{pair.first.name}</Link> ·{' '}
            <Link to={path(pair.second.id)}>{pair.second.name}</Link>{' '}
            <span>({pair.reasons.map((reason) => t(`merges.reasons.${reason}`)).join(', ')})</span>{' '}
            <button type="button" onClick={() => setComparing([pair.first.id, pair.second.id])}>
              {t('merges.compareAndMerge')}
            </button>{' '}
            <button
              type="button"
              disabled={dismiss.isPending}
              onClick={() => dismiss.mutate([pair.first.id, pair.second.id])}
            >
              {t('merges.dismiss')}
            </button>
          </li>
        ))}
      </ul>
      <h2>{t('merges.recent')}</h2>
      {undo.error ? <p role="alert">{undo.error.message}</p> : null}
      <ul className="merge-history">
        {merges.data?.map((merge) => (
          <li key={merge.id}>
            {t('merges.merged', { others: merge.mergedNames.join(', '), survivor: merge.survivorName })}{' '}
            {merge.undoneAt ? (
              <span>{t('merges.undone')}</span>
            ) : (
              <button type="button" disabled={undo.isPending} onClick={() => undo.mutate(merge.id)}>
                {t('merges.undo')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
