import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProvenanceItem } from '../../../common/contracts/sources.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { type ProvenanceRecordType, useProvenance } from './provenance.api.ts';

function groupBySource(
  items: ProvenanceItem[],
): Array<{ sourceId: string; title: string; items: ProvenanceItem[] }> {
  const groups = new Map<string, { sourceId: string; title: string; items: ProvenanceItem[] }>();
  for (const item of items) {
    const group = groups.get(item.sourceId) ?? {
      sourceId: item.sourceId,
      title: item.sourceTitle,
      items: [],
    };
    group.items.push(item);
    groups.set(item.sourceId, group);
  }
  return [...groups.values()];
}

/** "Nguồn / Sources": the articles a record was read from, with the very words quoted. */
export function ProvenanceSection({
  recordType,
  recordId,
}: {
  recordType: ProvenanceRecordType;
  recordId: string;
}) {
  const { t } = useTranslation();
  const provenance = useProvenance(recordType, recordId);
  return (
    <section className="card provenance" aria-labelledby="provenance-title" data-testid="provenance">
      <h2 id="provenance-title">{t('provenance.title')}</h2>
      <QueryState query={provenance}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('provenance.empty')}</p>
          ) : (
            <ul>
              {groupBySource(data.items).map((group) => (
                <li key={group.sourceId}>
                  <Link to={`/app/review/${group.sourceId}`}>{group.title || group.sourceId}</Link>
                  {group.items.map((item) => (
                    <blockquote key={`${item.field}-${item.start}`}>{item.excerpt}</blockquote>
                  ))}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
