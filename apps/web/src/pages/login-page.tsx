import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';
import { SsoLogin, SsoLoginError } from '../auth/sso-login';
import { useCurrentUser, useLogin } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { EmailField } from '../components/email-field';
import { FormField } from '../components/form-field';
import { FormShell, SubmitButton } from '../components/form-shell';
import { applyServerFieldErrors } from '../forms/apply-server-errors';
import { useFormProblem } from '../forms/use-form-problem';
import { NarrowPage, PageLoading } from '../layout/narrow-page';
import { RETURN_PARAM, safeReturnPath, withReturnPath } from '../lib/return-path';
import { LoginCodeStep } from './login-code-step';

interface LoginValues {
  email: string;
  password: string;
}

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
  const formError = useFormProblem();
  const [challenge, setChallenge] = useState<string | null>(null);

  // Already logged in, or just logged in: the user query now holds the user. A role that must set up a second
  // factor first goes to the profile page, where that is done.
  if (user) return <Navigate to={user.secondFactorEnrolmentRequired ? '/profiel' : (returnPath ?? '/')} replace />;

  const title = t('login.title');
  if (userPending) return <PageLoading title={title} />;

  const onSubmit = form.handleSubmit(async (values) => {
    formError.clear();
    try {
      const outcome = await login.mutateAsync({ email: values.email.trim(), password: values.password });
      if ('secondFactorRequired' in outcome) setChallenge(outcome.challenge);
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['email', 'password']);
      form.resetField('password', { keepError: true });
      formError.show(errorMessage(error, t));
    }
  });

  if (challenge) {
    return (
      <NarrowPage title={title} titleId="login-title" lead={t('login.code.lead')}>
        <LoginCodeStep
          challenge={challenge}
          onRestart={() => {
            setChallenge(null);
            form.reset({ email: form.getValues('email'), password: '' });
          }}
        />
      </NarrowPage>
    );
  }

  return (
    <NarrowPage title={title} titleId="login-title" lead={t('login.intro')}>
      <SsoLoginError />
      {formError.problem ? (
        <Alert key={formError.attempt} tone="error" data-testid="login-error">
          {formError.problem}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy="login-title">
        <EmailField
          label={t('login.email')}
          help={t('login.emailHelp')}
          autoComplete="username"
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
        <SubmitButton busy={login.isPending} busyLabel={t('login.submitting')} data-testid="login-submit">
          {t('login.submit')}
        </SubmitButton>
      </FormShell>
      <p>
        <Link to="/wachtwoord-vergeten" data-testid="login-forgot">
          {t('login.forgotPassword')}
        </Link>
      </p>
      <SsoLogin returnPath={returnPath} />
      <h2>{t('login.noAccountTitle')}</h2>
      <p>{t('login.noAccount')}</p>
      <p>
        <Link to={withReturnPath('/registreren', returnPath)} data-testid="login-register">
          {t('login.createAccount')}
        </Link>
      </p>
    </NarrowPage>
  );
}
