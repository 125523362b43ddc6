import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { commonErrors } from './errors.ts';

/** Serves the built web app, with index.html for every client-side route. */
export async function registerWebApp(app: FastifyInstance, webDir: string) {
  const root = resolve(webDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn(`No web build in ${root}; run "npm run build". The API still works.`);
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1h', immutable: false });
  const sendIndex = (
    _request: unknown,
    reply: { header: (k: string, v: string) => void; sendFile: (f: string) => unknown },
  ) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  app.get('/', { schema: { hide: true } }, sendIndex as never);
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/'))
      throw commonErrors.notFound(`No route for ${request.method} ${request.url}.`);
    return sendIndex(request, reply);
  });
}
