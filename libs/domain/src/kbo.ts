/**
 * Belgian enterprise number (ondernemingsnummer, KBO): 10 digits, first digit 0 or 1, written 0123.456.789;
 * valid when the last two digits equal 97 - (the first eight digits mod 97).
 */
export type KboCheck =
  { valid: true; normalized: string; formatted: string } | { valid: false; reason: 'format' | 'checksum' };

export function checkEnterpriseNumber(input: string): KboCheck {
  const compact = input.replace(/^BE/i, '').replace(/[\s.]/g, '');
  const digits = compact.length === 9 ? `0${compact}` : compact;
  if (!/^[01]\d{9}$/.test(digits)) return { valid: false, reason: 'format' };
  const base = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  if (97 - (base % 97) !== check) return { valid: false, reason: 'checksum' };
  return {
    valid: true,
    normalized: digits,
    formatted: `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`,
  };
}
