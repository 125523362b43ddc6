import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaId } from '../../../common/contracts/common.ts';
import type { Language } from '../../../common/domain/enums.ts';
import { publicPaths, readSluggedId } from '../../../common/domain/public-urls.ts';
import { dayInVietNam, isPublishedTimeKnown } from '../../../common/domain/published-time.ts';
import { renderPortalPage, type SeededQuery } from '../../../web/app/render-portal.tsx';
import { publicKeys } from '../../../web/features/portal/portal.api.ts';
import { escapeHtml, type PageMeta, pageUrl, renderHead, toScriptJson } from './page-meta.ts';
import type { PortalService } from './portal.service.ts';

// Article, partner, agreement and area pages rendered on the server (the same React components
// as the browser; see docs/ARCHITECTURE.md), so that a link pasted into Zalo or Facebook, or read
// by a crawler, already holds the title, the lead and the og: tags before any script runs.

const pageMaxAge = 60;

/** Used when there is no web build (API tests): the same markers as web/index.html. */
const fallbackTemplate = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="hoptac" />
    <title>hoptac</title>
  </head>
  <body>
    <div id="root"><p class="boot-title">hoptac</p></div>
  </body>
</html>`;

function readTemplate(webDir: string | undefined): string {
  const file = webDir ? resolve(webDir, 'index.html') : null;
  return file && existsSync(file) ? readFileSync(file, 'utf8') : fallbackTemplate;
}

/** Fills the page template: language, head, the rendered app, and the cache it was rendered from. */
export function fillTemplate(
  template: string,
  parts: { language: Language; head: string; body: string; state: unknown },
): string {
  return template
    .replace(/<html lang="[^"]*">/, `<html lang="${parts.language}">`)
    .replace(/\s*<meta name="description"[^>]*>/, '')
    .replace(/<title>[^<]*<\/title>/, () => parts.head)
    .replace(/<div id="root">[\s\S]*?<\/div>/, () => `<div id="root" data-ssr="">${parts.body}</div>`)
    .replace(
      '</body>',
      () =>
        `<script type="application/json" id="hoptac-state">${toScriptJson(parts.state)}</script>\n  </body>`,
    );
}

const languageQuery = z.object({ lang: z.string().max(10).optional() });
const readLanguage = (request: FastifyRequest): Language =>
  (request.query as { lang?: string }).lang === 'en' ? 'en' : 'vi';

function pick(language: Language, vi: string | null | undefined, en: string | null | undefined): string {
  const [first, second] = language === 'en' ? [en, vi] : [vi, en];
  return first || second || '';
}

function withQuery(path: string, request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? path : `${path}${request.url.slice(query)}`;
}

function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number }).statusCode === 404;
}

export function registerPortalPages(
  app: FastifyInstance,
  service: PortalService,
  { publicUrl, webDir }: { publicUrl: string; webDir: string | undefined },
) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  let template: string | null = null;
  const getTemplate = () => {
    template ??= readTemplate(webDir);
    return template;
  };

  function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string) {
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
    reply
      .header('cache-control', `public, max-age=${pageMaxAge}`)
      .header('etag', etag)
      .type('text/html; charset=utf-8');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(html);
  }

  /** A missing record: the plain app page (which says so) with 404, never cached. */
  function sendMissing(reply: FastifyReply) {
    return reply
      .code(404)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(getTemplate());
  }

  function sendPage(request: FastifyRequest, reply: FastifyReply, meta: PageMeta, seed: SeededQuery[]) {
    const url = withQuery(meta.path, request);
    const { html, state } = renderPortalPage({ url, language: meta.language, publicUrl, seed });
    const page = fillTemplate(getTemplate(), {
      language: meta.language,
      head: renderHead(meta, publicUrl),
      body: html,
      state,
    });
    return sendHtml(request, reply, page);
  }

  async function orMissing<T>(reply: FastifyReply, read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      if (isNotFound(error)) {
        await sendMissing(reply);
        return null;
      }
      throw error;
    }
  }

  const page = <Params extends z.ZodObject>(description: string, params: Params) => ({
    schema: { tags, description, params, querystring: languageQuery },
  });

  typed.get(
    '/tin/:slug',
    page('A published article, rendered on the server.', z.object({ slug: z.string().max(400) })),
    async (request, reply) => {
      const id = readSluggedId(request.params.slug);
      if (!id) return sendMissing(reply);
      const article = await orMissing(reply, () => service.getArticle(id));
      if (!article) return reply;
      const path = publicPaths.article(article);
      if (`/tin/${request.params.slug}` !== path) return reply.redirect(withQuery(path, request), 301);
      const language = readLanguage(request);
      const datePublished =
        article.publishedAt &&
        (isPublishedTimeKnown(article.publishedAt) ? article.publishedAt : dayInVietNam(article.publishedAt));
      return sendPage(
        request,
        reply,
        {
          title: article.title,
          description: article.lead || article.text,
          path,
          language,
          type: 'article',
          publishedAt: datePublished,
          jsonLd: {
            '@type': 'NewsArticle',
            headline: article.title,
            description: article.lead ?? undefined,
            datePublished: datePublished ?? undefined,
            inLanguage: article.language,
            mainEntityOfPage: pageUrl(publicUrl, path, language),
            url: pageUrl(publicUrl, path, language),
            isBasedOn: article.url ?? undefined,
            author: article.outlet ? { '@type': 'Organization', name: article.outlet } : undefined,
            publisher: { '@type': 'Organization', name: 'hoptac', url: publicUrl },
            about: article.partners.map((partner) => ({
              '@type': 'Thing',
              name: pick(language, partner.nameVi, partner.nameEn),
            })),
          },
        },
        [{ key: publicKeys.article(id), data: article }],
      );
    },
  );

  typed.get(
    '/doi-tac/:code',
    page(
      'A partner with published activity, rendered on the server.',
      z.object({ code: z.string().max(40) }),
    ),
    async (request, reply) => {
      const { code } = request.params;
      if (!/^[A-Za-z][A-Za-z0-9-]{1,15}$/.test(code)) return sendMissing(reply);
      const data = await orMissing(reply, () => service.getPartnerPage(code));
      if (!data) return reply;
      const path = publicPaths.partner(data.partner.code);
      if (`/doi-tac/${code}` !== path) return reply.redirect(withQuery(path, request), 301);
      const language = readLanguage(request);
      const name = pick(language, data.partner.nameVi, data.partner.nameEn);
      const description =
        language === 'vi'
          ? `Hợp tác y tế với ${name}: ${data.allAgreements.length} thỏa thuận, ${data.events.length} hoạt động, ${data.news.length} tin đã công bố.`
          : `Health cooperation with ${name}: ${data.allAgreements.length} agreements, ${data.events.length} activities, ${data.news.length} news published.`;
      return sendPage(
        request,
        reply,
        {
          title: name,
          description,
          path,
          language,
          type: 'profile',
          jsonLd: {
            '@type': data.partner.kind === 'country' ? 'Country' : 'Organization',
            name,
            alternateName: pick(language === 'vi' ? 'en' : 'vi', data.partner.nameVi, data.partner.nameEn),
            identifier: data.partner.code,
            url: pageUrl(publicUrl, path, language),
          },
        },
        [{ key: publicKeys.partner(code), data }],
      );
    },
  );

  typed.get(
    '/hiep-dinh/:slug',
    page('A published agreement, rendered on the server.', z.object({ slug: z.string().max(400) })),
    async (request, reply) => {
      const id = readSluggedId(request.params.slug);
      if (!id) return sendMissing(reply);
      const data = await orMissing(reply, () => service.getAgreement(id));
      if (!data) return reply;
      const path = publicPaths.agreement(data);
      if (`/hiep-dinh/${request.params.slug}` !== path) return reply.redirect(withQuery(path, request), 301);
      const language = readLanguage(request);
      const title = pick(language, data.titleVi, data.titleEn);
      const parties = data.parties.map((party) => pick(language, party.nameVi, party.nameEn)).join(', ');
      return sendPage(
        request,
        reply,
        {
          title,
          description: data.summary || `${title}${parties ? ` — ${parties}` : ''}`,
          path,
          language,
          type: 'website',
          jsonLd: {
            '@type': 'Legislation',
            name: title,
            legislationDate: data.signedOn ?? undefined,
            legislationType: data.kind,
            url: pageUrl(publicUrl, path, language),
          },
        },
        [{ key: publicKeys.agreement(id), data }],
      );
    },
  );

  typed.get(
    '/linh-vuc/:id',
    page('An area of cooperation, rendered on the server.', z.object({ id: z.string().max(80) })),
    async (request, reply) => {
      const { id } = request.params;
      if (!areaId.safeParse(id).success) return sendMissing(reply);
      const data = await orMissing(reply, () => service.getAreaPage(id));
      if (!data) return reply;
      const language = readLanguage(request);
      const label = pick(language, data.area.labelVi, data.area.labelEn);
      const description =
        language === 'vi'
          ? `Hợp tác quốc tế về y tế trong lĩnh vực ${label}: ${data.agreements.length} thỏa thuận, ${data.news.length} tin.`
          : `International health cooperation in ${label}: ${data.agreements.length} agreements, ${data.news.length} news.`;
      const path = publicPaths.area(id);
      return sendPage(
        request,
        reply,
        {
          title: label,
          description,
          path,
          language,
          type: 'website',
          jsonLd: { '@type': 'CollectionPage', name: label, url: pageUrl(publicUrl, path, language) },
        },
        [{ key: publicKeys.area(id), data }],
      );
    },
  );

  // Addresses of the first portal, kept working for links already shared. Hidden from the API
  // document: a redirect has no answer of its own, and the page it leads to is listed there.
  typed.get(
    '/news/:id',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.string().max(100) }),
      },
    },
    async (request, reply) => {
      const id = readSluggedId(request.params.id);
      if (!id) return sendMissing(reply);
      const article = await orMissing(reply, () => service.getArticle(id));
      if (!article) return reply;
      return reply.redirect(withQuery(publicPaths.article(article), request), 301);
    },
  );
  typed.get(
    '/partners/:code',
    {
      schema: {
        hide: true,
        params: z.object({ code: z.string().max(40) }),
      },
    },
    (request, reply) => reply.redirect(withQuery(publicPaths.partner(request.params.code), request), 301),
  );

  app.get(
    '/sitemap.xml',
    { schema: { tags, description: 'Sitemap of the public pages.' } },
    async (request, reply) => {
      const entries = await service.listSitemapEntries();
      const url = (path: string, lastmod?: string) =>
        [
          '<url>',
          `<loc>${escapeHtml(pageUrl(publicUrl, path, 'vi'))}</loc>`,
          `<xhtml:link rel="alternate" hreflang="en" href="${escapeHtml(pageUrl(publicUrl, path, 'en'))}"/>`,
          lastmod ? `<lastmod>${lastmod}</lastmod>` : '',
          '</url>',
        ].join('');
      const xml = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        url('/'),
        url(publicPaths.agreements),
        ...entries.news.map((entry) => url(publicPaths.article(entry), entry.updatedAt)),
        ...entries.agreements.map((entry) => url(publicPaths.agreement(entry), entry.updatedAt)),
        ...entries.partnerCodes.map((code) => url(publicPaths.partner(code))),
        ...entries.areaIds.map((id) => url(publicPaths.area(id))),
        '</urlset>',
      ].join('\n');
      return sendXml(request, reply, xml);
    },
  );

  function sendXml(request: FastifyRequest, reply: FastifyReply, xml: string) {
    const etag = `"${createHash('sha256').update(xml).digest('base64url').slice(0, 27)}"`;
    reply
      .header('cache-control', 'public, max-age=300')
      .header('etag', etag)
      .type('application/xml; charset=utf-8');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(xml);
  }

  app.get('/robots.txt', { schema: { tags, description: 'Crawling rules.' } }, (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=3600')
      .type('text/plain; charset=utf-8')
      .send(
        [
          'User-agent: *',
          'Allow: /',
          'Disallow: /app/',
          'Disallow: /api/v1/',
          `Sitemap: ${publicUrl}/sitemap.xml`,
          '',
        ].join('\n'),
      ),
  );
}
