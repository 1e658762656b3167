import type { RefObject } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { commentCanBeRequired, halfPoints, isBelowThreshold } from '@portal/domain';
import { FormField } from '../../components/form-field';
import { formatScore } from '../../lib/format';
import { commentElementId, scoreElementId, type Criterion, type Mode, type ScoreFormValues } from './score-form-model';

interface CriterionFieldsProps {
  criterion: Criterion;
  index: number;
  modeRef: RefObject<Mode>;
}

/** One criterion: a fieldset with its score (half points) and comment (required below the threshold). */
export function CriterionFields({ criterion, index, modeRef }: CriterionFieldsProps) {
  const { t } = useTranslation();
  const { register } = useFormContext<ScoreFormValues>();
  const scorePath = `scores.${index}.score` as const;
  const commentPath = `scores.${index}.comment` as const;
  const score = useWatch<ScoreFormValues, typeof scorePath>({ name: scorePath });
  const belowThreshold = score !== '' && score !== undefined && isBelowThreshold(criterion, Number(score));
  const threshold = formatScore(criterion.threshold);

  const scoreRegistration = register(scorePath, {
    deps: [commentPath],
    validate: (value, values) => {
      if (value !== '') return true;
      if (modeRef.current === 'submit') return 'reviewer.scores.scoreRequired';
      // A draft keeps only scored criteria: a comment on its own would be lost.
      return values.scores[index]?.comment.trim() ? 'reviewer.scores.scoreNeededForComment' : true;
    },
  });
  const commentRegistration = register(commentPath, {
    maxLength: { value: 5000, message: 'reviewer.scores.commentTooLong' },
    validate: (value, values) => {
      // Like the API: the comment is asked when the review is submitted, a draft may still lack it.
      if (modeRef.current !== 'submit') return true;
      const given = values.scores[index]?.score ?? '';
      return given !== '' && isBelowThreshold(criterion, Number(given)) && !value.trim()
        ? 'reviewer.scores.commentRequired'
        : true;
    },
  });

  return (
    <fieldset className="fieldset" data-testid={`review-criterion-${criterion.code}`}>
      <legend className="fieldset__legend">
        {criterion.label}{' '}
        <span className="muted">
          {`(${t('reviewer.scores.legendMeta', { weight: formatScore(criterion.weight), threshold })})`}
        </span>
      </legend>
      <div className="form form--nested">
        <FormField
          as="select"
          name={scorePath}
          id={scoreElementId(criterion.code)}
          registration={scoreRegistration}
          label={t('reviewer.scores.score')}
          help={t('reviewer.scores.scoreHelp', {
            min: formatScore(criterion.scaleMin),
            max: formatScore(criterion.scaleMax),
          })}
          required
          placeholder={t('reviewer.scores.choose')}
          options={halfPoints(criterion).map((point) => ({ value: String(point), label: formatScore(point) }))}
          className="form-field--short"
          data-testid={scoreElementId(criterion.code)}
        />
        <FormField
          as="textarea"
          name={commentPath}
          id={commentElementId(criterion.code)}
          registration={commentRegistration}
          label={t('reviewer.scores.comment')}
          help={
            !commentCanBeRequired(criterion)
              ? t('reviewer.scores.commentHelpOptional')
              : belowThreshold
                ? t('reviewer.scores.commentHelpBelow', { threshold })
                : t('reviewer.scores.commentHelp', { threshold })
          }
          required={belowThreshold}
          rows={4}
          maxLength={5000}
          data-testid={commentElementId(criterion.code)}
        />
      </div>
    </fieldset>
  );
}
