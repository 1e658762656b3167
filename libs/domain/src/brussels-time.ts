import { DateTime } from 'luxon';

export const BRUSSELS = 'Europe/Brussels';

/**
 * Reads a call's opening or closing moment. An ISO string with an offset (or Z) is an instant;
 * a wall-clock time without offset (`2020-05-22T23:59:59`) is read in Europe/Brussels, so a deadline
 * stays at 23:59:59 Brussels time whether summer or winter time applies on that day.
 * Returns null for anything else (including wall-clock times that do not exist, in the spring-forward gap).
 */
export function parseCallMoment(input: string): Date | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(input);
  if (hasOffset) {
    const instant = DateTime.fromISO(input, { setZone: true });
    return instant.isValid ? instant.toJSDate() : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(input)) return null;
  const local = DateTime.fromISO(input, { zone: BRUSSELS });
  if (!local.isValid) return null;
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

/** `YYYY-MM-DD` calendar dates (project periods) compare as strings once validated. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}
