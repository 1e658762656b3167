import type { RankingCriterion } from './ranking';

type Scale = Pick<RankingCriterion, 'scaleMin' | 'scaleMax'>;
type Threshold = Pick<RankingCriterion, 'threshold'>;

/** scaleMin, scaleMin + 0.5, ... scaleMax: the scores a reviewer may give (half points only, see `scoreIssue`). */
export function halfPoints(criterion: Scale): number[] {
  const points: number[] = [];
  for (let doubled = Math.ceil(criterion.scaleMin * 2); doubled <= criterion.scaleMax * 2; doubled++) {
    points.push(doubled / 2);
  }
  return points;
}

/** A score below the criterion's threshold must be explained when the review is submitted. */
export function isBelowThreshold(criterion: Threshold, score: number): boolean {
  return score < criterion.threshold;
}

/** Whether a comment can be required at all: not when no score on the scale lies below the threshold. */
export function commentCanBeRequired(criterion: Scale & Threshold): boolean {
  return criterion.threshold > criterion.scaleMin;
}

export interface GivenScore {
  criterionCode: string;
  score: number;
  comment?: string | null;
}

export interface ReviewSubmissionIssues<C> {
  /** Criteria without a score. */
  missing: C[];
  /** Criteria scored below their threshold without a comment. */
  uncommented: C[];
}

/** What stops a review from being submitted: every criterion scored, and each score below its threshold explained. */
export function reviewSubmissionIssues<C extends { code: string } & Threshold>(
  criteria: readonly C[],
  scores: readonly GivenScore[],
): ReviewSubmissionIssues<C> {
  const given = new Map(scores.map((score) => [score.criterionCode, score]));
  const missing = criteria.filter((criterion) => !given.has(criterion.code));
  const uncommented = criteria.filter((criterion) => {
    const score = given.get(criterion.code);
    return score !== undefined && isBelowThreshold(criterion, score.score) && !score.comment?.trim();
  });
  return { missing, uncommented };
}
