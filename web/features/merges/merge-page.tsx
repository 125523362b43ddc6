import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MergeCollection } from '../../../common/domain/enums.ts';
import { LinkField } from '../registry/link-field.tsx';
import { MergePanel } from './merge-panel.tsx';

/** The most records one merge takes (the API's limit: a survivor and 20 merged). */
export const maxMergedRecords = 21;

/** The records chosen on a list (`?ids=a,b,c`) or from a record's "Merge with…", side by side;
 * the picker adds others to compare. */
function MergePage({ collection }: { collection: MergeCollection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const ids = [...new Set((params.get('ids') ?? '').split(',').filter(Boolean))].slice(0, maxMergedRecords);
  const setIds = (next: string[]) =>
    setParams(new URLSearchParams({ ids: next.slice(0, maxMergedRecords).join(',') }), { replace: true });

  return (
    <div className="stack">
      <p className="eyebrow">
        <Link to={`/app/${collection}`}>{t(`records.${collection}`)}</Link>
      </p>
      <h1>{t('merges.chooseTitle')}</h1>
      <LinkField
        kind={collection}
        label={t('merges.records')}
        name="merge-records"
        ids={ids}
        onChange={setIds}
        mayCreate={false}
      />
      {ids.length < 2 ? <p className="muted">{t('merges.pickMore')}</p> : null}
      {ids.length > 0 ? (
        <MergePanel
          key={ids.join()}
          collection={collection}
          ids={ids}
          onDone={(survivorId) =>
            navigate(survivorId ? `/app/${collection}/${survivorId}` : `/app/${collection}`)
          }
        />
      ) : null}
    </div>
  );
}

export function MergePeoplePage() {
  return <MergePage collection="people" />;
}
export function MergeOrganisationsPage() {
  return <MergePage collection="organisations" />;
}
