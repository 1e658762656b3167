import { DateTime } from 'luxon';
import { BRUSSELS, CALENDAR_YEARS } from '@portal/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * A bound of the audit filter, read as Brussels wall-clock time (as the administration reads its clock):
 * a day (`2026-03-29`) or a moment (`2026-03-29T14:30`). `from` is the first instant included; `to` is the
 * first instant no longer included, so `to=2026-03-29` includes that whole day and `to=...T14:30` that whole minute.
 * Returns null when the value is not such a date or moment (or a wall-clock time that does not exist in Brussels).
 */
export function brusselsBound(value: string, bound: 'from' | 'to'): Date | null {
  let local: DateTime;
  let unit: 'day' | 'minute' | 'second';
  if (DATE.test(value)) {
    local = DateTime.fromISO(value, { zone: BRUSSELS }).startOf('day');
    unit = 'day';
  } else if (WALL_CLOCK.test(value)) {
    local = DateTime.fromISO(value, { zone: BRUSSELS });
    unit = value.length === 16 ? 'minute' : 'second';
    // Luxon moves a time in the spring-forward gap; such a moment does not exist in Brussels.
    if (local.isValid && local.toFormat(unit === 'minute' ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss") !== value)
      return null;
  } else {
    return null;
  }
  if (!local.isValid || local.year < CALENDAR_YEARS.min || local.year > CALENDAR_YEARS.max) return null;
  return (bound === 'from' ? local : local.plus({ [`${unit}s`]: 1 })).toJSDate();
}
