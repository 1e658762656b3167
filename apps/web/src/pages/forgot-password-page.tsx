import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { requestPasswordReset } from '../api/auth';
import { errorMessage } from '../api/error-message';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { DocumentTitle } from '../components/document-title';
import { FormField } from '../components/form-field';
import { applyServerFieldErrors } from '../forms/apply-server-errors';

interface ForgotValues {
  email: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `/wachtwoord-vergeten`: ask for a mail with a link to choose a new password. The confirmation is the same whether or
 * not an account exists for the address (the API does not reveal it either).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm<ForgotValues>({ defaultValues: { email: '' } });
  const request = useMutation<void, unknown, string>({ mutationFn: requestPasswordReset });
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const title = t('password.forgotTitle');

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await request.mutateAsync(values.email.trim());
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['email']);
      setFormError(errorMessage(error, t));
      setAttempt((n) => n + 1);
    }
  });

  return (
    <div className="narrow">
      <DocumentTitle page={title} />
      <h1 id="forgot-title">{title}</h1>
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
          {formError ? (
            <Alert key={attempt} tone="error" data-testid="forgot-error">
              {formError}
            </Alert>
          ) : null}
          <FormProvider {...form}>
            <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="forgot-title">
              <FormField
                name="email"
                type="email"
                label={t('password.email')}
                help={t('password.emailHelp')}
                required
                maxLength={254}
                rules={{ pattern: { value: EMAIL_PATTERN, message: 'validation.email' } }}
                autoComplete="email"
                inputMode="email"
                spellCheck={false}
                autoCapitalize="none"
                data-testid="forgot-email"
              />
              <Button
                type="submit"
                variant="primary"
                busy={request.isPending}
                busyLabel={t('password.forgotSubmitting')}
                data-testid="forgot-submit"
              >
                {t('password.forgotSubmit')}
              </Button>
            </form>
          </FormProvider>
          <p>
            <Link to="/login">{t('password.backToLogin')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
