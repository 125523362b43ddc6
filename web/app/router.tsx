import { createBrowserRouter } from 'react-router';
import { meQuery } from '../features/session/session.api.ts';
import { lazyPage } from './lazy-page.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { portalRouteChildren } from './portal-routes.tsx';
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
const AgreementsRegistryPage = lazyPage(
  () => import('../features/portal/agreements-registry-page.tsx'),
  'AgreementsRegistryPage',
);
const PublicAgreementPage = lazyPage(
  () => import('../features/portal/public-agreement-page.tsx'),
  'PublicAgreementPage',
);
const PublicAreaPage = lazyPage(() => import('../features/portal/public-area-page.tsx'), 'PublicAreaPage');
const PortalSearchPage = lazyPage(
  () => import('../features/portal/portal-search-page.tsx'),
  'PortalSearchPage',
);
const SignInPage = lazyPage(() => import('../features/session/sign-in-page.tsx'), 'SignInPage');
const ProfilePage = lazyPage(() => import('../features/profile/profile-page.tsx'), 'ProfilePage');
const NotificationsPage = lazyPage(
  () => import('../features/notifications/notifications-page.tsx'),
  'NotificationsPage',
);
const UsersPage = lazyPage(() => import('../features/users/users-page.tsx'), 'UsersPage');
const DuplicatesPage = lazyPage(() => import('../features/merges/duplicates-page.tsx'), 'DuplicatesPage');
const merging = () => import('../features/merges/merge-page.tsx');
const InboxPage = lazyPage(() => import('../features/review/inbox-page.tsx'), 'InboxPage');
const ReviewPage = lazyPage(() => import('../features/review/review-page.tsx'), 'ReviewPage');
const SearchPage = lazyPage(() => import('../features/search/search-page.tsx'), 'SearchPage');
const PartnerPage = lazyPage(() => import('../features/partners/partner-page.tsx'), 'PartnerPage');
const AgreementPage = lazyPage(() => import('../features/agreements/agreement-page.tsx'), 'AgreementPage');
const dashboards = () => import('../features/dashboard/dashboard-page.tsx');
const DashboardPage = lazyPage(dashboards, 'DashboardPage');
const PublicDashboardPage = lazyPage(dashboards, 'PublicDashboardPage');
const AreaPage = lazyPage(() => import('../features/dashboard/area-page.tsx'), 'AreaPage');
const HomePage = lazyPage(() => import('../features/my-work/home-page.tsx'), 'HomePage');
const MyWorkPage = lazyPage(() => import('../features/my-work/my-work-page.tsx'), 'MyWorkPage');
const CommitmentBoardPage = lazyPage(
  () => import('../features/commitments/board-page.tsx'),
  'CommitmentBoardPage',
);

const policies = () => import('../features/policies/policies-page.tsx');
const AuditPage = lazyPage(() => import('../features/audit/audit-page.tsx'), 'AuditPage');
const areaPages = () => import('../features/areas/areas-pages.tsx');
const lists = () => import('../features/registry/registry-list-page.tsx');
const records = () => import('../features/registry/record-page.tsx');
const newRecords = () => import('../features/registry/new-record-page.tsx');

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
      { index: true, element: <HomePage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'my-work', element: <MyWorkPage /> },
      { path: 'commitments/board', element: <CommitmentBoardPage /> },
      { path: 'review/:id', element: <ReviewPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'duplicates', element: <DuplicatesPage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'agreements', Component: lazyPage(lists, 'AgreementsListPage') },
      { path: 'agreements/new', Component: lazyPage(newRecords, 'NewAgreementPage') },
      { path: 'agreements/:id', element: <AgreementPage /> },
      { path: 'events', Component: lazyPage(lists, 'EventsListPage') },
      { path: 'events/new', Component: lazyPage(newRecords, 'NewEventPage') },
      { path: 'events/:id', Component: lazyPage(records, 'EventPage') },
      { path: 'commitments', Component: lazyPage(lists, 'CommitmentsListPage') },
      { path: 'commitments/new', Component: lazyPage(newRecords, 'NewCommitmentPage') },
      { path: 'commitments/:id', Component: lazyPage(records, 'CommitmentPage') },
      { path: 'people', Component: lazyPage(lists, 'PeopleListPage') },
      { path: 'people/new', Component: lazyPage(newRecords, 'NewPersonPage') },
      { path: 'people/merge', Component: lazyPage(merging, 'MergePeoplePage') },
      { path: 'people/:id', Component: lazyPage(records, 'PersonPage') },
      { path: 'organisations', Component: lazyPage(lists, 'OrganisationsListPage') },
      { path: 'organisations/new', Component: lazyPage(newRecords, 'NewOrganisationPage') },
      { path: 'organisations/merge', Component: lazyPage(merging, 'MergeOrganisationsPage') },
      { path: 'organisations/:id', Component: lazyPage(records, 'OrganisationPage') },
      { path: 'partners', Component: lazyPage(lists, 'PartnersListPage') },
      { path: 'partners/new', Component: lazyPage(newRecords, 'NewPartnerPage') },
      { path: 'partners/:id', element: <PartnerPage /> },
      { path: 'sources', Component: lazyPage(lists, 'SourcesListPage') },
      { path: 'sources/new', Component: lazyPage(newRecords, 'NewSourcePage') },
      { path: 'sources/:id', Component: lazyPage(records, 'SourcePage') },
      { path: 'policies', Component: lazyPage(policies, 'PoliciesPage') },
      { path: 'policies/:id', Component: lazyPage(policies, 'PolicyPage') },
      { path: 'audit', element: <AuditPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'areas', Component: lazyPage(areaPages, 'AreasListPage') },
      { path: 'areas/new', Component: lazyPage(areaPages, 'NewAreaPage') },
      { path: 'areas/:id/edit', Component: lazyPage(areaPages, 'EditAreaPage') },
      { path: 'areas/:id', element: <AreaPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
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
      dashboard: PublicDashboardPage,
    }),
  },
]);
