import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAcceptance, useAnswerAcceptance } from '../../api/funding';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';
import { TrancheTable } from './tranche-table';

interface AnswerValues {
  decision: 'accepted' | 'declined';
  iban: string;
  motivation: string;
}

/**
 * The awarded organisation accepts the decision and its conditions, or declines (ADR 0023): a form, then a check step
 * that shows the conditions as they will be kept (text and fingerprint) before the answer is sent.
 */
export function AcceptancePanel({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const acceptance = useAcceptance(dossierId);
  const answer = useAnswerAcceptance(dossierId);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<AnswerValues>({
    mode: 'onTouched',
    values: { decision: 'accepted', iban: acceptance.data?.proposedIban ?? '', motivation: '' },
  });
  const view = acceptance.data;
  if (!view || view.status === 'not_awarded') return null;
  const decision = form.watch('decision');
  const send = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await answer.mutateAsync({
        decision: values.decision,
        conditionsSha256: view.conditionsSha256,
        ...(values.decision === 'accepted' ? { iban: values.iban.trim() } : { motivation: values.motivation.trim() }),
      });
      setChecking(false);
    } catch (error) {
      setChecking(false);
      applyServerFieldErrors(error, form.setError, ['iban', 'motivation']);
      setFailure(errorMessage(error, t));
    }
  });
  return (
    <section
      className="panel"
      aria-labelledby="acceptance-title"
      data-testid="acceptance-panel"
      data-status={view.status}
    >
      <h2 id="acceptance-title">{t('funding.acceptance.title')}</h2>
      {view.acceptance ? (
        <Alert tone={view.acceptance.decision === 'accepted' ? 'success' : 'warning'} data-testid="acceptance-done">
          {t(`funding.acceptance.done.${view.acceptance.decision}`, {
            name: view.acceptance.decidedByName,
            date: new Date(view.acceptance.decidedAt).toLocaleString(),
          })}
        </Alert>
      ) : (
        <p>{t('funding.acceptance.intro')}</p>
      )}
      <TrancheTable tranches={view.tranches} testId="acceptance-tranches" />
      {failure ? (
        <Alert tone="error" data-testid="acceptance-error">
          {failure}
        </Alert>
      ) : null}
      {view.canAnswer ? (
        <FormProvider {...form}>
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              if (checking) return void send(event);
              event.preventDefault();
              void form.trigger().then((valid) => setChecking(valid));
            }}
          >
            {checking ? (
              <div data-testid="acceptance-check">
                <h3>{t('funding.acceptance.checkTitle')}</h3>
                <p>{t(`funding.acceptance.checkIntro.${decision}`)}</p>
                <blockquote className="conditions" data-testid="acceptance-conditions">
                  {view.conditionsText}
                </blockquote>
                <p className="muted">{t('funding.acceptance.fingerprint', { hash: view.conditionsSha256 })}</p>
                {decision === 'accepted' ? (
                  <p>{t('funding.acceptance.checkIban', { iban: form.getValues('iban') })}</p>
                ) : null}
                <div className="actions">
                  <Button type="button" variant="secondary" onClick={() => setChecking(false)}>
                    {t('funding.acceptance.back')}
                  </Button>
                  <Button
                    type="submit"
                    variant={decision === 'accepted' ? 'primary' : 'danger'}
                    busy={form.formState.isSubmitting}
                    data-testid="acceptance-confirm"
                  >
                    {t(`funding.acceptance.confirm.${decision}`)}
                  </Button>
                </div>
              </div>
            ) : (
              <>
                <fieldset className="radio-group">
                  <legend>{t('funding.acceptance.question')}</legend>
                  {(['accepted', 'declined'] as const).map((value) => (
                    <label key={value}>
                      <input
                        type="radio"
                        value={value}
                        {...form.register('decision')}
                        data-testid={`acceptance-${value}`}
                      />{' '}
                      {t(`funding.acceptance.option.${value}`)}
                    </label>
                  ))}
                </fieldset>
                {decision === 'accepted' ? (
                  <FormField
                    name="iban"
                    label={t('funding.acceptance.iban')}
                    help={t('funding.acceptance.ibanHelp')}
                    required
                    maxLength={50}
                    autoComplete="off"
                    data-testid="acceptance-iban"
                  />
                ) : (
                  <FormField
                    as="textarea"
                    name="motivation"
                    label={t('funding.acceptance.motivation')}
                    required
                    rows={3}
                    maxLength={5000}
                    rules={{ validate: (value: string) => value.trim().length >= 3 || 'validation.required' }}
                    data-testid="acceptance-motivation"
                  />
                )}
                <Button type="submit" data-testid="acceptance-next">
                  {t('funding.acceptance.next')}
                </Button>
              </>
            )}
          </form>
        </FormProvider>
      ) : null}
    </section>
  );
}
