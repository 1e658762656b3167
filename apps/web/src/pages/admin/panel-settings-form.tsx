import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReviewPanelView } from '@portal/contracts';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useSavePanelSettings } from '../../api/panels';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';
import { toBrusselsWallClock } from '../../lib/brussels';

interface SettingsValues {
  perDossier: string;
  /** Brussels wall-clock `YYYY-MM-DDTHH:mm` (datetime-local), sent as is; empty: no due date. */
  dueAt: string;
}

/** Reviewers per dossier and the review due date (reminders go out before and after it). */
export function PanelSettingsForm({ callId, panel }: { callId: string; panel: ReviewPanelView }) {
  const { t } = useTranslation();
  const save = useSavePanelSettings(callId);
  const form = useForm<SettingsValues>({
    defaultValues: {
      perDossier: String(panel.perDossier),
      dueAt: panel.dueAt ? toBrusselsWallClock(panel.dueAt) : '',
    },
  });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await save.mutateAsync({ perDossier: Number(values.perDossier), dueAt: values.dueAt || null });
      setMessage({ tone: 'success', text: t('panel.settingsSaved') });
    } catch (error) {
      const applied = applyServerFieldErrors(error, form.setError, ['perDossier', 'dueAt']);
      if (!applied || !isApiError(error) || error.code !== 'VALIDATION_FAILED')
        setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
  });

  return (
    <section aria-labelledby="panel-settings-title" className="section">
      <h2 id="panel-settings-title">{t('panel.settingsTitle')}</h2>
      {message ? (
        <Alert tone={message.tone} data-testid="panel-settings-message">
          {message.text}
        </Alert>
      ) : null}
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="panel-settings-title">
          <FormField
            name="perDossier"
            type="number"
            label={t('panel.perDossier')}
            help={t('panel.perDossierHelp')}
            required
            min={1}
            max={10}
            rules={{
              validate: (value: string) =>
                (Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 10) ||
                'panel.perDossierRange',
            }}
            data-testid="panel-per-dossier"
          />
          <FormField
            name="dueAt"
            type="datetime-local"
            label={t('panel.dueAt')}
            help={t('panel.dueAtHelp')}
            data-testid="panel-due-at"
          />
          <Button type="submit" busy={save.isPending} busyLabel={t('panel.saving')} data-testid="panel-settings-save">
            {t('panel.saveSettings')}
          </Button>
        </form>
      </FormProvider>
    </section>
  );
}
