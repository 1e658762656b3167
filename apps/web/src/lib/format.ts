import { formatLocale, type Language } from '../i18n';

export const TIME_ZONE = 'Europe/Brussels';

/** An amount in euro cents: a safe integer, a bigint, or an integer string (for amounts beyond 2^53). */
export type Cents = number | bigint | string;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, key: string, create: () => F): F {
  let format = cache.get(key);
  if (!format) {
    format = create();
    cache.set(key, format);
  }
  return format;
}

/**
 * Converts cents to an exact decimal euro string ("-1234.05"), without going through floating point.
 * Returns null when the input is not an integer amount of cents.
 */
export function centsToDecimal(cents: Cents): `${number}` | null {
  let digits: string;
  if (typeof cents === 'bigint') digits = cents.toString();
  else if (typeof cents === 'number') {
    if (!Number.isSafeInteger(cents)) return null;
    digits = String(cents);
  } else {
    const trimmed = cents.trim();
    if (!/^[-+]?\d+$/.test(trimmed)) return null;
    digits = trimmed.replace(/^\+/, '');
  }
  const negative = digits.startsWith('-');
  const abs = (negative ? digits.slice(1) : digits).replace(/^0+(?=\d)/, '').padStart(3, '0');
  const decimal = `${negative ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
  return decimal as `${number}`;
}

/** Formats cents as euro, e.g. `€ 1.234,05` (nl-BE) or `€1,234.05` (en-BE). */
export function formatMoney(cents: Cents, language?: Language): string {
  const locale = formatLocale(language);
  const decimal = centsToDecimal(cents);
  const format = cached(
    numberFormats,
    locale,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }),
  );
  // Intl.NumberFormat accepts exact decimal strings (ES2023); older engines coerce to Number.
  return decimal === null ? String(cents) : format.format(decimal);
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
