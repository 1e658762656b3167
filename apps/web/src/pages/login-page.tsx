import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';
import { useCurrentUser, useLogin } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { DocumentTitle } from '../components/document-title';
import { FormField } from '../components/form-field';
import { LoadingIndicator } from '../components/loading-indicator';
import { applyServerFieldErrors } from '../forms/apply-server-errors';

interface LoginValues {
  email: string;
  password: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Only same-app paths are honoured as post-login destination (no open redirects). */
function safeRedirectTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) {
    return from;
  }
  return '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: user, isPending: userPending } = useCurrentUser();
  const login = useLogin();
  const form = useForm<LoginValues>({ defaultValues: { email: '', password: '' } });
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // Already logged in, or just logged in: the user query now holds the user.
  if (user) return <Navigate to={safeRedirectTarget(location.state)} replace />;

  const title = t('login.title');
  if (userPending) {
    return (
      <>
        <DocumentTitle page={title} />
        <LoadingIndicator />
      </>
    );
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await login.mutateAsync({ email: values.email.trim(), password: values.password });
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['email', 'password']);
      form.resetField('password', { keepError: true });
      setFormError(errorMessage(error, t));
      setAttempt((n) => n + 1);
    }
  });

  return (
    <div className="narrow">
      <DocumentTitle page={title} />
      <h1 id="login-title">{title}</h1>
      <p className="lead">{t('login.intro')}</p>
      {formError ? (
        <Alert key={attempt} tone="error" data-testid="login-error">
          {formError}
        </Alert>
      ) : null}
      <FormProvider {...form}>
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="login-title">
          <FormField
            name="email"
            type="email"
            label={t('login.email')}
            help={t('login.emailHelp')}
            required
            rules={{ pattern: { value: EMAIL_PATTERN, message: 'validation.email' } }}
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            data-testid="login-email"
          />
          <FormField
            name="password"
            type="password"
            label={t('login.password')}
            required
            autoComplete="current-password"
            data-testid="login-password"
          />
          <Button
            type="submit"
            variant="primary"
            busy={login.isPending}
            busyLabel={t('login.submitting')}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </form>
      </FormProvider>
    </div>
  );
}
