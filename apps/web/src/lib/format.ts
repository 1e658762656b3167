import { formatEuro, formatScore as formatDomainScore, type CentsLike } from '@portal/domain';
import { currentLanguage, formatLocale, type Language } from '../i18n';
import { TIME_ZONE } from './time-zone';

export { TIME_ZONE };

export type { CentsLike as Cents } from '@portal/domain';
export { centsToDecimal } from '@portal/domain';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, key: string, create: () => F): F {
  let format = cache.get(key);
  if (!format) {
    format = create();
    cache.set(key, format);
  }
  return format;
}

/** Formats cents as euro in the UI language, exactly (the domain's `formatEuro`): `€ 1.234,05` or `€1,234.05`. */
export function formatMoney(cents: CentsLike, language: Language = currentLanguage()): string {
  return formatEuro(cents, language);
}

/** A score in the UI language: "3,5" in Dutch, "3.5" in English (the domain's `formatScore`). */
export function formatScore(score: number, language: Language = currentLanguage()): string {
  return formatDomainScore(score, language);
}

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

/** 'date' = 31/12/2025, 'dateTime' = 31/12/2025 14:05, 'longDate' = 31 december 2025 (24-hour clock everywhere). */
const DATE_TIME_OPTIONS: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  date: NUMERIC_DATE,
  dateTime: { ...NUMERIC_DATE, ...TIME },
  dateTimeSeconds: { ...NUMERIC_DATE, ...TIME_SECONDS },
  time: TIME,
  timeSeconds: TIME_SECONDS,
  longDate: { day: 'numeric', month: 'long', year: 'numeric' },
  longDateTime: { day: 'numeric', month: 'long', year: 'numeric', ...TIME },
  longDateTimeSeconds: { day: 'numeric', month: 'long', year: 'numeric', ...TIME_SECONDS },
};

/** Parses an ISO 8601 string; returns null for invalid input. Date-only strings are taken as that calendar day. */
export function parseIso(iso: string): Date | null {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Formats an ISO moment in the Europe/Brussels time zone, in the UI locale. Returns the input when unparsable. */
export function formatDateTime(iso: string, style: DateTimeStyle = 'dateTime', language?: Language): string {
  const date = parseIso(iso);
  if (!date) return iso;
  const locale = formatLocale(language);
  const format = cached(
    dateFormats,
    `${locale}|${style}`,
    () => new Intl.DateTimeFormat(locale, { ...DATE_TIME_OPTIONS[style], timeZone: TIME_ZONE }),
  );
  return format.format(date);
}
