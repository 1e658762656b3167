import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';
import { useResendEmailVerification } from '../api/email-verification';
import { useCurrentUser } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';

/**
 * Shown on every page while the logged-in person has not confirmed their e-mail address: until then they cannot
 * act for an organisation or local government (ADR 0014). Offers to send the mail again.
 */
export function EmailVerificationBanner() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const resend = useResendEmailVerification();
  if (!user.data || user.data.emailVerified) return null;
  return (
    <Alert tone="warning" title={t('emailVerification.bannerTitle')} data-testid="email-verification-banner">
      <p>{t('emailVerification.bannerText', { email: user.data.email })}</p>
      {resend.isSuccess ? (
        <p role="status" data-testid="email-verification-resent">
          {t('emailVerification.resent', { email: user.data.email })}
        </p>
      ) : null}
      {resend.error ? (
        <p role="alert" className="form-field__error" data-testid="email-verification-resend-error">
          {errorMessage(resend.error, t)}
        </p>
      ) : null}
      <Button
        variant="secondary"
        busy={resend.isPending}
        onClick={() => resend.mutate()}
        data-testid="email-verification-resend"
      >
        {t('emailVerification.resend')}
      </Button>
    </Alert>
  );
}
