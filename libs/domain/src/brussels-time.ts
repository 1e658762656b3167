import { DateTime } from 'luxon';

export const BRUSSELS = 'Europe/Brussels';

/** The years a date typed into the portal may fall in (PostgreSQL has no year 0; nothing here predates 1900). */
export const CALENDAR_YEARS = { min: 1900, max: 2999 } as const;

function inCalendarYears(year: number): boolean {
  return year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max;
}

/**
 * Reads a call's opening or closing moment. An ISO string with an offset (or Z) is an instant;
 * a wall-clock time without offset (`2020-05-22T23:59:59`) is read in Europe/Brussels, so a deadline
 * stays at 23:59:59 Brussels time whether summer or winter time applies on that day.
 * Returns null for anything else (including wall-clock times that do not exist, in the spring-forward gap, and
 * years outside CALENDAR_YEARS).
 */
export function parseCallMoment(input: string): Date | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(input);
  if (hasOffset) {
    const instant = DateTime.fromISO(input, { setZone: true });
    return instant.isValid && inCalendarYears(instant.year) ? instant.toJSDate() : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(input)) return null;
  const local = DateTime.fromISO(input, { zone: BRUSSELS });
  if (!local.isValid || !inCalendarYears(local.year)) return null;
  // Luxon shifts non-existent local times forward; refuse them instead of silently moving a deadline.
  if (local.toFormat(input.length === 16 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss") !== input) return null;
  return local.toJSDate();
}

/** An instant as Brussels wall-clock time, e.g. "22/05/2020 23:59:59". */
export function formatBrussels(instant: Date, withSeconds = true): string {
  return DateTime.fromJSDate(instant, { zone: BRUSSELS }).toFormat(
    withSeconds ? 'dd/MM/yyyy HH:mm:ss' : 'dd/MM/yyyy HH:mm',
  );
}

/** The Brussels calendar date of an instant, `YYYY-MM-DD` (a decision taken at 00:30 Brussels time is that day's). */
export function brusselsDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: BRUSSELS }).toISODate()!;
}

/**
 * A `YYYY-MM-DD` date that exists on the calendar (no 2028-02-30, 2028-04-31 or 0000-01-01), with a year in
 * CALENDAR_YEARS. Such dates (project periods, decision dates) then compare correctly as strings.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone moves it).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
