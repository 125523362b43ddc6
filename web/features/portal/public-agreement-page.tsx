import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { publicPaths, readSluggedId } from '../../../common/domain/public-urls.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { formatSize } from '../documents/format-size.ts';
import { EventTimeline } from './event-timeline.tsx';
import { NewsList } from './news-list.tsx';
import { usePageTitle } from './page-title.ts';
import { usePublicAgreement } from './portal.api.ts';
import { ShareLinks } from './share-links.tsx';

export function PublicAgreementPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const id = readSluggedId(slug) ?? slug;
  const agreement = usePublicAgreement(id);
  const title = agreement.data ? pickLocalised(agreement.data.titleVi, agreement.data.titleEn) : undefined;
  usePageTitle(title);
  return (
    <QueryState query={agreement}>
      {(data) => (
        <article className="stack">
          <p className="breadcrumb">
            <Link to={publicPaths.agreements}>{t('portal.registry')}</Link>
          </p>
          <h1>{pickLocalised(data.titleVi, data.titleEn)}</h1>
          {data.summary && <p className="article-lead">{data.summary}</p>}
          <dl className="facts">
            <dt>{t('columns.kind')}</dt>
            <dd>{labelEnum('agreementKind', data.kind)}</dd>
            <dt>{t('columns.status')}</dt>
            <dd>{labelEnum('agreementStatus', data.status)}</dd>
            <dt>{t('portal.parties')}</dt>
            <dd>
              <ul className="tags">
                {data.parties.map((party) => (
                  <li key={party.code}>
                    <Link to={publicPaths.partner(party.code)}>
                      {pickLocalised(party.nameVi, party.nameEn)}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('columns.signedOn')}</dt>
            <dd>{formatDate(data.signedOn) || '—'}</dd>
            <dt>{t('portal.validity')}</dt>
            <dd>
              {formatDate(data.validFrom ?? data.signedOn) || '…'} –{' '}
              {formatDate(data.validTo) || t('portal.noEnd')}
            </dd>
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
            {data.documents.length > 0 && (
              <>
                <dt>{t('portal.documents')}</dt>
                <dd>
                  <ul className="plain-list">
                    {data.documents.map((document) => (
                      <li key={`${document.slot}-${document.number}`}>
                        {document.number} ({formatDate(document.issuedOn)})
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {data.files.length > 0 && (
              <>
                <dt>{t('attachments.publicFiles')}</dt>
                <dd>
                  <ul className="plain-list" data-testid="public-files">
                    {data.files.map((file) => (
                      <li key={file.id}>
                        <a
                          href={`/api/public/documents/${encodeURIComponent(file.id)}/content`}
                          download={file.fileName}
                        >
                          {file.fileName}
                        </a>{' '}
                        ({labelEnum('documentKind', file.kind)}, {formatSize(file.size)})
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
          <section aria-labelledby="agreement-events-title">
            <h2 id="agreement-events-title">{t('portal.events')}</h2>
            {data.events.length === 0 ? (
              <p className="muted">{t('portal.noEvents')}</p>
            ) : (
              <EventTimeline events={data.events} />
            )}
          </section>
          <section aria-labelledby="agreement-news-title">
            <h2 id="agreement-news-title">{t('portal.newsAbout')}</h2>
            {data.news.length === 0 ? (
              <p className="muted">{t('portal.noNews')}</p>
            ) : (
              <NewsList items={data.news} />
            )}
          </section>
          <ShareLinks title={pickLocalised(data.titleVi, data.titleEn)} path={publicPaths.agreement(data)} />
        </article>
      )}
    </QueryState>
  );
}
