import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type NamedKind, useLinkLabels } from './registry.api.ts';

/** Links to linked records by name, the names fetched for all of them in one request. */
export function IdLinks({ kind, ids }: { kind: NamedKind; ids: string[] }) {
  const { t } = useTranslation();
  const labelOf = useLinkLabels(kind, ids);
  if (ids.length === 0) return <p className="muted">{t('app.empty')}</p>;
  return (
    <ul>
      {ids.map((id) => (
        <li key={id}>
          <Link to={`/app/${kind}/${id}`}>{labelOf(id) || id}</Link>
        </li>
      ))}
    </ul>
  );
}
