/**
 * Euro amounts typed by people ("1.234,56", "1234.56", "€ 1 234,5") to integer cents, without floating point:
 * the string is split into euro and cent digits and those digits are read as one integer.
 */

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** Splits on the decimal separator; returns null when the notation is ambiguous or malformed. */
function splitEuro(compact: string): { whole: string; fraction: string } | null {
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalSeparator: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the last one separates the cents ("1.234,56" or "1,234.56").
    decimalSeparator = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const parts = compact.split(separator);
    // One separator followed by one or two digits is a decimal separator ("12,5", "1234.56");
    // otherwise it groups thousands ("1.234", "1.234.567", "1,234").
    if (parts.length === 2 && parts[1] !== undefined && /^\d{1,2}$/.test(parts[1])) decimalSeparator = separator;
  }
  const thousandsSeparator = decimalSeparator === '.' ? ',' : '.';
  let whole = compact;
  let fraction = '';
  if (decimalSeparator) {
    const index = compact.lastIndexOf(decimalSeparator);
    whole = compact.slice(0, index);
    fraction = compact.slice(index + 1);
    if (!/^\d{1,2}$/.test(fraction)) return null;
  }
  if (whole === '') whole = '0';
  if (whole.includes(decimalSeparator ?? '\u0000')) return null;
  const otherSeparator = decimalSeparator ? thousandsSeparator : null;
  if (/[.,]/.test(whole)) {
    const groupSeparator = otherSeparator ?? (whole.includes('.') ? '.' : ',');
    const groups = whole.split(groupSeparator);
    const [first, ...rest] = groups;
    if (first === undefined || !/^\d{1,3}$/.test(first) || rest.some((group) => !/^\d{3}$/.test(group))) return null;
    whole = groups.join('');
  }
  if (!/^\d+$/.test(whole)) return null;
  return { whole, fraction };
}

/**
 * Parses a euro amount into cents. Accepts Belgian ("1.234,56") and English ("1,234.56") notation, plain numbers
 * ("1234.5", "1234,50"), spaces as thousands separator and an optional euro sign. Returns null for anything else,
 * negative amounts, more than two decimals, or amounts beyond 2^53 cents. An empty string is null as well.
 */
export function parseEuroToCents(input: string): number | null {
  const compact = input
    .trim()
    .replace(/^€|€$|^EUR|EUR$/gi, '')
    .replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '' || !/^[\d.,]+$/.test(compact) || !/\d/.test(compact)) return null;
  const split = splitEuro(compact);
  if (!split) return null;
  const digits = `${split.whole}${split.fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return null;
  const cents = Number(digits);
  return Number.isSafeInteger(cents) && cents <= MAX_CENTS ? cents : null;
}

/** Cents as an editable amount without thousands separators: "1234,56" (nl) or "1234.56" (en); whole euros bare. */
export function centsToInput(cents: number, decimalSeparator: ',' | '.' = ','): string {
  if (!Number.isSafeInteger(cents)) return '';
  const negative = cents < 0;
  const abs = String(Math.abs(cents)).padStart(3, '0');
  const whole = abs.slice(0, -2).replace(/^0+(?=\d)/, '');
  const fraction = abs.slice(-2);
  return `${negative ? '-' : ''}${whole}${fraction === '00' ? '' : `${decimalSeparator}${fraction}`}`;
}

/**
 * Cents as an amount the person reads and edits again: "28.000,00" (nl-BE) or "28,000.00" (en), the way they typed it,
 * so a reload shows the amount as it was entered; `parseEuroToCents` reads it back to the same cents.
 */
export function centsToAmountText(cents: number, decimalSeparator: ',' | '.' = ','): string {
  if (!Number.isSafeInteger(cents)) return '';
  const negative = cents < 0;
  const abs = String(Math.abs(cents)).padStart(3, '0');
  const whole = abs.slice(0, -2).replace(/^0+(?=\d)/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, decimalSeparator === ',' ? '.' : ',');
  return `${negative ? '-' : ''}${grouped}${decimalSeparator}${abs.slice(-2)}`;
}
