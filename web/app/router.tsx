import { createBrowserRouter } from 'react-router';
import { meQuery } from '../features/session/session.api.ts';
import { lazyPage } from './lazy-page.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { PortalShell } from './portal-shell.tsx';
import { queryClient } from './query-client.ts';

// Every page is its own chunk, and the workspace shell too: a portal reader downloads none of
// the workspace, and a desk officer only the pages they open.
const WorkspaceShell = lazyPage(() => import('./workspace-shell.tsx'), 'WorkspaceShell');
const PortalHomePage = lazyPage(() => import('../features/portal/portal-home-page.tsx'), 'PortalHomePage');
const ArticlePage = lazyPage(() => import('../features/portal/article-page.tsx'), 'ArticlePage');
const PublicPartnerPage = lazyPage(
  () => import('../features/portal/public-partner-page.tsx'),
  'PublicPartnerPage',
);
const SignInPage = lazyPage(() => import('../features/session/sign-in-page.tsx'), 'SignInPage');
const ProfilePage = lazyPage(() => import('../features/profile/profile-page.tsx'), 'ProfilePage');
const NotificationsPage = lazyPage(
  () => import('../features/notifications/notifications-page.tsx'),
  'NotificationsPage',
);
const InboxPage = lazyPage(() => import('../features/review/inbox-page.tsx'), 'InboxPage');
const ReviewPage = lazyPage(() => import('../features/review/review-page.tsx'), 'ReviewPage');
const SearchPage = lazyPage(() => import('../features/search/search-page.tsx'), 'SearchPage');
const PartnerPage = lazyPage(() => import('../features/partners/partner-page.tsx'), 'PartnerPage');
const AgreementPage = lazyPage(() => import('../features/agreements/agreement-page.tsx'), 'AgreementPage');

const lists = () => import('../features/registry/registry-list-page.tsx');
const records = () => import('../features/registry/record-page.tsx');

export const router = createBrowserRouter([
  {
    path: '/app/sign-in',
    element: <PortalShell />,
    children: [{ index: true, element: <SignInPage /> }],
  },
  {
    path: '/app',
    // Asks who is signed in while the shell's chunk downloads, instead of after it has run;
    // not awaited, so the route renders at once and the shell reads the answer from the cache.
    loader: () => {
      void queryClient.prefetchQuery(meQuery);
      return null;
    },
    element: <WorkspaceShell />,
    children: [
      { index: true, element: <InboxPage /> },
      { path: 'review/:id', element: <ReviewPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'agreements', Component: lazyPage(lists, 'AgreementsListPage') },
      { path: 'agreements/:id', element: <AgreementPage /> },
      { path: 'events', Component: lazyPage(lists, 'EventsListPage') },
      { path: 'events/:id', Component: lazyPage(records, 'EventPage') },
      { path: 'commitments', Component: lazyPage(lists, 'CommitmentsListPage') },
      { path: 'commitments/:id', Component: lazyPage(records, 'CommitmentPage') },
      { path: 'people', Component: lazyPage(lists, 'PeopleListPage') },
      { path: 'people/:id', Component: lazyPage(records, 'PersonPage') },
      { path: 'organisations', Component: lazyPage(lists, 'OrganisationsListPage') },
      { path: 'organisations/:id', Component: lazyPage(records, 'OrganisationPage') },
      { path: 'partners', Component: lazyPage(lists, 'PartnersListPage') },
      { path: 'partners/:id', element: <PartnerPage /> },
      { path: 'sources', Component: lazyPage(lists, 'SourcesListPage') },
      { path: 'sources/:id', Component: lazyPage(records, 'SourcePage') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/',
    element: <PortalShell />,
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: 'news/:id', element: <ArticlePage /> },
      { path: 'partners/:code', element: <PublicPartnerPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
