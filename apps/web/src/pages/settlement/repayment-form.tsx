import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { useRecordRepayment } from '../../api/settlement';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';
import { parseEuroToCents } from '../../lib/money-input';

interface RepaymentValues {
  amount: string;
  paidOn: string;
}

/** The administration records money that came back for a recovery: an amount (partial allowed) and its day. */
export function RepaymentForm({ recoveryId, today }: { recoveryId: string; today: string }) {
  const { t } = useTranslation();
  const record = useRecordRepayment(recoveryId);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<RepaymentValues>({ mode: 'onTouched', defaultValues: { amount: '', paidOn: today } });
  const send = form.handleSubmit(async (values) => {
    setFailure(null);
    setDone(false);
    try {
      await record.mutateAsync({ amountCents: parseEuroToCents(values.amount)!, paidOn: values.paidOn });
      form.reset({ amount: '', paidOn: values.paidOn });
      setDone(true);
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['paidOn']);
      setFailure(errorMessage(error, t));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="form" noValidate onSubmit={(event) => void send(event)} data-testid="repayment-form">
        <h3>{t('settlement.recovery.recordTitle')}</h3>
        {failure ? (
          <Alert tone="error" data-testid="repayment-error">
            {failure}
          </Alert>
        ) : null}
        {done ? <Alert tone="success">{t('settlement.recovery.recorded')}</Alert> : null}
        <FormField
          name="amount"
          label={t('settlement.recovery.repaymentAmount')}
          help={t('settlement.recovery.repaymentAmountHelp')}
          required
          inputMode="decimal"
          autoComplete="off"
          rules={{
            validate: (value: string) => {
              const cents = parseEuroToCents(value);
              return (cents !== null && cents > 0) || 'validation.amount';
            },
          }}
          data-testid="repayment-amount"
        />
        <FormField
          name="paidOn"
          type="date"
          label={t('settlement.recovery.paidOn')}
          required
          max={today}
          data-testid="repayment-date"
        />
        <Button type="submit" busy={form.formState.isSubmitting} data-testid="repayment-submit">
          {t('settlement.recovery.record')}
        </Button>
      </form>
    </FormProvider>
  );
}
