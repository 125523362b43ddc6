import { Link } from 'react-router';
import { publicPaths } from '../../../common/domain/public-urls.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import type { NewsItem } from './portal.api.ts';
import { PublishedTime } from './published-time.tsx';

export function NewsList({
  items,
  headingLevel = 3,
  isCompact = false,
}: {
  items: NewsItem[];
  headingLevel?: 2 | 3;
  isCompact?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className={isCompact ? 'news-list news-list-compact' : 'news-list'}>
      {items.map((item) => (
        <li key={item.id}>
          <article>
            <Heading className="news-title">
              <Link to={publicPaths.article(item)}>{item.title}</Link>
            </Heading>
            <PublishedTime publishedAt={item.publishedAt} />
            {item.lead && <p className="news-lead">{item.lead}</p>}
            {!isCompact && item.partners.length > 0 && (
              <ul className="tags">
                {item.partners.map((partner) => (
                  <li key={partner.code}>
                    <Link to={publicPaths.partner(partner.code)}>
                      {pickLocalised(partner.nameVi, partner.nameEn)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
