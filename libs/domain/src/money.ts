/** Money is integer euro cents everywhere; no floats in money paths. */
export type Cents = number;

/** An amount of cents as it may reach a formatter: a safe integer, a bigint, or an integer string (beyond 2^53). */
export type CentsLike = number | bigint | string;

export type MoneyLocale = 'nl' | 'en';

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Cents as an exact decimal euro string ("-1234.05"), by string arithmetic (never through a float).
 * Null when the input is not an integer amount of cents.
 */
export function centsToDecimal(cents: CentsLike): `${number}` | null {
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
  const sign = negative && /[1-9]/.test(abs) ? '-' : '';
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}` as `${number}`;
}

const euroFormats = new Map<MoneyLocale, Intl.NumberFormat>();

function euroFormat(locale: MoneyLocale): Intl.NumberFormat {
  let format = euroFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'nl' ? 'nl-BE' : 'en-BE', { style: 'currency', currency: 'EUR' });
    euroFormats.set(locale, format);
  }
  return format;
}

/**
 * 12345678 -> "€ 123.456,78" (nl-BE) or "€123,456.78" (en-BE), exact for every integer amount of cents: the cents
 * become a decimal string first, and Intl.NumberFormat formats decimal strings without rounding them (ES2023).
 * Input that is not an integer amount of cents is returned as it came.
 */
export function formatEuro(cents: CentsLike, locale: MoneyLocale = 'nl'): string {
  const decimal = centsToDecimal(cents);
  return decimal === null ? String(cents) : euroFormat(locale).format(decimal);
}
