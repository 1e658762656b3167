import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CHANGE_REQUEST_KINDS, type ChangeRequestKind } from '@portal/contracts';
import { useRequestChange } from '../../api/after-award';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';
import { parseEuroToCents } from '../../lib/money-input';

interface Values {
  kind: ChangeRequestKind;
  motivation: string;
  newEndDate: string;
  lowerAmount: string;
}

/** The organisation asks for a change after the award: what and why; a lower amount at most (ADR 0024). */
export function ChangeRequestForm({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const request = useRequestChange(dossierId);
  const form = useForm<Values>({ defaultValues: { kind: 'period', motivation: '', newEndDate: '', lowerAmount: '' } });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const kind = form.watch('kind');

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const lower = values.lowerAmount.trim() === '' ? null : parseEuroToCents(values.lowerAmount);
    if (values.lowerAmount.trim() !== '' && lower === null) {
      form.setError('lowerAmount', { message: t('afterAward.change.invalidAmount') });
      return;
    }
    try {
      await request.mutateAsync({
        kind: values.kind,
        motivation: values.motivation,
        newEndDate: values.kind === 'period' && values.newEndDate ? values.newEndDate : null,
        grantedCentsAfter: lower,
      });
      form.reset({ kind: values.kind, motivation: '', newEndDate: '', lowerAmount: '' });
      setMessage({ tone: 'success', text: t('afterAward.change.sent') });
    } catch (error) {
      const applied = applyServerFieldErrors(error, form.setError, ['kind', 'motivation', 'newEndDate']);
      if (!applied || !isApiError(error) || error.code !== 'VALIDATION_FAILED')
        setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
  });

  return (
    <section aria-labelledby="change-form-title" className="section">
      <h2 id="change-form-title">{t('afterAward.change.formTitle')}</h2>
      <p>{t('afterAward.change.intro')}</p>
      {message ? (
        <Alert tone={message.tone} data-testid="change-message">
          {message.text}
        </Alert>
      ) : null}
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="change-form-title">
          <FormField
            as="select"
            name="kind"
            label={t('afterAward.change.kind')}
            options={CHANGE_REQUEST_KINDS.map((value) => ({ value, label: t(`afterAward.changeKind.${value}`) }))}
            required
            data-testid="change-kind"
          />
          {kind === 'period' ? (
            <FormField
              name="newEndDate"
              type="date"
              label={t('afterAward.change.newEndDate')}
              data-testid="change-end"
            />
          ) : null}
          <FormField
            as="textarea"
            name="motivation"
            rows={4}
            label={t('afterAward.change.motivation')}
            help={t('afterAward.change.motivationHelp')}
            required
            rules={{ minLength: { value: 10, message: t('afterAward.change.motivationShort') } }}
            data-testid="change-motivation"
          />
          <FormField
            name="lowerAmount"
            inputMode="decimal"
            label={t('afterAward.change.lowerAmount')}
            help={t('afterAward.change.lowerAmountHelp')}
            data-testid="change-amount"
          />
          <Button type="submit" busy={request.isPending} data-testid="change-submit">
            {t('afterAward.change.submit')}
          </Button>
        </form>
      </FormProvider>
    </section>
  );
}
