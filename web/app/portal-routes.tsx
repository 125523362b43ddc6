import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { NotFoundPage } from './not-found-page.tsx';

export type PortalPages = Record<
  'home' | 'article' | 'partner' | 'agreements' | 'agreement' | 'area' | 'search',
  ComponentType
> & {
  /** The public dashboard: charts the server renderer does not draw, so it may leave it out. */
  dashboard?: ComponentType;
};

/** The portal's pages under its shell, written once: the browser's router loads each page as its
 * own chunk, the server renderer passes the same components eagerly (web/app/render-portal.tsx). */
export function portalRouteChildren(pages: PortalPages): RouteObject[] {
  const { home: Home, article: Article, partner: Partner, agreements: Agreements } = pages;
  const { agreement: Agreement, area: Area, search: Search } = pages;
  return [
    { index: true, element: <Home /> },
    { path: 'tin/:slug', element: <Article /> },
    // Older addresses: a full page load is redirected by the server; links inside the app still work.
    { path: 'news/:id', element: <Article /> },
    { path: 'doi-tac/:code', element: <Partner /> },
    { path: 'partners/:code', element: <Partner /> },
    { path: 'hiep-dinh', element: <Agreements /> },
    { path: 'hiep-dinh/:slug', element: <Agreement /> },
    { path: 'linh-vuc/:id', element: <Area /> },
    { path: 'tim-kiem', element: <Search /> },
    ...(pages.dashboard ? [{ path: 'so-lieu', element: <pages.dashboard /> }] : []),
    { path: '*', element: <NotFoundPage /> },
  ];
}
