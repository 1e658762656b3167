/** Scores in half points, with the decimal comma of nl-BE ("3,5"). */
export function formatScore(score: number, locale = 'nl-BE'): string {
  return score.toLocaleString(locale, { maximumFractionDigits: 2 });
}
