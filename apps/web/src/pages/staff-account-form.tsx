import { FormProvider, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StaffInvitationPreview } from '@portal/contracts';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useAcceptStaffInvitationWithAccount } from '../api/staff';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { NewPasswordFields } from '../components/new-password-fields';
import { applyServerFieldErrors } from '../forms/apply-server-errors';
import { currentLanguage } from '../i18n';

interface AccountValues {
  displayName: string;
  password: string;
  passwordConfirm: string;
}

/** A new staff account from an invitation: name and password; the address and roles are the invitation's. */
export function StaffAccountForm({ token, invitation }: { token: string; invitation: StaffInvitationPreview }) {
  const { t } = useTranslation();
  const accept = useAcceptStaffInvitationWithAccount();
  const form = useForm<AccountValues>({ defaultValues: { displayName: '', password: '', passwordConfirm: '' } });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await accept.mutateAsync({
        token,
        displayName: values.displayName.trim(),
        password: values.password,
        locale: currentLanguage(),
      });
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['displayName', 'password']);
    }
  });

  if (accept.isSuccess) {
    return (
      <Alert tone="success" title={t('staffInvitation.createdTitle')} data-testid="staff-account-created">
        <p>{t('staffInvitation.created', { email: invitation.email })}</p>
        <p>
          <Link to="/login" data-testid="staff-account-login">
            {t('staffInvitation.login')}
          </Link>
        </p>
      </Alert>
    );
  }

  const code = isApiError(accept.error) ? accept.error.code : null;
  return (
    <>
      <p className="lead">
        {invitation.callTitle
          ? t('staffInvitation.expertIntro', { email: invitation.email, call: invitation.callTitle })
          : t('staffInvitation.createIntro', {
              email: invitation.email,
              roles: invitation.roles.map((role) => t(`staff.role.${role}`)).join(', '),
            })}
      </p>
      {accept.error && code !== 'VALIDATION_FAILED' ? (
        <Alert tone="error" data-testid="staff-invitation-error">
          {errorMessage(accept.error, t)}
        </Alert>
      ) : null}
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <FormField
            name="displayName"
            label={t('staffInvitation.displayName')}
            required
            maxLength={200}
            autoComplete="name"
            data-testid="staff-account-name"
          />
          <NewPasswordFields
            passwordLabel={t('staffInvitation.password')}
            confirmLabel={t('staffInvitation.passwordConfirm')}
            testIdPrefix="staff-account"
          />
          <Button
            type="submit"
            variant="primary"
            busy={form.formState.isSubmitting}
            busyLabel={t('staffInvitation.creating')}
            data-testid="staff-account-submit"
          >
            {t('staffInvitation.create')}
          </Button>
        </form>
      </FormProvider>
    </>
  );
}
