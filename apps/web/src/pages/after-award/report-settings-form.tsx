import { useState } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReportSettingsView } from '@portal/contracts';
import { useSaveReportSettings } from '../../api/after-award';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { toBrusselsWallClock } from '../../lib/brussels';

interface Values {
  interimRequired: boolean;
  interimDueAt: string;
  finalDueAt: string;
  indicators: Array<{ code: string; label: string; questionCode: string }>;
}

/** A call's reporting (ADR 0024): an interim report or not, the due dates (Brussels time) and the indicators. */
export function ReportSettingsForm({ callId, settings }: { callId: string; settings: ReportSettingsView }) {
  const { t } = useTranslation();
  const save = useSaveReportSettings(callId);
  const form = useForm<Values>({
    defaultValues: {
      interimRequired: settings.interimRequired,
      interimDueAt: settings.interimDueAt ? toBrusselsWallClock(settings.interimDueAt) : '',
      finalDueAt: settings.finalDueAt ? toBrusselsWallClock(settings.finalDueAt) : '',
      indicators: settings.indicators.map((i) => ({ ...i, questionCode: i.questionCode ?? '' })),
    },
  });
  const indicators = useFieldArray({ control: form.control, name: 'indicators' });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const interim = form.watch('interimRequired');

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await save.mutateAsync({
        interimRequired: values.interimRequired,
        interimDueAt: values.interimRequired ? values.interimDueAt || null : null,
        finalDueAt: values.finalDueAt,
        indicators: values.indicators.map((i) => ({
          code: i.code.trim().toUpperCase(),
          label: i.label,
          questionCode: i.questionCode.trim() ? i.questionCode.trim().toUpperCase() : null,
        })),
      });
      setMessage({ tone: 'success', text: t('afterAward.settings.saved') });
    } catch (error) {
      if (isApiError(error))
        error.errors.forEach((e) => form.setError(e.field as never, { message: e.message }, { shouldFocus: true }));
      if (!isApiError(error) || error.errors.length === 0) setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
  });

  return (
    <section aria-labelledby="report-settings-title" className="section">
      <h2 id="report-settings-title">{t('afterAward.settings.title')}</h2>
      {!settings.configured ? <Alert tone="info">{t('afterAward.settings.notConfigured')}</Alert> : null}
      {message ? (
        <Alert tone={message.tone} data-testid="report-settings-message">
          {message.text}
        </Alert>
      ) : null}
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="report-settings-title">
          <div className="form-field">
            <div className="check-list__item">
              <input
                id="report-interim"
                type="checkbox"
                className="form-field__check"
                {...form.register('interimRequired')}
                data-testid="report-settings-interim"
              />
              <label htmlFor="report-interim">{t('afterAward.settings.interimRequired')}</label>
            </div>
          </div>
          {interim ? (
            <FormField
              name="interimDueAt"
              type="datetime-local"
              label={t('afterAward.settings.interimDueAt')}
              data-testid="report-settings-interim-due"
            />
          ) : null}
          <FormField
            name="finalDueAt"
            type="datetime-local"
            label={t('afterAward.settings.finalDueAt')}
            required
            data-testid="report-settings-final-due"
          />
          <fieldset className="fieldset">
            <legend>{t('afterAward.settings.indicators')}</legend>
            <p>{t('afterAward.settings.indicatorsHelp')}</p>
            {indicators.fields.map((field, index) => (
              <div key={field.id} className="cost-line">
                <FormField
                  name={`indicators.${index}.code`}
                  label={t('afterAward.settings.code', { number: index + 1 })}
                  required
                />
                <FormField
                  name={`indicators.${index}.label`}
                  label={t('afterAward.settings.label', { number: index + 1 })}
                  required
                />
                <FormField
                  name={`indicators.${index}.questionCode`}
                  label={t('afterAward.settings.questionCode', { number: index + 1 })}
                />
                <Button variant="secondary" onClick={() => indicators.remove(index)}>
                  {t('afterAward.settings.remove', { number: index + 1 })}
                </Button>
              </div>
            ))}
            <Button
              variant="secondary"
              onClick={() => indicators.append({ code: '', label: '', questionCode: '' })}
              data-testid="report-settings-add-indicator"
            >
              {t('afterAward.settings.add')}
            </Button>
          </fieldset>
          <Button type="submit" busy={save.isPending} data-testid="report-settings-save">
            {t('afterAward.settings.save')}
          </Button>
        </form>
      </FormProvider>
    </section>
  );
}
