import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewView } from '@portal/contracts';
import { errorMessage } from '../../api/error-message';
import { useStateNoConflict } from '../../api/reviews';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { formatEnterpriseNumber } from './applicant-identity';
import { ConflictForm } from './conflict-form';

/**
 * The question that comes before any score (ADR 0013): the reviewer, who now sees who applies, states having no
 * conflict of interest with them, or declares one (the assignment is then withdrawn and another reviewer assigned).
 */
export function ConflictStatement({ review, onDeclared }: { review: ReviewView; onDeclared: () => void }) {
  const { t } = useTranslation();
  const state = useStateNoConflict(review.id);
  const [failure, setFailure] = useState<string | null>(null);
  const { legalName, enterpriseNumber, nisCode } = review.applicant;
  const identifier = enterpriseNumber
    ? t('reviewer.statement.enterpriseNumber', { number: formatEnterpriseNumber(enterpriseNumber) })
    : nisCode
      ? t('reviewer.statement.nisCode', { code: nisCode })
      : '';

  const confirm = async () => {
    setFailure(null);
    try {
      await state.mutateAsync();
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  };

  return (
    <section className="conflict-statement" aria-labelledby="conflict-question-title" data-testid="conflict-question">
      <h2 id="conflict-question-title">{t('reviewer.statement.title')}</h2>
      <p>{t('reviewer.statement.question', { applicant: legalName, identifier })}</p>
      <p>{t('reviewer.statement.help')}</p>
      {failure ? (
        <Alert tone="error" data-testid="no-conflict-error">
          {failure}
        </Alert>
      ) : null}
      <div className="button-row">
        <Button
          variant="primary"
          busy={state.isPending}
          busyLabel={t('reviewer.statement.confirming')}
          onClick={() => void confirm()}
          data-testid="no-conflict-submit"
        >
          {t('reviewer.statement.noConflict')}
        </Button>
      </div>
      <ConflictForm assignmentId={review.id} onDeclared={onDeclared} />
    </section>
  );
}
