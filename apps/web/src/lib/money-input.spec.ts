import { describe, expect, it } from '@jest/globals';
import { centsToAmountText, centsToInput, parseEuroToCents } from './money-input';

describe('parseEuroToCents', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['1 234,5', 123450],
    ['€ 1.234,56', 123456],
    ['1.234', 123400],
    ['1.234.567', 123456700],
    ['1,234', 123400],
    ['100000', 10000000],
    ['100.000,01', 10000001],
    ['0,1', 10],
    [',5', 50],
    ['0.07', 7],
    ['19,99', 1999],
    ['0', 0],
    ['90071992547409,91', 9007199254740991],
  ])('%s -> %d cents', (input, cents) => {
    expect(parseEuroToCents(input)).toBe(cents);
  });

  it.each([
    '',
    ' ',
    'abc',
    '-5',
    '1,234,5',
    '12.3.4',
    '1,2345',
    '1.23,4',
    '12,345,67',
    '1.2.3',
    '1e5',
    '90071992547409,92',
  ])('refuses %p', (input) => {
    expect(parseEuroToCents(input)).toBeNull();
  });

  it('round-trips every cent amount through the editable notation without float errors', () => {
    for (const cents of [0, 1, 7, 10, 99, 100, 101, 12345, 1000000, 10000000, 29, 57, 115, 4.35 * 100 + 0]) {
      const whole = Math.round(cents);
      expect(parseEuroToCents(centsToInput(whole, ','))).toBe(whole);
      expect(parseEuroToCents(centsToInput(whole, '.'))).toBe(whole);
    }
  });
});

describe('centsToInput', () => {
  it('writes cents without thousands separators', () => {
    expect(centsToInput(123456)).toBe('1234,56');
    expect(centsToInput(123456, '.')).toBe('1234.56');
    expect(centsToInput(10000000)).toBe('100000');
    expect(centsToInput(5)).toBe('0,05');
  });
});

describe('centsToAmountText', () => {
  it('shows amounts the way people type them, and reads back to the same cents', () => {
    expect(centsToAmountText(2_800_000)).toBe('28.000,00');
    expect(centsToAmountText(2_800_000, '.')).toBe('28,000.00');
    expect(centsToAmountText(123_456_789)).toBe('1.234.567,89');
    expect(centsToAmountText(5)).toBe('0,05');
    expect(centsToAmountText(99_900)).toBe('999,00');
    for (const cents of [0, 5, 99_900, 100_000, 2_800_000, 123_456_789, 1_000_000_000_000]) {
      expect(parseEuroToCents(centsToAmountText(cents, ','))).toBe(cents);
      expect(parseEuroToCents(centsToAmountText(cents, '.'))).toBe(cents);
    }
  });
});
