import { commentCanBeRequired, halfPoints, isBelowThreshold, reviewSubmissionIssues } from './review-rules';
import { formatScore } from './score-format';

const criterion = (code: string, threshold = 2) => ({ code, scaleMin: 0, scaleMax: 3, threshold, weight: 1 });

describe('review rules', () => {
  it('offers every half point of the scale', () => {
    expect(halfPoints({ scaleMin: 0, scaleMax: 3 })).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(halfPoints({ scaleMin: 0.25, scaleMax: 1 })).toEqual([0.5, 1]);
  });

  it('asks a comment below the threshold only', () => {
    expect(isBelowThreshold(criterion('A'), 1.5)).toBe(true);
    expect(isBelowThreshold(criterion('A'), 2)).toBe(false);
    expect(commentCanBeRequired(criterion('A', 0))).toBe(false);
    expect(commentCanBeRequired(criterion('A', 0.5))).toBe(true);
  });

  it('finds the missing scores and the unexplained low ones', () => {
    const criteria = [criterion('A'), criterion('B'), criterion('C')];
    const issues = reviewSubmissionIssues(criteria, [
      { criterionCode: 'A', score: 1, comment: '  ' },
      { criterionCode: 'B', score: 1, comment: 'Te vaag.' },
    ]);
    expect(issues.missing.map((c) => c.code)).toEqual(['C']);
    expect(issues.uncommented.map((c) => c.code)).toEqual(['A']);
  });

  it('formats scores with the decimal mark of the language', () => {
    expect(formatScore(3.5)).toBe('3,5');
    expect(formatScore(3.5, 'en')).toBe('3.5');
    expect(formatScore(4)).toBe('4');
    expect(formatScore(12.125, 'en')).toBe('12.13');
  });
});
