import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The web app loads every script and stylesheet from its own files: the Vite build has no inline
 * script or style, so nothing inline is allowed. upgrade-insecure-requests is left out: on a
 * plain-HTTP deployment (an office network) it would send every asset request to a missing HTTPS. */
const appPolicy = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Swagger UI at /api/docs styles its widgets inline; it gets this policy from its own plugin. */
export const apiDocsPolicy =
  "default-src 'self'; base-uri 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

const hstsOneYear = 'max-age=31536000; includeSubDomains';

/** Security headers on every response, HSTS only on requests that came over HTTPS (a browser
 * ignores it over HTTP, and a plain-HTTP install must stay reachable), and no-store on the
 * signed-in API so a shared cache or the back button never shows one user's records to another. */
export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appPolicy },
    // Same-origin requests keep their Referer (the CSRF check falls back to it); other sites
    // learn nothing of the page a link was followed from.
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', hstsOneYear);
    if (request.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
  });
}
