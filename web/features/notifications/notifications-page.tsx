import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationRecord } from '../../../common/contracts/notifications.ts';
import type { Language } from '../../../common/domain/enums.ts';
import { formatDay } from '../../../common/domain/format.ts';
import { isApiError } from '../../app/http.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { useMarkRead, useNotifications, useSetMute } from './notifications.api.ts';

/** The user's reminders: what each is about, its day, a link to the record, read and mute. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkRead();
  const mute = useSetMute();
  const title = (item: NotificationRecord) =>
    i18n.language === 'en' && item.titleEn ? item.titleEn : item.titleVi;
  return (
    <div className="stack">
      <h1>{t('notifications.title')}</h1>
      <p className="muted">{t('notifications.hint')}</p>
      <QueryState query={list}>
        {(page) => (
          <>
            <p>
              {t('notifications.unread', { count: page.unreadCount })}{' '}
              {page.unreadCount > 0 && (
                <button
                  type="button"
                  onClick={() => markRead.mutate({ all: true })}
                  disabled={markRead.isPending}
                >
                  {t('notifications.markAllRead')}
                </button>
              )}
            </p>
            {(markRead.isError || mute.isError) && (
              <p className="notice notice-error" role="alert">
                {isApiError(mute.error) && mute.error.code === 'notifications.unknown_record'
                  ? t('notifications.errors.unknown_record')
                  : t('app.loadFailed')}
              </p>
            )}
            {page.items.length === 0 ? (
              <p className="muted">{t('notifications.empty')}</p>
            ) : (
              <ul className="notification-list" data-testid="notifications">
                {page.items.map((item) => (
                  <li key={item.id} className={item.readAt ? 'is-read' : 'is-unread'}>
                    <strong>{t(`notifications.kinds.${item.kind}`)}</strong>{' '}
                    {item.link.startsWith('/app/') ? (
                      <Link
                        to={item.link}
                        onClick={() => !item.readAt && markRead.mutate({ ids: [item.id] })}
                      >
                        {title(item)}
                      </Link>
                    ) : (
                      <a href={item.link}>{title(item)}</a>
                    )}{' '}
                    <span className="muted">· {formatDay(item.on, i18n.language as Language)}</span>{' '}
                    {!item.readAt && (
                      <button type="button" onClick={() => markRead.mutate({ ids: [item.id] })}>
                        {t('notifications.markRead')}
                      </button>
                    )}{' '}
                    <button
                      type="button"
                      onClick={() =>
                        mute.mutate({ recordType: item.recordType, recordId: item.recordId, isMuted: true })
                      }
                    >
                      {t('notifications.mute')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
