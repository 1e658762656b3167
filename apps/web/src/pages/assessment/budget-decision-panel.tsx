import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { useDecideBudget } from '../../api/budget-decisions';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';
import { formatMoney } from '../../lib/format';
import { parseEuroToCents } from '../../lib/money-input';

interface BudgetValues {
  budget: string;
  motivation: string;
  decisionDate: string;
  decisionReference: string;
}

/**
 * A motivated budget raise (ADR 0009): the administration's while the call is assessed (a computed proposal becomes
 * stale), the minister's after the decision, with the date and reference of that decision. Never lower than before.
 */
export function BudgetDecisionPanel({ call, role }: { call: CallView; role: 'admin' | 'minister' }) {
  const { t } = useTranslation();
  const decide = useDecideBudget(call.id);
  const [done, setDone] = useState(false);
  const form = useForm<BudgetValues>({
    mode: 'onTouched',
    defaultValues: {
      budget: '',
      motivation: '',
      decisionDate: new Date().toISOString().slice(0, 10),
      decisionReference: '',
    },
  });
  const [failure, setFailure] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setDone(false);
    try {
      await decide.mutateAsync({
        budgetCents: parseEuroToCents(values.budget) ?? 0,
        motivation: values.motivation.trim(),
        ...(role === 'minister'
          ? { decisionDate: values.decisionDate, decisionReference: values.decisionReference.trim() }
          : {}),
      });
      form.reset();
      setDone(true);
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['motivation', 'decisionDate', 'decisionReference']);
      setFailure(errorMessage(error, t));
    }
  });
  return (
    <details className="panel" data-testid="budget-decision">
      <summary>{t('lifecycle.budget.title', { budget: formatMoney(call.budgetCents) })}</summary>
      <p>{t(`lifecycle.budget.help.${role}`)}</p>
      {done ? (
        <Alert tone="success" data-testid="budget-decision-done">
          {t('lifecycle.budget.done')}
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="error" data-testid="budget-decision-error">
          {failure}
        </Alert>
      ) : null}
      <FormProvider {...form}>
        <form className="form form--compact" noValidate onSubmit={(event) => void submit(event)}>
          <FormField
            name="budget"
            label={t('lifecycle.budget.newBudget')}
            inputMode="decimal"
            required
            rules={{
              validate: (value: string) => {
                const cents = parseEuroToCents(value);
                return (cents !== null && cents > call.budgetCents) || 'lifecycle.budget.raiseOnly';
              },
            }}
            data-testid="budget-decision-amount"
          />
          <FormField
            as="textarea"
            name="motivation"
            label={t('assessment.motivation')}
            required
            rows={3}
            maxLength={5000}
            rules={{ validate: (value: string) => value.trim().length >= 3 || 'validation.required' }}
            data-testid="budget-decision-motivation"
          />
          {role === 'minister' ? (
            <>
              <FormField name="decisionDate" type="date" label={t('assessment.decisionDate')} required />
              <FormField
                name="decisionReference"
                label={t('assessment.decisionReference')}
                required
                maxLength={100}
                rules={{ minLength: { value: 3, message: 'validation.required' } }}
              />
            </>
          ) : null}
          <Button type="submit" busy={form.formState.isSubmitting} data-testid="budget-decision-submit">
            {t('lifecycle.budget.submit')}
          </Button>
        </form>
      </FormProvider>
    </details>
  );
}
