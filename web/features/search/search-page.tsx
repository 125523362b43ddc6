import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../i18n/format.ts';
import { Highlight } from '../../ui/highlight.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { pathOfHit, toCollection, useSearch } from './search.api.ts';

export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const search = useSearch(q);

  if (!q) {
    return (
      <div className="stack">
        <h1>{t('search.title')}</h1>
        <p className="muted">{t('search.typeToSearch')}</p>
      </div>
    );
  }

  return (
    <div className="stack">
      <h1>{t('search.resultsFor', { q })}</h1>
      <QueryState query={search}>
        {(data) => {
          const groups = data.groups.filter((group) => group.items.length > 0);
          if (groups.length === 0) return <p className="muted">{t('search.noResults')}</p>;
          return groups.map((group) => {
            const collection = toCollection(group.type);
            const title = t(`search.groups.${collection}` as 'search.groups.people', {
              defaultValue: group.type,
            });
            return (
              <section key={group.type} className="card search-group" aria-labelledby={`group-${collection}`}>
                <h2 id={`group-${collection}`}>
                  {title}{' '}
                  <span className="muted">
                    ({formatNumber(group.total)}
                    {group.isTotalCapped ? '+' : ''})
                  </span>
                </h2>
                <ul>
                  {group.items.map((hit) => (
                    <li key={hit.id}>
                      <Link to={pathOfHit(group.type, hit.id)}>
                        <Highlight text={hit.label} query={q} ranges={hit.labelMatches} />
                      </Link>
                      {hit.snippet && (
                        <p className="muted snippet">
                          <Highlight text={hit.snippet} query={q} ranges={hit.snippetMatches} />
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          });
        }}
      </QueryState>
    </div>
  );
}
