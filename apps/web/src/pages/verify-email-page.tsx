import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useConfirmEmail } from '../api/email-verification';
import { useCurrentUser } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { NarrowPage } from '../layout/narrow-page';

/**
 * `/e-mailadres-bevestigen/:token`, the link in the confirmation mail. Confirming takes a click, not the page load:
 * mail scanners that open links would otherwise use the single-use link up.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const user = useCurrentUser();
  const confirm = useConfirmEmail();
  const doneRef = useRef<HTMLDivElement>(null);
  const title = t('emailVerification.pageTitle');

  useEffect(() => {
    if (confirm.isSuccess) doneRef.current?.focus();
  }, [confirm.isSuccess]);

  if (confirm.isSuccess) {
    return (
      <NarrowPage title={title}>
        <div ref={doneRef} tabIndex={-1}>
          <Alert tone="success" data-testid="email-verified">
            {t('emailVerification.done', { email: confirm.data.email })}
          </Alert>
        </div>
        <p>
          {user.data ? (
            <Link to="/aanvrager" className="btn btn--primary btn--link" data-testid="email-verified-continue">
              {t('emailVerification.continue')}
            </Link>
          ) : (
            <Link to="/login" className="btn btn--primary btn--link" data-testid="email-verified-login">
              {t('password.toLogin')}
            </Link>
          )}
        </p>
      </NarrowPage>
    );
  }

  const invalid =
    isApiError(confirm.error) &&
    (confirm.error.code === 'EMAIL_VERIFICATION_INVALID' || confirm.error.errors.some((e) => e.field === 'token'));
  return (
    <NarrowPage title={title} lead={t('emailVerification.pageIntro')}>
      {confirm.error ? (
        <Alert tone="error" data-testid="email-verification-error">
          <p>{invalid ? t('emailVerification.invalidLink') : errorMessage(confirm.error, t)}</p>
        </Alert>
      ) : null}
      <Button busy={confirm.isPending} onClick={() => confirm.mutate(token)} data-testid="email-verification-confirm">
        {t('emailVerification.confirm')}
      </Button>
    </NarrowPage>
  );
}
