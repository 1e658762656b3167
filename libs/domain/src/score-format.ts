/**
 * A score as people read it: "3,5" in Dutch, "3.5" in English. Up to two decimals, enough for half points, weights
 * and the weighted totals of the ranking; fewer when the score needs fewer ("4", not "4,00").
 */
export function formatScore(score: number, locale: 'nl' | 'en' = 'nl'): string {
  return score.toLocaleString(locale === 'nl' ? 'nl-BE' : 'en', { maximumFractionDigits: 2 });
}
