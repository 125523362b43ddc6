import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { NewsList } from './news-list.tsx';
import { useArticle } from './portal.api.ts';
import { ShareLinks } from './share-links.tsx';

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

export function ArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const article = useArticle(id);
  return (
    <QueryState query={article}>
      {(data) => (
        <div className="article-layout">
          <article className="article">
            <header>
              <h1>{data.title}</h1>
              {data.publishedAt && (
                <time className="news-time" dateTime={data.publishedAt}>
                  {formatDateTime(data.publishedAt)}
                </time>
              )}
              {(data.partners.length > 0 || data.areas.length > 0) && (
                <ul className="tags" aria-label={t('portal.areas')}>
                  {data.partners.map((partner) => (
                    <li key={partner.code}>
                      <Link to={`/partners/${encodeURIComponent(partner.code)}`}>
                        {pickLocalised(partner.nameVi, partner.nameEn)}
                      </Link>
                    </li>
                  ))}
                  {data.areas.map((area) => (
                    <li key={area.id}>{pickLocalised(area.labelVi, area.labelEn)}</li>
                  ))}
                </ul>
              )}
            </header>
            {data.lead && <p className="article-lead">{data.lead}</p>}
            {splitParagraphs(data.text ?? '').map((paragraph, index) => (
              // Paragraphs have no identity of their own; their order never changes.
              // biome-ignore lint/suspicious/noArrayIndexKey: static text split once
              <p key={index}>{paragraph}</p>
            ))}
            <p className="source-line">
              {t('portal.source', { outlet: data.outlet || data.url || t('app.none') })}
              {data.url && (
                <>
                  {' — '}
                  <a href={data.url} rel="noopener noreferrer">
                    {t('portal.readOriginal')}
                  </a>
                </>
              )}
            </p>
            <ShareLinks title={data.title} />
          </article>
          <aside className="related" aria-labelledby="related-title">
            <h2 id="related-title">{t('portal.relatedNews')}</h2>
            {data.related.length === 0 ? (
              <p className="muted">{t('app.empty')}</p>
            ) : (
              <NewsList items={data.related} />
            )}
          </aside>
        </div>
      )}
    </QueryState>
  );
}
