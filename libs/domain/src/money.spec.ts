import fc from 'fast-check';
import { centsToDecimal, formatEuro } from './money';

const digitsOf = (text: string) => text.replace(/\D/g, '');

describe('centsToDecimal', () => {
  it('writes cents as an exact decimal string', () => {
    expect(centsToDecimal(0)).toBe('0.00');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(centsToDecimal(123456)).toBe('1234.56');
    expect(centsToDecimal('000123')).toBe('1.23');
    expect(centsToDecimal(12345678901234567890n)).toBe('123456789012345678.90');
    expect(centsToDecimal('-0')).toBe('0.00');
  });

  it('refuses what is not an integer amount of cents', () => {
    expect(centsToDecimal(1.5)).toBeNull();
    expect(centsToDecimal(Number.MAX_SAFE_INTEGER + 1)).toBeNull();
    expect(centsToDecimal('12,50')).toBeNull();
    expect(centsToDecimal('')).toBeNull();
  });

  it('keeps every digit of any integer (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (cents) => {
        const decimal = centsToDecimal(cents)!;
        expect(BigInt(decimal.replace('.', ''))).toBe(cents);
        expect(decimal).toMatch(/^-?\d+\.\d\d$/);
      }),
    );
  });
});

describe('formatEuro', () => {
  it('formats in the Belgian conventions of each language', () => {
    expect(formatEuro(12345678, 'nl')).toBe('€\u00a0123.456,78');
    expect(formatEuro(12345678, 'en')).toBe('€123,456.78');
    expect(formatEuro(0, 'nl')).toBe('€\u00a00,00');
    expect(formatEuro(12345678)).toBe(formatEuro(12345678, 'nl'));
  });

  it('is exact beyond the range of floats', () => {
    expect(formatEuro(12345678901234567891n, 'nl')).toBe('€\u00a0123.456.789.012.345.678,91');
    expect(formatEuro('900719925474099399', 'en')).toBe('€9,007,199,254,740,993.99');
  });

  it('shows exactly the digits of the cents, with two decimals (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.constantFrom('nl' as const, 'en' as const),
        (cents, locale) => {
          const text = formatEuro(cents, locale);
          expect(BigInt(digitsOf(text))).toBe(cents);
          expect(text).toMatch(locale === 'nl' ? /,\d\d$/ : /\.\d\d$/);
        },
      ),
    );
  });

  it('agrees with the float formatter wherever floats are exact enough (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }), (cents) => {
        const float = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
        expect(formatEuro(cents, 'nl')).toBe(float);
      }),
    );
  });

  it('returns input that is no amount of cents unchanged', () => {
    expect(formatEuro(1.5)).toBe('1.5');
    expect(formatEuro('abc')).toBe('abc');
  });
});
