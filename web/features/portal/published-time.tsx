import { formatPublishedAt } from '../../i18n/format.ts';

/** When a source was published: date and time, or the date alone when the time is unknown. */
export function PublishedTime({ publishedAt }: { publishedAt: string | null }) {
  if (!publishedAt) return null;
  return (
    <time className="news-time" dateTime={publishedAt}>
      {formatPublishedAt(publishedAt)}
    </time>
  );
}
