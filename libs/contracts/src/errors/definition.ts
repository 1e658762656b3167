import type { Locale } from '../roles';

/** An error code's HTTP status and its human title and detail per language; `{name}` is filled from the params. */
export interface ErrorDefinition {
  status: number;
  title: Record<Locale, string>;
  detail: Record<Locale, string>;
}
