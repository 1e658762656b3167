import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';
import { useRequestPasswordReset } from '../auth/use-auth';
import { FormShell, SubmitButton } from '../components/form-shell';
import { Alert } from '../components/alert';
import { EmailField } from '../components/email-field';
import { applyServerFieldErrors } from '../forms/apply-server-errors';
import { useFormProblem } from '../forms/use-form-problem';
import { NarrowPage } from '../layout/narrow-page';

interface ForgotValues {
  email: string;
}

/**
 * `/wachtwoord-vergeten`: ask for a mail with a link to choose a new password. The confirmation is the same whether or
 * not an account exists for the address (the API does not reveal it either).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm<ForgotValues>({ defaultValues: { email: '' } });
  const request = useRequestPasswordReset();
  const formError = useFormProblem();
  const title = t('password.forgotTitle');

  const onSubmit = form.handleSubmit(async (values) => {
    formError.clear();
    try {
      await request.mutateAsync(values.email.trim());
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['email']);
      formError.show(errorMessage(error, t));
    }
  });

  return (
    <NarrowPage title={title} titleId="forgot-title">
      {request.isSuccess ? (
        <>
          <Alert tone="success" data-testid="forgot-sent">
            {t('password.forgotSent')}
          </Alert>
          <p>{t('password.forgotSentHelp')}</p>
          <p>
            <Link to="/login" data-testid="forgot-login">
              {t('password.backToLogin')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('password.forgotIntro')}</p>
          {formError.problem ? (
            <Alert key={formError.attempt} tone="error" data-testid="forgot-error">
              {formError.problem}
            </Alert>
          ) : null}
          <FormShell form={form} onSubmit={onSubmit} labelledBy="forgot-title">
            <EmailField label={t('password.email')} help={t('password.emailHelp')} data-testid="forgot-email" />
            <SubmitButton
              busy={request.isPending}
              busyLabel={t('password.forgotSubmitting')}
              data-testid="forgot-submit"
            >
              {t('password.forgotSubmit')}
            </SubmitButton>
          </FormShell>
          <p>
            <Link to="/login">{t('password.backToLogin')}</Link>
          </p>
        </>
      )}
    </NarrowPage>
  );
}
