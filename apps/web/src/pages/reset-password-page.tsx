import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useConfirmPasswordReset } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { DocumentTitle } from '../components/document-title';
import { NewPasswordFields } from '../components/new-password-fields';
import { applyServerFieldErrors } from '../forms/apply-server-errors';

interface ResetValues {
  password: string;
  passwordConfirm: string;
}

/** The link cannot be used (expired, used, or not a token at all): only a new link helps. */
function isInvalidLink(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === 'RESET_TOKEN_INVALID' || error.errors.some((fieldError) => fieldError.field === 'token'))
  );
}

/** `/wachtwoord/:token`, the link in the password reset mail: choose a new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const confirm = useConfirmPasswordReset();
  const form = useForm<ResetValues>({
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: { password: '', passwordConfirm: '' },
  });
  const [formError, setFormError] = useState<{ message: string; invalidLink: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const doneRef = useRef<HTMLDivElement>(null);
  const title = t('password.resetTitle');

  // The form goes away on success: move focus to the outcome so it is not lost.
  useEffect(() => {
    if (confirm.isSuccess) doneRef.current?.focus();
  }, [confirm.isSuccess]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await confirm.mutateAsync({ token, password: values.password });
    } catch (error) {
      const applied = applyServerFieldErrors(error, form.setError, ['password']);
      if (!applied && isApiError(error) && error.code === 'WEAK_PASSWORD') {
        form.setError(
          'password',
          { type: `server.${error.code}`, message: error.detail ?? 'account.passwordTooShort' },
          { shouldFocus: true },
        );
      }
      setFormError({ message: errorMessage(error, t), invalidLink: isInvalidLink(error) });
      setAttempt((n) => n + 1);
    }
  });

  if (confirm.isSuccess) {
    return (
      <div className="narrow">
        <DocumentTitle page={title} />
        <h1>{title}</h1>
        <div ref={doneRef} tabIndex={-1}>
          <Alert tone="success" data-testid="reset-done">
            {t('password.resetDone')}
          </Alert>
        </div>
        <p>
          <Link to="/login" className="btn btn--primary btn--link" data-testid="reset-login">
            {t('password.toLogin')}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <DocumentTitle page={title} />
      <h1 id="reset-title">{title}</h1>
      <p className="lead">{t('password.resetIntro')}</p>
      {formError ? (
        <Alert key={attempt} tone="error" data-testid="reset-error">
          <p>{formError.message}</p>
          {formError.invalidLink ? (
            <p>
              <Link to="/wachtwoord-vergeten" data-testid="reset-new-link">
                {t('password.askNewLink')}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <FormProvider {...form}>
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="reset-title">
          <NewPasswordFields
            passwordLabel={t('password.newPassword')}
            confirmLabel={t('password.newPasswordConfirm')}
            testIdPrefix="reset"
          />
          <Button
            type="submit"
            variant="primary"
            busy={confirm.isPending}
            busyLabel={t('password.resetSubmitting')}
            data-testid="reset-submit"
          >
            {t('password.resetSubmit')}
          </Button>
        </form>
      </FormProvider>
    </div>
  );
}
