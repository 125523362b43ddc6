import { dayInVietNam, isPublishedTimeKnown } from '../../../common/domain/published-time.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';

/** When a source was published: date and time, or the date alone when the time is unknown. */
export function PublishedTime({ publishedAt }: { publishedAt: string | null }) {
  if (!publishedAt) return null;
  return (
    <time className="news-time" dateTime={publishedAt}>
      {isPublishedTimeKnown(publishedAt)
        ? formatDateTime(publishedAt)
        : formatDate(dayInVietNam(publishedAt))}
    </time>
  );
}
