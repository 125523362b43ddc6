import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { publicPaths, readSluggedId } from '../../../common/domain/public-urls.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { splitArticle } from './article-body.ts';
import { NewsList } from './news-list.tsx';
import { usePageTitle } from './page-title.ts';
import { useArticle } from './portal.api.ts';
import { PublishedTime } from './published-time.tsx';
import { ShareLinks } from './share-links.tsx';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

export function ArticlePage() {
  const { t } = useTranslation();
  const { slug = '', id: oldId } = useParams();
  const id = oldId ?? readSluggedId(slug) ?? slug;
  const article = useArticle(id);
  usePageTitle(article.data?.title);
  return (
    <QueryState query={article}>
      {(data) => {
        const body = splitArticle(data.text, data.title, data.lead);
        return (
          <div className="article-layout">
            <article className="article">
              <header>
                <h1>{data.title}</h1>
                <PublishedTime publishedAt={data.publishedAt} />
              </header>
              {body.lead && <p className="article-lead">{body.lead}</p>}
              {body.paragraphs.map((paragraph, index) => (
                // Paragraphs have no identity of their own; their order never changes.
                // biome-ignore lint/suspicious/noArrayIndexKey: static text split once
                <p key={index}>{paragraph}</p>
              ))}
              {(data.outlet || data.url) && (
                <p className="source-line">
                  {t('portal.source', { outlet: data.outlet || hostOf(data.url ?? '') })}
                  {data.url && (
                    <>
                      {' — '}
                      <a href={data.url} rel="noopener noreferrer">
                        {t('portal.readOriginal')}
                      </a>
                    </>
                  )}
                </p>
              )}
              <dl className="article-links">
                {data.partners.length > 0 && (
                  <>
                    <dt>{t('portal.partners')}</dt>
                    <dd>
                      <ul className="tags">
                        {data.partners.map((partner) => (
                          <li key={partner.code}>
                            <Link to={publicPaths.partner(partner.code)}>
                              {pickLocalised(partner.nameVi, partner.nameEn)}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {data.areas.length > 0 && (
                  <>
                    <dt>{t('portal.areas')}</dt>
                    <dd>
                      <ul className="tags">
                        {data.areas.map((area) => (
                          <li key={area.id}>
                            <Link to={publicPaths.area(area.id)}>
                              {pickLocalised(area.labelVi, area.labelEn)}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {data.agreements.length > 0 && (
                  <>
                    <dt>{t('portal.agreements')}</dt>
                    <dd>
                      <ul className="plain-list">
                        {data.agreements.map((agreement) => (
                          <li key={agreement.id}>
                            <Link to={publicPaths.agreement(agreement)}>
                              {pickLocalised(agreement.titleVi, agreement.titleEn)}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
              </dl>
              <ShareLinks title={data.title} path={publicPaths.article(data)} />
            </article>
            <aside className="related" aria-labelledby="related-title">
              <h2 id="related-title">{t('portal.relatedNews')}</h2>
              {data.related.length === 0 ? (
                <p className="muted">{t('portal.noRelated')}</p>
              ) : (
                <NewsList items={data.related} isCompact />
              )}
            </aside>
          </div>
        );
      }}
    </QueryState>
  );
}
