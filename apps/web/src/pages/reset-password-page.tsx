import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useConfirmPasswordReset } from '../auth/use-auth';
import { FormShell, SubmitButton } from '../components/form-shell';
import { Alert } from '../components/alert';
import { NewPasswordFields } from '../components/new-password-fields';
import { applyServerErrors } from '../forms/apply-server-errors';
import { useFormProblem } from '../forms/use-form-problem';
import { NarrowPage } from '../layout/narrow-page';

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
  const formError = useFormProblem<{ message: string; invalidLink: boolean }>();
  const doneRef = useRef<HTMLDivElement>(null);
  const title = t('password.resetTitle');

  // The form goes away on success: move focus to the outcome so it is not lost.
  useEffect(() => {
    if (confirm.isSuccess) doneRef.current?.focus();
  }, [confirm.isSuccess]);

  const onSubmit = form.handleSubmit(async (values) => {
    formError.clear();
    try {
      await confirm.mutateAsync({ token, password: values.password });
    } catch (error) {
      applyServerErrors(error, form.setError, ['password'], { WEAK_PASSWORD: 'password' });
      formError.show({ message: errorMessage(error, t), invalidLink: isInvalidLink(error) });
    }
  });

  if (confirm.isSuccess) {
    return (
      <NarrowPage title={title}>
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
      </NarrowPage>
    );
  }

  return (
    <NarrowPage title={title} titleId="reset-title" lead={t('password.resetIntro')}>
      {formError.problem ? (
        <Alert key={formError.attempt} tone="error" data-testid="reset-error">
          <p>{formError.problem.message}</p>
          {formError.problem.invalidLink ? (
            <p>
              <Link to="/wachtwoord-vergeten" data-testid="reset-new-link">
                {t('password.askNewLink')}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy="reset-title">
        <NewPasswordFields
          passwordLabel={t('password.newPassword')}
          confirmLabel={t('password.newPasswordConfirm')}
          testIdPrefix="reset"
        />
        <SubmitButton busy={confirm.isPending} busyLabel={t('password.resetSubmitting')} data-testid="reset-submit">
          {t('password.resetSubmit')}
        </SubmitButton>
      </FormShell>
    </NarrowPage>
  );
}
