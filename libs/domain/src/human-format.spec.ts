import { formatDateTime, formatNumber, humanFormat, parseIsoMoment, shortChecksum } from './human-format';

describe('human formats: one way to write dates and numbers for people', () => {
  it('writes calendar dates the Belgian way in Dutch and English', () => {
    expect(formatDateTime('2026-12-02', 'longDate')).toBe('2 december 2026');
    expect(formatDateTime('2026-12-02', 'longDate', 'en')).toBe('2 December 2026');
    expect(formatDateTime('2026-12-02', 'date')).toBe('02/12/2026');
    expect(formatDateTime('2026-12-02', 'date', 'en')).toBe('02/12/2026');
  });

  it('writes moments in Brussels time, summer and winter, with a 24-hour clock', () => {
    expect(formatDateTime('2026-12-02T22:59:59Z', 'dateTimeSeconds')).toBe('02/12/2026, 23:59:59');
    expect(formatDateTime('2026-06-30T21:59:00Z', 'longDateTime')).toBe('30 juni 2026 om 23:59');
    expect(formatDateTime(new Date('2026-06-30T21:59:00Z'), 'time', 'en')).toBe('23:59');
  });

  it('returns what it cannot read as it came', () => {
    expect(formatDateTime('not a date', 'date')).toBe('not a date');
    expect(parseIsoMoment('2026-13-45')).toBeNull();
  });

  it('writes numbers with the decimal comma in Dutch and the point in English', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(3.456)).toBe('3,46');
    const nl = humanFormat('nl');
    expect(nl.score(1.5)).toBe('1,5');
    expect(nl.euro(2_800_000)).toBe('€\u00a028.000,00');
    expect(nl.longDate('2026-06-08')).toBe('8 juni 2026');
  });
});

describe('shortChecksum: the controlegetal people read', () => {
  it('is the first 16 hexadecimal digits of the hash, in capitals, in four groups of four', () => {
    expect(shortChecksum('3f2a9c1b7d4e0a11' + 'ff'.repeat(24))).toBe('3F2A 9C1B 7D4E 0A11');
    expect(shortChecksum('ab'.repeat(32))).toBe('ABAB ABAB ABAB ABAB');
  });
});
