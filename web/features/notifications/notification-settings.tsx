import { useTranslation } from 'react-i18next';
import { type DigestFrequency, digestFrequencies } from '../../../common/contracts/notifications.ts';
import { useNotificationSettings, useSetDigestFrequency, useSetMute } from './notifications.api.ts';

/** The profile's reminder section: how often the e-mail digest comes, and the muted records. */
export function NotificationSettingsSection() {
  const { t, i18n } = useTranslation();
  const settings = useNotificationSettings();
  const setFrequency = useSetDigestFrequency();
  const setMute = useSetMute();
  const data = settings.data;
  return (
    <section className="card stack" aria-labelledby="reminder-settings">
      <h2 id="reminder-settings">{t('notifications.settings')}</h2>
      {data && !data.isEmailConfigured && <p className="muted">{t('notifications.noEmail')}</p>}
      {data && (
        <label>
          {t('notifications.digest')}{' '}
          <select
            value={data.digestFrequency}
            onChange={(event) => setFrequency.mutate(event.target.value as DigestFrequency)}
            disabled={setFrequency.isPending}
          >
            {digestFrequencies.map((frequency) => (
              <option key={frequency} value={frequency}>
                {t(`notifications.frequencies.${frequency}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {(settings.isError || setFrequency.isError || setMute.isError) && (
        <p className="notice notice-error" role="alert">
          {t('app.loadFailed')}
        </p>
      )}
      <h3>{t('notifications.muted')}</h3>
      {data && data.mutes.length === 0 && <p className="muted">{t('notifications.noMutes')}</p>}
      {data && data.mutes.length > 0 && (
        <ul>
          {data.mutes.map((mute) => (
            <li key={`${mute.recordType}:${mute.recordId}`}>
              {i18n.language === 'en' && mute.titleEn ? mute.titleEn : mute.titleVi}{' '}
              <button
                type="button"
                onClick={() =>
                  setMute.mutate({ recordType: mute.recordType, recordId: mute.recordId, isMuted: false })
                }
              >
                {t('notifications.unmute')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
