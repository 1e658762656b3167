import { useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button, type ButtonVariant } from '../../components/button';
import { FormField } from '../../components/form-field';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';

export interface MotivationValues {
  text: string;
  decisionDate: string;
  decisionReference: string;
}

export interface MotivationFormProps {
  /** Label of the text field (motivation, remarks, reason). */
  label: string;
  help?: string;
  submitLabel: string;
  variant?: ButtonVariant;
  /** Also asks the date and reference of the minister's decision instead of a text. */
  decision?: boolean;
  /** Asked before the action runs (it cannot be undone). */
  confirm?: string;
  onSubmit: (values: MotivationValues) => Promise<unknown>;
  testId: string;
  children?: ReactNode;
}

/**
 * A motivated step (a decision on public money always carries its reasons): one text, or the date and reference of
 * the minister's decision. Server field errors land on the fields; anything else is shown above the form.
 */
export function MotivationForm({
  label,
  help,
  submitLabel,
  variant = 'primary',
  decision = false,
  confirm,
  onSubmit,
  testId,
  children,
}: MotivationFormProps) {
  const { t } = useTranslation();
  const form = useForm<MotivationValues>({
    mode: 'onTouched',
    defaultValues: { text: '', decisionDate: new Date().toISOString().slice(0, 10), decisionReference: '' },
  });
  const [failure, setFailure] = useState<string | null>(null);

  const submit = form.handleSubmit(async (values) => {
    if (confirm && !window.confirm(confirm)) return;
    setFailure(null);
    try {
      await onSubmit(values);
      form.reset();
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['decisionDate', 'decisionReference']);
      setFailure(errorMessage(error, t));
    }
  });

  return (
    <FormProvider {...form}>
      <form className="form form--compact" noValidate onSubmit={(event) => void submit(event)} data-testid={testId}>
        {children}
        {failure ? (
          <Alert tone="error" data-testid={`${testId}-error`}>
            {failure}
          </Alert>
        ) : null}
        {decision ? (
          <>
            <FormField
              name="decisionDate"
              type="date"
              label={t('assessment.decisionDate')}
              required
              data-testid={`${testId}-date`}
            />
            <FormField
              name="decisionReference"
              label={t('assessment.decisionReference')}
              help={t('assessment.decisionReferenceHelp')}
              required
              maxLength={100}
              rules={{ minLength: { value: 3, message: 'validation.required' } }}
              data-testid={`${testId}-reference`}
            />
          </>
        ) : (
          <FormField
            as="textarea"
            name="text"
            label={label}
            help={help}
            required
            rows={3}
            maxLength={5000}
            rules={{ validate: (value: string) => value.trim().length >= 3 || 'validation.required' }}
            data-testid={`${testId}-text`}
          />
        )}
        <Button type="submit" variant={variant} busy={form.formState.isSubmitting} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </form>
    </FormProvider>
  );
}
