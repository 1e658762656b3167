import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useCompleteTotpLogin } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { FormShell, SubmitButton } from '../components/form-shell';
import { useFormProblem } from '../forms/use-form-problem';

interface CodeValues {
  code: string;
}

/**
 * The second step of a login with a second factor (`POST /auth/login/totp`): the six digits the authenticator app
 * shows, or one of the recovery codes. A challenge that expired or was used sends the person back to the password.
 */
export function LoginCodeStep({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteTotpLogin();
  const [recovery, setRecovery] = useState(false);
  const form = useForm<CodeValues>({ defaultValues: { code: '' } });
  const formError = useFormProblem();
  const [expired, setExpired] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    formError.clear();
    try {
      await complete.mutateAsync({ challenge, code: values.code.trim() });
    } catch (error) {
      if (isApiError(error) && error.code === 'SECOND_FACTOR_CHALLENGE_INVALID') setExpired(true);
      form.resetField('code');
      formError.show(errorMessage(error, t));
    }
  });

  return (
    <section aria-labelledby="login-code-title">
      <h2 id="login-code-title">{recovery ? t('login.code.recoveryTitle') : t('login.code.title')}</h2>
      <p>{recovery ? t('login.code.recoveryIntro') : t('login.code.intro')}</p>
      {formError.problem ? (
        <Alert key={formError.attempt} tone="error" data-testid="login-code-error">
          {formError.problem}
        </Alert>
      ) : null}
      {expired ? (
        <Button variant="secondary" onClick={onRestart} data-testid="login-code-restart">
          {t('login.code.restart')}
        </Button>
      ) : (
        <FormShell form={form} onSubmit={onSubmit} labelledBy="login-code-title">
          <FormField
            key={recovery ? 'recovery' : 'totp'}
            name="code"
            label={recovery ? t('login.code.recoveryLabel') : t('login.code.label')}
            help={recovery ? t('login.code.recoveryHelp') : t('login.code.help')}
            required
            maxLength={32}
            autoComplete={recovery ? 'off' : 'one-time-code'}
            inputMode={recovery ? 'text' : 'numeric'}
            autoFocus
            spellCheck={false}
            data-testid="login-code"
          />
          <SubmitButton busy={complete.isPending} busyLabel={t('login.submitting')} data-testid="login-code-submit">
            {t('login.code.submit')}
          </SubmitButton>
        </FormShell>
      )}
      {expired ? null : (
        <p className="login-code__switch">
          <Button
            variant="secondary"
            onClick={() => {
              setRecovery((value) => !value);
              form.reset({ code: '' });
              formError.clear();
            }}
            data-testid="login-code-recovery"
          >
            {recovery ? t('login.code.useApp') : t('login.code.useRecovery')}
          </Button>
        </p>
      )}
    </section>
  );
}
