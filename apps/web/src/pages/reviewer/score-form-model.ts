import type { Path } from 'react-hook-form';
import type { ReviewView, ScoreInput } from '@portal/contracts';

export type Criterion = ReviewView['call']['criteria'][number];

interface ScoreRow {
  /** The select's value: "" (no score yet) or a half point such as "3.5". */
  score: string;
  comment: string;
}

export interface ScoreFormValues {
  /** One row per criterion, in the call's order. */
  scores: ScoreRow[];
}

/** Which button was used: the rules depend on it (a draft may be partial, a submission may not). */
export type Mode = 'draft' | 'submit';

export function scoreElementId(code: string): string {
  return `review-score-${code}`;
}

export function commentElementId(code: string): string {
  return `review-comment-${code}`;
}

export function formValuesOf(view: Pick<ReviewView, 'call' | 'scores'>): ScoreFormValues {
  return {
    scores: view.call.criteria.map((criterion) => {
      const saved = view.scores.find((score) => score.criterionCode === criterion.code);
      return { score: saved ? String(saved.score) : '', comment: saved?.comment ?? '' };
    }),
  };
}

/** What is sent: only criteria with a score (a draft may be partial); an empty comment is null. */
export function scoresOf(values: ScoreFormValues, criteria: readonly Pick<Criterion, 'code'>[]): ScoreInput[] {
  return criteria.flatMap((criterion, index) => {
    const row = values.scores[index];
    if (!row || row.score === '') return [];
    return [{ criterionCode: criterion.code, score: Number(row.score), comment: row.comment.trim() || null }];
  });
}

/**
 * The API names a score by its position in the array sent (`scores.<i>.score`) and a missing score or comment by the
 * criterion's code (`scores.<CODE>`, `scores.<CODE>.comment`); the form has one row per criterion.
 */
export function formPathOf(
  field: string,
  sent: readonly ScoreInput[],
  criteria: readonly Pick<Criterion, 'code'>[],
): Path<ScoreFormValues> | null {
  const rowOf = (code: string | undefined) => criteria.findIndex((criterion) => criterion.code === code);
  const byIndex = /^scores\.(\d+)\.(score|comment)$/.exec(field);
  if (byIndex && sent[Number(byIndex[1])]) {
    const row = rowOf(sent[Number(byIndex[1])]?.criterionCode);
    return row < 0 ? null : `scores.${row}.${byIndex[2] as 'score' | 'comment'}`;
  }
  const byCode = /^scores\.([A-Za-z0-9_-]+)(?:\.(score|comment))?$/.exec(field);
  if (byCode) {
    const row = rowOf(byCode[1]);
    return row < 0 ? null : `scores.${row}.${(byCode[2] as 'score' | 'comment' | undefined) ?? 'score'}`;
  }
  return null;
}
