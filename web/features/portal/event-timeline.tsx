import type { PublicEvent } from '../../../common/contracts/portal.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';

/** Published events, newest first, as a dated list. */
export function EventTimeline({ events }: { events: PublicEvent[] }) {
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id}>
          <span className="timeline-date">
            {formatDate(event.startOn)}
            {event.endOn && event.endOn !== event.startOn && ` – ${formatDate(event.endOn)}`}
          </span>
          <span className="timeline-body">
            <strong>{event.title}</strong>
            <span className="muted">
              {' '}
              · {labelEnum('eventKind', event.kind)}
              {event.location && ` · ${event.location}`}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
