import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { useDeclareConflict } from '../../api/reviews';
import { Alert } from '../../components/alert';
import { FormField } from '../../components/form-field';
import { FormShell, SubmitButton } from '../../components/form-shell';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';

interface ConflictValues {
  reason: string;
}

export interface ConflictFormProps {
  assignmentId: string;
  /** Called once the conflict is recorded (the page then shows the assignment as withdrawn). */
  onDeclared: () => void;
}

/** "Belangenconflict melden": a required reason; the assignment is withdrawn and another reviewer assigned. */
export function ConflictForm({ assignmentId, onDeclared }: ConflictFormProps) {
  const { t } = useTranslation();
  const declare = useDeclareConflict(assignmentId);
  const form = useForm<ConflictValues>({ mode: 'onTouched', defaultValues: { reason: '' } });
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await declare.mutateAsync({ reason: values.reason.trim() });
      onDeclared();
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['reason']);
      setFailure(errorMessage(error, t));
    }
  });

  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('reviewer.conflict.title')}</h2>
      <p>{t('reviewer.conflict.intro')}</p>
      {failure ? (
        <Alert tone="error" data-testid="conflict-error">
          {failure}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy="conflict-title" data-testid="conflict-form">
        <FormField
          as="textarea"
          name="reason"
          label={t('reviewer.conflict.reason')}
          help={t('reviewer.conflict.reasonHelp')}
          required
          rules={{
            validate: (value: string) => value.trim().length >= 3 || 'reviewer.conflict.reasonTooShort',
            maxLength: { value: 2000, message: 'reviewer.conflict.reasonTooLong' },
          }}
          rows={3}
          maxLength={2000}
          data-testid="conflict-reason"
        />
        <div className="button-row">
          <SubmitButton
            variant="danger"
            busy={declare.isPending}
            busyLabel={t('reviewer.conflict.submitting')}
            data-testid="conflict-submit"
          >
            {t('reviewer.conflict.submit')}
          </SubmitButton>
        </div>
      </FormShell>
    </section>
  );
}
