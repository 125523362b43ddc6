// The <head> of a server-rendered portal page: title, description, canonical address, the two
// languages, Open Graph and Twitter card tags (what Zalo and Facebook read when a link is pasted)
// and JSON-LD. Pure string building; every value is escaped.

import type { Language } from '../../../common/domain/enums.ts';

export type PageMeta = {
  title: string;
  description: string;
  /** The page's path without the language (`/tin/…`). */
  path: string;
  language: Language;
  type: 'article' | 'website' | 'profile';
  publishedAt?: string | null;
  modifiedAt?: string | null;
  jsonLd?: Record<string, unknown>;
};

const siteName = { vi: 'hoptac — Hợp tác quốc tế về y tế', en: 'hoptac — International health cooperation' };
const descriptionLength = 200;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON safe inside a <script> element: no `</script>`, no `<!--`, no line separators. */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= descriptionLength) return flat;
  const cut = flat.slice(0, descriptionLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), descriptionLength / 2))}…`;
}

export function pageUrl(publicUrl: string, path: string, language: Language): string {
  return `${publicUrl}${path}${language === 'en' ? '?lang=en' : ''}`;
}

export function renderHead(meta: PageMeta, publicUrl: string): string {
  const canonical = pageUrl(publicUrl, meta.path, meta.language);
  const description = shorten(meta.description);
  const tag = (attribute: 'name' | 'property', key: string, content: string) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(content)}" />`;
  const lines = [
    `<title>${escapeHtml(`${meta.title} — ${siteName[meta.language]}`)}</title>`,
    tag('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(canonical)}" />`,
    `<link rel="alternate" hreflang="vi" href="${escapeHtml(pageUrl(publicUrl, meta.path, 'vi'))}" />`,
    `<link rel="alternate" hreflang="en" href="${escapeHtml(pageUrl(publicUrl, meta.path, 'en'))}" />`,
    tag('name', 'hoptac:public-url', publicUrl),
    tag('property', 'og:type', meta.type),
    tag('property', 'og:site_name', siteName[meta.language]),
    tag('property', 'og:title', meta.title),
    tag('property', 'og:description', description),
    tag('property', 'og:url', canonical),
    tag('property', 'og:locale', meta.language === 'vi' ? 'vi_VN' : 'en_GB'),
    tag('name', 'twitter:card', 'summary'),
    tag('name', 'twitter:title', meta.title),
    tag('name', 'twitter:description', description),
  ];
  if (meta.type === 'article' && meta.publishedAt)
    lines.push(tag('property', 'article:published_time', meta.publishedAt));
  if (meta.jsonLd)
    lines.push(
      `<script type="application/ld+json">${toScriptJson({ '@context': 'https://schema.org', ...meta.jsonLd })}</script>`,
    );
  return lines.join('\n    ');
}
