import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button, type ButtonVariant } from '../../components/button';
import { FormField } from '../../components/form-field';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';
import { formatDateTime } from '../../lib/format';

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
  /**
   * Asked in the page before the action runs (it cannot be undone): a confirm step that repeats what will be recorded
   * (for a decision its date and reference) with a button to confirm and one to go back.
   */
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
  const [pending, setPending] = useState<MotivationValues | null>(null);
  const [running, setRunning] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const confirmId = useId();

  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  const run = async (values: MotivationValues) => {
    setFailure(null);
    setRunning(true);
    try {
      await onSubmit(values);
      form.reset();
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['decisionDate', 'decisionReference']);
      setFailure(errorMessage(error, t));
    } finally {
      setRunning(false);
      setPending(null);
    }
  };

  const submit = form.handleSubmit(async (values) => {
    if (confirm) {
      setFailure(null);
      setPending(values);
      return;
    }
    await run(values);
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
        {pending ? (
          <div
            className="confirm-step"
            role="group"
            aria-labelledby={confirmId}
            tabIndex={-1}
            ref={confirmRef}
            data-testid={`${testId}-confirm-step`}
          >
            <p id={confirmId} className="confirm-step__question">
              {confirm}
            </p>
            {decision ? (
              <dl className="facts facts--inline">
                <div>
                  <dt>{t('assessment.decisionDate')}</dt>
                  <dd data-testid={`${testId}-confirm-date`}>{formatDateTime(pending.decisionDate, 'longDate')}</dd>
                </div>
                <div>
                  <dt>{t('assessment.decisionReference')}</dt>
                  <dd data-testid={`${testId}-confirm-reference`}>{pending.decisionReference.trim()}</dd>
                </div>
              </dl>
            ) : null}
            <div className="button-row">
              <Button
                variant={variant}
                busy={running}
                onClick={() => void run(pending)}
                data-testid={`${testId}-confirm`}
              >
                {t('confirmStep.confirm')}
              </Button>
              <Button
                variant="secondary"
                disabled={running}
                onClick={() => setPending(null)}
                data-testid={`${testId}-cancel`}
              >
                {t('confirmStep.cancel')}
              </Button>
            </div>
          </div>
        ) : (
          <Button type="submit" variant={variant} busy={form.formState.isSubmitting} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
        )}
      </form>
    </FormProvider>
  );
}
