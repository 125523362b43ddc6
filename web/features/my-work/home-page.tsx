import { lazyPage } from '../../app/lazy-page.ts';
import { canEdit, useMe } from '../session/session.api.ts';

const InboxPage = lazyPage(() => import('../review/inbox-page.tsx'), 'InboxPage');
const MyWorkPage = lazyPage(() => import('./my-work-page.tsx'), 'MyWorkPage');

/** The workspace home: editors land on the inbox they fill, units and leadership on "My work". */
export function HomePage() {
  const me = useMe();
  return canEdit(me.data) ? <InboxPage /> : <MyWorkPage />;
}
