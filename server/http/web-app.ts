import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commonErrors } from './errors.ts';

/** Serves the built web app: the hashed files under /assets/ are cached for a year (a new build
 * names new files), index.html for every client-side route is revalidated on each visit so a
 * deployment shows at once, and a missing asset is a 404, never the page in its place. */
export async function registerWebApp(app: FastifyInstance, webDir: string) {
  const root = resolve(webDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn(`No web build in ${root}; run "npm run build". The API still works.`);
    return;
  }
  await app.register(fastifyStatic, {
    root: resolve(root, 'assets'),
    prefix: '/assets/',
    index: false,
    maxAge: '365d',
    immutable: true,
  });
  const sendIndex = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/'))
      throw commonErrors.notFound(`No route for ${request.method} ${request.url}.`);
    return sendIndex(request, reply);
  });
}
