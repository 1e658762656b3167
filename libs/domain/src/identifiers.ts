import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/** An IBAN in any spacing; returns its electronic form (BE68539007547034) or null. */
export function normalizeIban(input: string): string | null {
  if (typeof input !== 'string' || input.length > 50) return null;
  const electronic = electronicFormatIBAN(input);
  return electronic && isValidIBAN(electronic) ? electronic : null;
}

/** NIS code of a local government: 5 digits. */
export function isNisCode(input: string): boolean {
  return typeof input === 'string' && /^\d{5}$/.test(input);
}
