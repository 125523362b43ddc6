import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '../../../common/contracts/common.ts';
import {
  agreementListQuery,
  areaIdParams,
  newsListQuery,
  partnerCodeParams,
  publicAgreementList,
  publicAgreementPage,
  publicAreaList,
  publicAreaPage,
  publicNewsArticle,
  publicNewsList,
  publicPartnerList,
  publicPartnerPage,
  publicSearchQuery,
  publicSearchResult,
} from '../../../common/contracts/portal.ts';
import { renderAtomFeed } from './atom-feed.ts';
import type { PortalService } from './portal.service.ts';

const feedSize = 30;
const feedQuery = z.object({
  lang: z.enum(['vi', 'en']).optional(),
  partner: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{1,15}$/, 'must be an ISO alpha-2 code (BY) or an acronym (WHO)')
    .optional(),
});

/** publicUrl: the address the feed's links point to (HOPTAC_PUBLIC_URL), never the Host header,
 * which any client can set and a shared cache would then serve to everyone. */
export function registerPortalRoutes(app: FastifyInstance, service: PortalService, publicUrl: string) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];

  typed.get(
    '/api/public/news',
    { schema: { tags, querystring: newsListQuery, response: { 200: publicNewsList, 400: problem } } },
    (request) => service.listNews(request.query.page, request.query.pageSize),
  );
  typed.get(
    '/api/public/news/:id',
    { schema: { tags, params: idParams, response: { 200: publicNewsArticle, 400: problem, 404: problem } } },
    (request) => service.getArticle(request.params.id),
  );
  typed.get('/api/public/partners', { schema: { tags, response: { 200: publicPartnerList } } }, () =>
    service.listPartners(),
  );
  typed.get(
    '/api/public/partners/:code',
    {
      schema: {
        tags,
        params: partnerCodeParams,
        response: { 200: publicPartnerPage, 400: problem, 404: problem },
      },
    },
    (request) => service.getPartnerPage(request.params.code),
  );
  typed.get(
    '/api/public/agreements',
    {
      schema: { tags, querystring: agreementListQuery, response: { 200: publicAgreementList, 400: problem } },
    },
    (request) => service.listAgreements(request.query),
  );
  typed.get(
    '/api/public/agreements/:id',
    {
      schema: { tags, params: idParams, response: { 200: publicAgreementPage, 400: problem, 404: problem } },
    },
    (request) => service.getAgreement(request.params.id),
  );
  typed.get('/api/public/areas', { schema: { tags, response: { 200: publicAreaList } } }, () =>
    service.listAreas(),
  );
  typed.get(
    '/api/public/areas/:id',
    { schema: { tags, params: areaIdParams, response: { 200: publicAreaPage, 400: problem, 404: problem } } },
    (request) => service.getAreaPage(request.params.id),
  );
  typed.get(
    '/api/public/search',
    { schema: { tags, querystring: publicSearchQuery, response: { 200: publicSearchResult, 400: problem } } },
    (request) => service.search(request.query.q),
  );

  typed.get(
    '/feed.atom',
    {
      schema: {
        tags,
        description:
          'Atom feed of published news: all of it, one language’s (`lang`), or one partner’s (`partner`, its code).',
        querystring: feedQuery,
      },
    },
    async (request, reply) => {
      const { lang, partner: partnerCode } = request.query;
      const { entries, partner } = await service.listFeedEntries(feedSize, { language: lang, partnerCode });
      const scope = { language: lang ?? 'vi', isLanguageOnly: lang !== undefined, partner };
      return reply
        .type('application/atom+xml; charset=utf-8')
        .send(renderAtomFeed(entries, publicUrl, scope));
    },
  );
}
