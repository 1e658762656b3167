import { describe, expect, it } from '@jest/globals';
import type { ReviewView } from '@portal/contracts';
import { formPathOf, formValuesOf, scoresOf } from './score-form-model';

const criteria = [
  { code: 'K1', label: 'Relevantie', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 2 },
  { code: 'K2', label: 'Haalbaarheid', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 2 },
] as ReviewView['call']['criteria'];

describe('score form model', () => {
  it('has one row per criterion, in the call’s order, with what was saved', () => {
    const view = { call: { criteria }, scores: [{ criterionCode: 'K2', score: 3.5, comment: null }] };
    expect(formValuesOf(view as unknown as ReviewView)).toEqual({
      scores: [
        { score: '', comment: '' },
        { score: '3.5', comment: '' },
      ],
    });
  });

  it('sends the scored criteria only, with an empty comment as null', () => {
    const values = {
      scores: [
        { score: '', comment: 'Een toelichting zonder score' },
        { score: '1.5', comment: '  ' },
      ],
    };
    expect(scoresOf(values, criteria)).toEqual([{ criterionCode: 'K2', score: 1.5, comment: null }]);
  });

  it('places the API’s errors on the rows: by position in what was sent, or by criterion code', () => {
    const sent = [{ criterionCode: 'K2', score: 7, comment: null }];
    expect(formPathOf('scores.0.score', sent, criteria)).toBe('scores.1.score');
    expect(formPathOf('scores.K1', sent, criteria)).toBe('scores.0.score');
    expect(formPathOf('scores.K1.comment', sent, criteria)).toBe('scores.0.comment');
    expect(formPathOf('scores.K9', sent, criteria)).toBeNull();
    expect(formPathOf('title', sent, criteria)).toBeNull();
  });
});
