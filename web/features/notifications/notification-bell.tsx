import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotifications } from './notifications.api.ts';

/** The top bar's bell: the unread count, linking to the notifications page. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useNotifications().data?.unreadCount ?? 0;
  return (
    <Link to="/app/notifications" className="notification-bell" data-testid="notification-bell">
      {t('notifications.bell', { count: unread })}
    </Link>
  );
}
