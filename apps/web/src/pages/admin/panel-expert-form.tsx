import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PanelInvitationView } from '@portal/contracts';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useInviteExpert } from '../../api/panels';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invites an external expert for this call only: a single-use link by mail, valid for a week. */
export function PanelExpertForm({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const invite = useInviteExpert(callId);
  const form = useForm<{ email: string }>({ defaultValues: { email: '' } });
  const [sent, setSent] = useState<PanelInvitationView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    setSent(null);
    try {
      setSent(await invite.mutateAsync(values.email.trim()));
      form.reset({ email: '' });
    } catch (error) {
      const applied = applyServerFieldErrors(error, form.setError, ['email']);
      if (!applied || !isApiError(error) || error.code !== 'VALIDATION_FAILED') setFailure(errorMessage(error, t));
    }
  });

  return (
    <section aria-labelledby="panel-expert-title" className="section">
      <h2 id="panel-expert-title">{t('panel.expertTitle')}</h2>
      <p className="form-field__help">{t('panel.expertHelp')}</p>
      {sent ? (
        <Alert tone="success" data-testid="panel-expert-success">
          {t('panel.expertInvited', {
            email: sent.email,
            expiresAt: formatDateTime(sent.expiresAt, 'dateTime', currentLanguage()),
          })}
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="error" data-testid="panel-expert-error">
          {failure}
        </Alert>
      ) : null}
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="panel-expert-title">
          <FormField
            name="email"
            type="email"
            label={t('panel.email')}
            required
            maxLength={254}
            rules={{ pattern: { value: EMAIL_PATTERN, message: 'validation.email' } }}
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            data-testid="panel-expert-email"
          />
          <Button
            type="submit"
            busy={invite.isPending}
            busyLabel={t('panel.inviting')}
            data-testid="panel-expert-submit"
          >
            {t('panel.invite')}
          </Button>
        </form>
      </FormProvider>
    </section>
  );
}
