import { useState } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TrancheTrigger } from '@portal/contracts';
import { usePaymentSchedule, useSetPaymentSchedule } from '../../api/funding';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';

const TRIGGERS: TrancheTrigger[] = ['acceptance', 'interim_report_approved', 'final_report_approved'];

interface ScheduleValues {
  tranches: Array<{ percent: string; trigger: TrancheTrigger }>;
}

/** Percent as typed ("80", "33,33") to basis points, or null. */
function basisPoints(percent: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(percent);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The call's payment schedule (ADR 0023): tranches in percent with their trigger, editable until the first batch. */
export function PaymentScheduleEditor({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const schedule = usePaymentSchedule(callId);
  const save = useSetPaymentSchedule(callId);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const form = useForm<ScheduleValues>({
    values: {
      tranches: (schedule.data?.tranches ?? []).map((tranche) => ({
        percent: String(tranche.shareBasisPoints / 100).replace('.', ','),
        trigger: tranche.trigger,
      })),
    },
  });
  const rows = useFieldArray({ control: form.control, name: 'tranches' });
  if (!schedule.data) return null;
  const editable = schedule.data.editable;
  const total = form.watch('tranches').reduce((sum, row) => sum + (basisPoints(row.percent) ?? 0), 0);
  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await save.mutateAsync(
        values.tranches.map((row) => ({ shareBasisPoints: basisPoints(row.percent) ?? 0, trigger: row.trigger })),
      );
      setMessage({ tone: 'success', text: t('funding.schedule.saved') });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
  });
  return (
    <FormProvider {...form}>
      <form
        className="form form--compact"
        noValidate
        onSubmit={(event) => void submit(event)}
        data-testid="schedule-form"
      >
        <p>{t(schedule.data.isDefault ? 'funding.schedule.default' : 'funding.schedule.own')}</p>
        {!editable ? <Alert tone="info">{t('funding.schedule.locked')}</Alert> : null}
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {rows.fields.map((field, index) => (
          <fieldset key={field.id} className="inline-fields">
            <legend>{t('funding.schedule.tranche', { position: index + 1 })}</legend>
            <FormField
              name={`tranches.${index}.percent`}
              label={t('funding.schedule.percent')}
              inputMode="decimal"
              required
              disabled={!editable}
              rules={{
                validate: (value: string) => (basisPoints(value) ?? 0) > 0 || 'funding.schedule.percentInvalid',
              }}
            />
            <FormField
              as="select"
              name={`tranches.${index}.trigger`}
              label={t('funding.tranches.trigger')}
              disabled={!editable}
              options={TRIGGERS.map((value) => ({ value, label: t(`funding.trigger.${value}`) }))}
            />
            {editable && rows.fields.length > 1 ? (
              <Button type="button" variant="secondary" onClick={() => rows.remove(index)}>
                {t('funding.schedule.remove')}
              </Button>
            ) : null}
          </fieldset>
        ))}
        <p data-testid="schedule-total">
          {t('funding.schedule.total', { percent: (total / 100).toString().replace('.', ',') })}
        </p>
        {editable ? (
          <div className="actions">
            {rows.fields.length < 6 ? (
              <Button
                type="button"
                variant="secondary"
                onClick={() => rows.append({ percent: '', trigger: 'final_report_approved' })}
              >
                {t('funding.schedule.add')}
              </Button>
            ) : null}
            <Button type="submit" busy={form.formState.isSubmitting} data-testid="schedule-save">
              {t('funding.schedule.save')}
            </Button>
          </div>
        ) : null}
      </form>
    </FormProvider>
  );
}
