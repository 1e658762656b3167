import { TIME_ZONE } from './time-zone';

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A UTC instant as Brussels wall-clock time `YYYY-MM-DDTHH:mm`, the value an `<input type="datetime-local">` takes.
 * The API reads such a value back in Europe/Brussels, so the round trip keeps the moment.
 */
export function toBrusselsWallClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(wallClockFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
