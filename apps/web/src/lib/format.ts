import {
  formatDateTime as formatHumanDateTime,
  formatEuro,
  formatScore as formatDomainScore,
  parseIsoMoment,
  type CentsLike,
  type DateTimeStyle,
} from '@portal/domain';

import { currentLanguage, type Language } from '../i18n';
import { TIME_ZONE } from './time-zone';

export { TIME_ZONE };

export type { CentsLike as Cents } from '@portal/domain';
export { centsToDecimal } from '@portal/domain';

/** Formats cents as euro in the UI language, exactly (the domain's `formatEuro`): `€ 1.234,05` or `€1,234.05`. */
export function formatMoney(cents: CentsLike, language: Language = currentLanguage()): string {
  return formatEuro(cents, language);
}

/** A score in the UI language: "3,5" in Dutch, "3.5" in English (the domain's `formatScore`). */
export function formatScore(score: number, language: Language = currentLanguage()): string {
  return formatDomainScore(score, language);
}

export type { DateTimeStyle } from '@portal/domain';

/** Parses an ISO 8601 string; returns null for invalid input. Date-only strings are taken as that calendar day. */
export function parseIso(iso: string): Date | null {
  return parseIsoMoment(iso);
}

/** Formats an ISO moment in the Europe/Brussels time zone, in the UI locale. Returns the input when unparsable. */
export function formatDateTime(iso: string, style: DateTimeStyle = 'dateTime', language?: Language): string {
  return formatHumanDateTime(iso, style, language ?? currentLanguage());
}
