import { useId } from 'react';
import { useForm, type Path } from 'react-hook-form';
import type { ErrorCode } from '@portal/contracts';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { homePathFor } from '../auth/roles';
import { useCurrentUser, useRegister } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { EmailField } from '../components/email-field';
import { FormField } from '../components/form-field';
import { FormShell, SubmitButton } from '../components/form-shell';
import { NewPasswordFields } from '../components/new-password-fields';
import { applyServerErrors } from '../forms/apply-server-errors';
import { useFormProblem } from '../forms/use-form-problem';
import { NarrowPage, PageLoading } from '../layout/narrow-page';
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../i18n';
import { RETURN_PARAM, safeReturnPath, withReturnPath } from '../lib/return-path';

interface AccountValues {
  displayName: string;
  email: string;
  password: string;
  passwordConfirm: string;
  locale: Language;
}

const SERVER_FIELDS: readonly Path<AccountValues>[] = ['displayName', 'email', 'password', 'locale'];

/** Problem codes that belong to one field even when the server sends no `errors[]`. */
const CODE_FIELD: Partial<Record<ErrorCode, Path<AccountValues>>> = {
  EMAIL_TAKEN: 'email',
  WEAK_PASSWORD: 'password',
};

/**
 * `/registreren`: create an applicant account. Afterwards the person is logged in and goes to "Mijn dossiers", or back
 * to the `?terug=` path (the invitation page sends people here and expects them back).
 */
export function RegisterAccountPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const returnPath = safeReturnPath(searchParams.get(RETURN_PARAM));
  const { data: user, isPending: userPending } = useCurrentUser();
  const registration = useRegister();
  const localeName = useId();
  const form = useForm<AccountValues>({
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: { displayName: '', email: '', password: '', passwordConfirm: '', locale: currentLanguage() },
  });
  const formError = useFormProblem<{ message: string; code: string | null }>();
  const title = t('account.title');

  // Already logged in, or just registered: the user query now holds the user.
  if (user) return <Navigate to={returnPath ?? homePathFor(user) ?? '/'} replace />;
  if (userPending) return <PageLoading title={title} />;

  const onSubmit = form.handleSubmit(async (values) => {
    formError.clear();
    try {
      await registration.mutateAsync({
        displayName: values.displayName.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: values.locale,
      });
      if (values.locale !== currentLanguage()) await setLanguage(values.locale);
    } catch (error) {
      applyServerErrors(error, form.setError, SERVER_FIELDS, CODE_FIELD);
      formError.show({ message: errorMessage(error, t), code: isApiError(error) ? error.code : null });
    }
  });

  return (
    <NarrowPage title={title} titleId="register-account-title" lead={t('account.intro')}>
      {returnPath ? <Alert tone="info">{t('account.returnNotice')}</Alert> : null}
      {formError.problem ? (
        <Alert key={formError.attempt} tone="error" data-testid="register-account-error">
          <p>{formError.problem.message}</p>
          {formError.problem.code === 'EMAIL_TAKEN' ? (
            <p>
              <Link to={withReturnPath('/login', returnPath)}>{t('account.toLogin')}</Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy="register-account-title">
        <FormField
          name="displayName"
          label={t('account.displayName')}
          help={t('account.displayNameHelp')}
          required
          maxLength={200}
          rules={{
            validate: (value: string) => value.trim().length >= 2 || 'account.displayNameTooShort',
          }}
          autoComplete="name"
          data-testid="register-display-name"
        />
        <EmailField label={t('account.email')} help={t('account.emailHelp')} data-testid="register-email" />
        <NewPasswordFields
          passwordLabel={t('account.password')}
          confirmLabel={t('account.passwordConfirm')}
          testIdPrefix="register"
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('account.locale')}</legend>
          <p className="form-field__help">{t('account.localeHelp')}</p>
          <div className="check-list">
            {LANGUAGES.map((language) => (
              <div key={language} className="check-list__item">
                <input
                  type="radio"
                  id={`${localeName}-${language}`}
                  value={language}
                  className="form-field__check"
                  data-testid={`register-locale-${language}`}
                  {...form.register('locale')}
                />
                <label htmlFor={`${localeName}-${language}`} lang={language === 'nl' ? 'nl-BE' : 'en'}>
                  {t(`language.${language}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <SubmitButton busy={registration.isPending} busyLabel={t('account.submitting')} data-testid="register-submit">
          {t('account.submit')}
        </SubmitButton>
      </FormShell>
      <h2>{t('account.haveAccountTitle')}</h2>
      <p>
        <Link to={withReturnPath('/login', returnPath)} data-testid="register-login">
          {t('account.toLogin')}
        </Link>
      </p>
    </NarrowPage>
  );
}
