import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';
import { useCurrentUser, useLogin } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { DocumentTitle } from '../components/document-title';
import { FormField } from '../components/form-field';
import { LoadingIndicator } from '../components/loading-indicator';
import { applyServerFieldErrors } from '../forms/apply-server-errors';
import { RETURN_PARAM, safeReturnPath, withReturnPath } from '../lib/return-path';

interface LoginValues {
  email: string;
  password: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Where to go after logging in: the page a route guard came from (`state.from`) or a `?terug=` path (e.g. from the
 * invitation page). Only same-app paths are honoured (no open redirects).
 */
function returnPathOf(state: unknown, searchParams: URLSearchParams): string | null {
  return safeReturnPath((state as { from?: unknown } | null)?.from) ?? safeReturnPath(searchParams.get(RETURN_PARAM));
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const returnPath = returnPathOf(location.state, searchParams);
  const { data: user, isPending: userPending } = useCurrentUser();
  const login = useLogin();
  const form = useForm<LoginValues>({ defaultValues: { email: '', password: '' } });
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // Already logged in, or just logged in: the user query now holds the user.
  if (user) return <Navigate to={returnPath ?? '/'} replace />;

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
      <p>
        <Link to="/wachtwoord-vergeten" data-testid="login-forgot">
          {t('login.forgotPassword')}
        </Link>
      </p>
      <h2>{t('login.noAccountTitle')}</h2>
      <p>{t('login.noAccount')}</p>
      <p>
        <Link to={withReturnPath('/registreren', returnPath)} data-testid="login-register">
          {t('login.createAccount')}
        </Link>
      </p>
    </div>
  );
}
