import { BRUSSELS } from './brussels-time';
import { formatEuro, type CentsLike } from './money';
import { formatScore } from './score-format';

/**
 * The one way the portal writes dates, moments, numbers and amounts for people: in the web app, the decision letters,
 * the mails and the exports. Dutch (nl-BE) by default, English as the second
 * language; every moment in Brussels time, whatever the zone of the server or the browser.
 */
export type HumanLocale = 'nl' | 'en';

/** Dates: Belgian conventions in both languages (day before month, 24-hour clock). */
export const DATE_LOCALE: Record<HumanLocale, string> = { nl: 'nl-BE', en: 'en-BE' };
/** Numbers: the decimal comma in Dutch, the decimal point in English (as scores are written). */
const NUMBER_LOCALE: Record<HumanLocale, string> = { nl: 'nl-BE', en: 'en' };

export type DateTimeStyle =
  | 'date'
  | 'dateTime'
  | 'dateTimeSeconds'
  | 'time'
  | 'timeSeconds'
  | 'longDate'
  | 'longDateTime'
  | 'longDateTimeSeconds';

const NUMERIC_DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const TIME_SECONDS: Intl.DateTimeFormatOptions = { ...TIME, second: '2-digit' };
const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** 'date' = 31/12/2025, 'dateTime' = 31/12/2025 14:05, 'longDate' = 31 december 2025 (24-hour clock everywhere). */
const DATE_TIME_OPTIONS: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  date: NUMERIC_DATE,
  dateTime: { ...NUMERIC_DATE, ...TIME },
  dateTimeSeconds: { ...NUMERIC_DATE, ...TIME_SECONDS },
  time: TIME,
  timeSeconds: TIME_SECONDS,
  longDate: LONG_DATE,
  longDateTime: { ...LONG_DATE, ...TIME },
  longDateTimeSeconds: { ...LONG_DATE, ...TIME_SECONDS },
};

const formats = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

/**
 * Reads an ISO 8601 moment, or a calendar date (`2026-12-02`) taken as that day (noon UTC, the same date in Brussels).
 * Returns null for anything that is not a date.
 */
export function parseIsoMoment(value: string | Date): Date | null {
  const date =
    value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date or moment for people, in Brussels time: `formatDateTime('2026-12-02', 'longDate')` = "2 december 2026". */
export function formatDateTime(
  value: string | Date,
  style: DateTimeStyle = 'dateTime',
  locale: HumanLocale = 'nl',
): string {
  const date = parseIsoMoment(value);
  if (!date) return String(value);
  const key = `${locale}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALE[locale], { ...DATE_TIME_OPTIONS[style], timeZone: BRUSSELS });
    formats.set(key, format);
  }
  return format.format(date);
}

/** A number for people: "1.234,5" in Dutch, "1,234.5" in English; at most `maximumFractionDigits` decimals. */
export function formatNumber(value: number, locale: HumanLocale = 'nl', maximumFractionDigits = 2): string {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numbers.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits });
    numbers.set(key, format);
  }
  return format.format(value);
}

/**
 * The "controlegetal" people read and compare: the first 16 hexadecimal digits of a SHA-256 in four groups of four
 * (`3F2A 9C1B 7D4E 0A11`). Long enough to tell two submissions apart, short enough to read aloud on the phone; the full
 * hash stays in the database and the audit log.
 */
export function shortChecksum(sha256Hex: string): string {
  return (
    sha256Hex
      .replace(/[^0-9a-f]/gi, '')
      .slice(0, 16)
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** The formatting helpers bound to one language, for a letter or a mail written in it. */
export function humanFormat(locale: HumanLocale) {
  return {
    locale,
    date: (value: string | Date) => formatDateTime(value, 'date', locale),
    longDate: (value: string | Date) => formatDateTime(value, 'longDate', locale),
    moment: (value: string | Date) => formatDateTime(value, 'dateTime', locale),
    longMoment: (value: string | Date) => formatDateTime(value, 'longDateTime', locale),
    number: (value: number, maximumFractionDigits?: number) => formatNumber(value, locale, maximumFractionDigits),
    score: (value: number) => formatScore(value, locale),
    euro: (cents: CentsLike) => formatEuro(cents, locale),
  };
}

export type HumanFormat = ReturnType<typeof humanFormat>;
