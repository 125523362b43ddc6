import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format.ts';
import type { NewsItem } from './portal.api.ts';

export function NewsList({ items, headingLevel = 3 }: { items: NewsItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="news-list">
      {items.map((item) => (
        <li key={item.id}>
          <article>
            <Heading className="news-title">
              <Link to={`/news/${item.id}`}>{item.title}</Link>
            </Heading>
            {item.publishedAt && (
              <time className="news-time" dateTime={item.publishedAt}>
                {formatDateTime(item.publishedAt)}
              </time>
            )}
            {item.lead && <p className="news-lead">{item.lead}</p>}
          </article>
        </li>
      ))}
    </ul>
  );
}
