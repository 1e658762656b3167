import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import type { Mode } from './score-form-model';

interface ScoreFormActionsProps {
  /** The reviewer asked to submit: the question "are you sure" is shown. */
  confirming: boolean;
  confirmRef: RefObject<HTMLDivElement | null>;
  busy: Mode | null;
  onSaveDraft: () => void;
  onSubmit: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Tussentijds bewaren" and "Indienen", or the confirmation that makes the review final. */
export function ScoreFormActions({
  confirming,
  confirmRef,
  busy,
  onSaveDraft,
  onSubmit,
  onConfirm,
  onCancel,
}: ScoreFormActionsProps) {
  const { t } = useTranslation();
  if (confirming) {
    return (
      <div ref={confirmRef} tabIndex={-1} className="confirm-box" role="group" aria-labelledby="review-confirm-text">
        <p id="review-confirm-text">
          <strong>{t('reviewer.scores.confirm')}</strong>
        </p>
        <div className="button-row">
          <Button
            variant="primary"
            busy={busy === 'submit'}
            busyLabel={t('reviewer.scores.submitting')}
            onClick={onConfirm}
            data-testid="review-submit-confirm"
          >
            {t('reviewer.scores.confirmYes')}
          </Button>
          <Button variant="secondary" onClick={onCancel} data-testid="review-submit-cancel">
            {t('reviewer.scores.confirmCancel')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="button-row">
      <Button
        variant="secondary"
        busy={busy === 'draft'}
        busyLabel={t('reviewer.scores.saving')}
        onClick={onSaveDraft}
        data-testid="review-save"
      >
        {t('reviewer.scores.save')}
      </Button>
      <Button variant="primary" onClick={onSubmit} data-testid="review-submit">
        {t('reviewer.scores.submit')}
      </Button>
    </div>
  );
}
