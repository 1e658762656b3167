import { useId, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffInvitationView, type StaffRole } from '@portal/contracts';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useInviteStaff } from '../../api/staff';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { CheckboxGroup } from '../../components/checkbox-group';
import { FormField } from '../../components/form-field';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface InviteValues {
  email: string;
  roles: StaffRole[];
}

/** Invites a person as staff: a single-use link by mail, valid for a week. */
export function StaffInviteForm() {
  const { t } = useTranslation();
  const titleId = useId();
  const invite = useInviteStaff();
  const form = useForm<InviteValues>({ defaultValues: { email: '', roles: ['reviewer'] } });
  const [sent, setSent] = useState<StaffInvitationView | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSent(null);
    try {
      setSent(await invite.mutateAsync({ email: values.email.trim(), roles: values.roles }));
      form.reset({ email: '', roles: ['reviewer'] });
    } catch (error) {
      const applied = applyServerFieldErrors(error, form.setError, ['email', 'roles']);
      if (!applied || !isApiError(error) || error.code !== 'VALIDATION_FAILED') setFormError(errorMessage(error, t));
    }
  });

  return (
    <section className="invite" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('staff.inviteTitle')}</h2>
      <p className="form-field__help">{t('staff.inviteHelp')}</p>
      {sent ? (
        <Alert tone="success" data-testid="staff-invite-success">
          {t('staff.invited', {
            email: sent.email,
            expiresAt: formatDateTime(sent.expiresAt, 'dateTime', currentLanguage()),
          })}
        </Alert>
      ) : null}
      {formError ? (
        <Alert tone="error" data-testid="staff-invite-error">
          {formError}
        </Alert>
      ) : null}
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby={titleId}>
          <FormField
            name="email"
            type="email"
            label={t('staff.email')}
            required
            maxLength={254}
            rules={{ pattern: { value: EMAIL_PATTERN, message: 'validation.email' } }}
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            data-testid="staff-invite-email"
          />
          <CheckboxGroup
            name="roles"
            legend={t('staff.roles')}
            options={STAFF_ROLES.map((role) => ({ value: role, label: t(`staff.role.${role}`) }))}
            required
            rules={{
              validate: (value: unknown) => (Array.isArray(value) && value.length > 0) || 'staff.rolesRequired',
            }}
            testIdPrefix="staff-invite-role"
          />
          <Button
            type="submit"
            variant="primary"
            busy={form.formState.isSubmitting}
            busyLabel={t('staff.inviting')}
            data-testid="staff-invite-submit"
          >
            {t('staff.invite')}
          </Button>
        </form>
      </FormProvider>
    </section>
  );
}
