import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from './form-field';

/** The API refuses shorter passwords (WEAK_PASSWORD); the form says so while typing. */
export const MIN_PASSWORD_LENGTH = 12;

export interface NewPasswordValues {
  password: string;
  passwordConfirm: string;
}

/**
 * A new password and its confirmation, with a live length counter; used by account creation and password reset.
 * Needs a surrounding <FormProvider> whose values include `password` and `passwordConfirm`.
 */
export function NewPasswordFields({
  passwordLabel,
  confirmLabel,
  testIdPrefix,
}: {
  passwordLabel: string;
  confirmLabel: string;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const counterId = useId();
  const form = useFormContext<NewPasswordValues>();
  const password = useWatch({ control: form.control, name: 'password' }) ?? '';
  const missing = Math.max(0, MIN_PASSWORD_LENGTH - password.length);
  return (
    <>
      <div>
        <FormField
          name="password"
          type="password"
          label={passwordLabel}
          help={t('account.passwordHelp', { count: MIN_PASSWORD_LENGTH })}
          required
          maxLength={1024}
          rules={{
            minLength: { value: MIN_PASSWORD_LENGTH, message: 'account.passwordTooShort' },
            onChange: () => {
              if (form.getFieldState('passwordConfirm').isTouched) void form.trigger('passwordConfirm');
            },
          }}
          autoComplete="new-password"
          aria-describedby={counterId}
          data-testid={`${testIdPrefix}-password`}
        />
        <p
          id={counterId}
          className={['char-counter', missing === 0 ? 'char-counter--ok' : null].filter(Boolean).join(' ')}
          data-testid={`${testIdPrefix}-password-length`}
          data-ok={missing === 0}
        >
          {missing === 0
            ? t('account.passwordLongEnough')
            : t('account.passwordMissing', { count: missing, length: password.length })}
        </p>
      </div>
      <FormField
        name="passwordConfirm"
        type="password"
        label={confirmLabel}
        required
        maxLength={1024}
        rules={{
          validate: (value: string) => value === form.getValues('password') || 'account.passwordMismatch',
        }}
        autoComplete="new-password"
        data-testid={`${testIdPrefix}-password-confirm`}
      />
    </>
  );
}
