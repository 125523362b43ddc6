import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Feed } from 'feed';
import { idParams, problem } from '../../../common/contracts/common.ts';
import {
  newsListQuery,
  partnerCodeParams,
  publicNewsArticle,
  publicNewsList,
  publicPartnerList,
  publicPartnerPage,
} from '../../../common/contracts/portal.ts';
import type { PortalService } from './portal.service.ts';

const feedSize = 30;

export function registerPortalRoutes(app: FastifyInstance, service: PortalService) {
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

  app.get(
    '/feed.atom',
    { schema: { tags, description: 'Atom feed of published news.' } },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const items = await service.listLatestNews(feedSize);
      const feed = new Feed({
        title: 'hoptac — Hợp tác quốc tế về y tế',
        description: 'Tin hợp tác quốc tế về y tế',
        id: `${origin}/`,
        link: `${origin}/`,
        language: 'vi',
        copyright: '',
        updated: items[0]?.publishedAt ? new Date(items[0].publishedAt) : new Date(0),
        feedLinks: { atom: `${origin}/feed.atom` },
      });
      for (const item of items) {
        feed.addItem({
          title: item.title,
          id: `${origin}/news/${item.id}`,
          link: `${origin}/news/${item.id}`,
          description: item.lead ?? '',
          date: item.publishedAt ? new Date(item.publishedAt) : new Date(0),
        });
      }
      return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
    },
  );
}
