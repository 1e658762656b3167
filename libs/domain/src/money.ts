/** Money is integer euro cents everywhere; no floats in money paths. */
export type Cents = number;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((total, value) => total + value, 0);
}

/** 12345678 -> "€ 123.456,78" (nl-BE) for messages built on the server. */
export function formatEuro(cents: Cents, locale: 'nl' | 'en' = 'nl'): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-BE' : 'en-BE', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}
