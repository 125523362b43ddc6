import { foldText } from './text.ts';

// The portal's public addresses: readable, stable, and built in one place for the server (pages,
// sitemap, feed, redirects) and the web app (links).

const uuidAtEnd = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
// Fastify matches a path parameter of at most 100 characters (maxParamLength): slug, hyphen and
// UUID must fit.
const slugLength = 60;

/** `Việt Nam – Belarus ký kết` → `viet-nam-belarus-ky-ket`: folded, only a-z0-9 and hyphens. */
export function slugify(text: string): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= slugLength) return slug;
  return slug.slice(0, slugLength).replace(/-[^-]*$/, '');
}

/** The id at the end of `<slug>-<uuid>`; the slug itself is decoration and may be anything. */
export function readSluggedId(param: string): string | null {
  return uuidAtEnd.exec(param)?.[1]?.toLowerCase() ?? null;
}

function withSlug(prefix: string, title: string, id: string): string {
  const slug = slugify(title);
  return `${prefix}/${slug ? `${slug}-` : ''}${id}`;
}

export const publicPaths = {
  article: (item: { id: string; title: string }) => withSlug('/tin', item.title, item.id),
  partner: (code: string) => `/doi-tac/${encodeURIComponent(code.toLowerCase())}`,
  agreement: (item: { id: string; titleVi: string; titleEn?: string }) =>
    withSlug('/hiep-dinh', item.titleVi || item.titleEn || '', item.id),
  area: (id: string) => `/linh-vuc/${encodeURIComponent(id)}`,
  agreements: '/hiep-dinh',
  search: '/tim-kiem',
};
