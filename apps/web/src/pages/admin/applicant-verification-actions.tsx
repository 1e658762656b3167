import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantVerificationView } from '@portal/contracts';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useDecideApplicantVerification } from '../../api/applicant-verifications';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';

/** Verify, or reject with a motivation (required for a rejection; the applicant's admins read it). */
export function ApplicantVerificationActions({ applicant }: { applicant: ApplicantVerificationView }) {
  const { t } = useTranslation();
  const motivationId = useId();
  const [motivation, setMotivation] = useState('');
  const decide = useDecideApplicantVerification();
  const motivationError =
    isApiError(decide.error) && decide.error.errors.some((error) => error.field === 'motivation')
      ? t('applicantVerification.motivationRequired')
      : null;

  return (
    <div className="staff-actions" data-testid="verification-actions">
      <div className={`form-field${motivationError ? ' form-field--invalid' : ''}`}>
        <label htmlFor={motivationId} className="form-field__label">
          {t('applicantVerification.motivation')}
        </label>
        <textarea
          id={motivationId}
          rows={2}
          className="form-field__control"
          value={motivation}
          onChange={(event) => setMotivation(event.target.value)}
          aria-invalid={motivationError ? true : undefined}
          aria-describedby={motivationError ? `${motivationId}-error` : undefined}
          data-testid="verification-motivation"
        />
        {motivationError ? (
          <p id={`${motivationId}-error`} className="form-field__error">
            {motivationError}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <Button
          busy={decide.isPending && decide.variables?.decision === 'verified'}
          onClick={() => decide.mutate({ id: applicant.id, decision: 'verified', motivation: motivation || null })}
          data-testid="verification-verify"
        >
          {t('applicantVerification.verify')}
        </Button>
        <Button
          variant="danger"
          busy={decide.isPending && decide.variables?.decision === 'rejected'}
          onClick={() => decide.mutate({ id: applicant.id, decision: 'rejected', motivation })}
          data-testid="verification-reject"
        >
          {t('applicantVerification.reject')}
        </Button>
      </div>
      {decide.error && !motivationError ? (
        <Alert tone="error" data-testid="verification-error">
          {errorMessage(decide.error, t)}
        </Alert>
      ) : null}
    </div>
  );
}
