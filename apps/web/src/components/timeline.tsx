import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from './date-time';
import type { DateTimeStyle } from '../lib/format';

export interface TimelineEvent {
  id: string;
  /** What happened, e.g. "Dossier ingediend". */
  label: ReactNode;
  /** ISO 8601 moment of the event. */
  at: string;
  /** Optional explanation, e.g. a reviewer's remark. */
  note?: ReactNode;
  /** Optional actor, e.g. a display name. */
  actor?: ReactNode;
}

export interface TimelineProps {
  events: readonly TimelineEvent[];
  /** Accessible name of the list, e.g. "Geschiedenis van het dossier". */
  label?: string;
  format?: DateTimeStyle;
  emptyMessage?: ReactNode;
}

/** Chronological list of events (render them in the order they should be read). */
export function Timeline({ events, label, format = 'dateTime', emptyMessage }: TimelineProps) {
  const { t } = useTranslation();
  if (events.length === 0) {
    return <p className="timeline-empty">{emptyMessage ?? t('timeline.empty')}</p>;
  }
  return (
    <ol className="timeline" aria-label={label}>
      {events.map((event) => (
        <li key={event.id} className="timeline__item">
          <p className="timeline__label">{event.label}</p>
          <p className="timeline__meta">
            <DateTime value={event.at} format={format} />
            {event.actor ? <span className="timeline__actor"> · {event.actor}</span> : null}
          </p>
          {event.note ? <div className="timeline__note">{event.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
