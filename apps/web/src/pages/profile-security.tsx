import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useChangePassword, useLogoutEverywhere } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { FormShell, SubmitButton } from '../components/form-shell';
import { NewPasswordFields } from '../components/new-password-fields';
import { applyServerFieldErrors } from '../forms/apply-server-errors';

interface PasswordChangeValues {
  currentPassword: string;
  password: string;
  passwordConfirm: string;
}

const EMPTY: PasswordChangeValues = { currentPassword: '', password: '', passwordConfirm: '' };

/** Change my password (`POST /auth/password`): the current one is asked; the server ends my other sessions. */
export function ChangePasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm<PasswordChangeValues>({ mode: 'onTouched', defaultValues: EMPTY });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [attempt, setAttempt] = useState(0);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.password });
      form.reset(EMPTY);
      setMessage({ tone: 'success', text: t('profile.security.passwordChanged') });
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['currentPassword']);
      // The API names the new password `newPassword`; in this form it is the shared `password` field.
      const newPasswordError = isApiError(error) ? error.errors.find((e) => e.field === 'newPassword') : undefined;
      if (newPasswordError) form.setError('password', { type: 'server', message: newPasswordError.message });
      setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
    setAttempt((n) => n + 1);
  });

  return (
    <section aria-labelledby="password-change-title">
      <h2 id="password-change-title">{t('profile.security.passwordTitle')}</h2>
      <p>{t('profile.security.passwordIntro')}</p>
      {message ? (
        <Alert
          key={attempt}
          tone={message.tone}
          data-testid={message.tone === 'success' ? 'password-change-saved' : 'password-change-error'}
        >
          {message.text}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy="password-change-title">
        <FormField
          name="currentPassword"
          type="password"
          label={t('profile.security.currentPassword')}
          required
          maxLength={1024}
          autoComplete="current-password"
          data-testid="password-change-current"
        />
        <NewPasswordFields
          passwordLabel={t('profile.security.newPassword')}
          confirmLabel={t('profile.security.newPasswordConfirm')}
          testIdPrefix="password-change"
        />
        <SubmitButton
          busy={change.isPending}
          busyLabel={t('profile.security.passwordSubmitting')}
          data-testid="password-change-submit"
        >
          {t('profile.security.passwordSubmit')}
        </SubmitButton>
      </FormShell>
    </section>
  );
}

/** "Log out everywhere" (`POST /auth/logout-everywhere`), e.g. after using a shared or lost computer. */
export function LogoutEverywhereSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logoutEverywhere = useLogoutEverywhere();
  const [error, setError] = useState<string | null>(null);

  return (
    <section aria-labelledby="logout-everywhere-title">
      <h2 id="logout-everywhere-title">{t('profile.security.everywhereTitle')}</h2>
      <p>{t('profile.security.everywhereIntro')}</p>
      {error ? (
        <Alert tone="error" data-testid="logout-everywhere-error">
          {error}
        </Alert>
      ) : null}
      <Button
        variant="secondary"
        busy={logoutEverywhere.isPending}
        busyLabel={t('profile.security.everywhereSubmitting')}
        data-testid="logout-everywhere"
        onClick={() => {
          setError(null);
          logoutEverywhere.mutate(undefined, {
            onSuccess: () => void navigate('/login', { replace: true }),
            onError: (cause) => setError(errorMessage(cause, t)),
          });
        }}
      >
        {t('profile.security.everywhereSubmit')}
      </Button>
    </section>
  );
}
