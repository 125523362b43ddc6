import { type DehydratedState, dehydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { StaticRouter, useRoutes } from 'react-router';
import { AgreementsRegistryPage } from '../features/portal/agreements-registry-page.tsx';
import { ArticlePage } from '../features/portal/article-page.tsx';
import { PortalHomePage } from '../features/portal/portal-home-page.tsx';
import { PortalSearchPage } from '../features/portal/portal-search-page.tsx';
import { PublicAgreementPage } from '../features/portal/public-agreement-page.tsx';
import { PublicAreaPage } from '../features/portal/public-area-page.tsx';
import { PublicOriginContext } from '../features/portal/public-origin.ts';
import { PublicPartnerPage } from '../features/portal/public-partner-page.tsx';
import { initI18n, type Language, setRenderLanguage } from '../i18n/i18n.ts';
import { portalRouteChildren } from './portal-routes.tsx';
import { PortalShell } from './portal-shell.tsx';

// The server's rendering of portal pages (see docs/ARCHITECTURE.md, "Server-rendered portal"):
// the same components as the browser, eager instead of lazy, over a cache already holding the
// page's data, so nothing is fetched and nothing suspends while rendering.

const routes = [
  {
    path: '/',
    element: <PortalShell />,
    children: portalRouteChildren({
      home: PortalHomePage,
      article: ArticlePage,
      partner: PublicPartnerPage,
      agreements: AgreementsRegistryPage,
      agreement: PublicAgreementPage,
      area: PublicAreaPage,
      search: PortalSearchPage,
    }),
  },
];

function PortalRoutes() {
  return useRoutes(routes);
}

export type SeededQuery = { key: readonly unknown[]; data: unknown };

let isI18nReady = false;

/** HTML of the page at `url` in `language`, and the cache state the browser hydrates from. */
export function renderPortalPage({
  url,
  language,
  publicUrl,
  seed,
}: {
  url: string;
  language: Language;
  publicUrl: string;
  seed: SeededQuery[];
}): { html: string; state: Omit<DehydratedState, 'queries'> & { queries: unknown[] } } {
  if (!isI18nReady) {
    initI18n(language);
    isI18nReady = true;
  }
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  // Timestamp 0: the same data renders the same bytes (a stable ETag); the browser, seeing the
  // entry stale, refreshes it quietly after hydrating.
  for (const { key, data } of seed) client.setQueryData(key, data, { updatedAt: 0 });
  // renderToString is synchronous: no other request can change the language while it runs.
  setRenderLanguage(language);
  const html = renderToString(
    <QueryClientProvider client={client}>
      <PublicOriginContext.Provider value={publicUrl}>
        <StaticRouter location={url}>
          <PortalRoutes />
        </StaticRouter>
      </PublicOriginContext.Provider>
    </QueryClientProvider>,
  );
  const state = dehydrate(client);
  // dehydratedAt is the render's clock: dropped, so the page's bytes depend on its data alone.
  return { html, state: { ...state, queries: state.queries.map(({ dehydratedAt: _, ...query }) => query) } };
}
