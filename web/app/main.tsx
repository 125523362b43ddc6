import { HydrationBoundary, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { initI18n } from '../i18n/i18n.ts';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';
import './styles.css';
import './portal.css';

initI18n();

/** The cache the server rendered the page from (a JSON data block: never executed, so the CSP's
 * ban on inline script does not apply). */
function readServerState(): unknown {
  const block = document.getElementById('hoptac-state');
  if (!block?.textContent) return undefined;
  try {
    return JSON.parse(block.textContent);
  } catch {
    return undefined;
  }
}

const root = document.getElementById('root');
if (root) {
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <HydrationBoundary state={readServerState() as never}>
          <RouterProvider router={router} />
        </HydrationBoundary>
      </QueryClientProvider>
    </StrictMode>
  );
  // A page the server rendered is hydrated (same components, same data, same language); any other
  // address gets the boot placeholder replaced.
  if (root.hasAttribute('data-ssr')) hydrateRoot(root, app);
  else createRoot(root).render(app);
}
