import type { FastifyInstance, FastifyRequest } from 'fastify';
import { defineError } from './errors.ts';

const crossSite = defineError('request.cross_site', 403, 'Yêu cầu đến từ một trang khác nên bị từ chối.');

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin a browser named for the request: Origin, or the origin of Referer when a browser
 * sent none. 'null' (a sandboxed frame, a privacy-stripped redirect) names no origin we trust. */
function claimedOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin;
  const referer = request.headers.referer;
  if (referer === undefined) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/**
 * Refuses a state-changing API request that a page of another origin made the browser send:
 * the session cookie rides along on such a request (SameSite=Lax covers only other sites, not
 * another port of the same host, and a plain form can POST multipart). Browsers always send
 * Origin on a cross-origin POST, PATCH or DELETE, so a request naming no origin at all comes from
 * a program (curl, the CLI, tests), which holds its own cookie and is no forgery.
 */
export function registerSameOriginCheck(app: FastifyInstance, publicUrl: string | undefined) {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : null;
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = claimedOrigin(request);
    if (origin === null) return;
    if (origin === `${request.protocol}://${request.host}` || origin === publicOrigin) return;
    throw crossSite(
      `Yêu cầu đến từ một trang khác (${origin}) nên bị từ chối; hãy thao tác trên chính trang hoptac. / ` +
        `The request came from another site (${origin}) and was refused; use hoptac's own pages.`,
    );
  });
}
