import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SecondFactorEnrolment } from '@portal/contracts';
import { errorMessage } from '../api/error-message';
import { useConfirmEnrolment } from '../api/second-factor';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { FormShell, SubmitButton } from '../components/form-shell';
import { applyServerFieldErrors } from '../forms/apply-server-errors';
import { useFormProblem } from '../forms/use-form-problem';

/** Step 2 of enrolment: scan the QR code (or type the key), then confirm with the code the app shows. */
export function EnrolmentSteps({
  enrolment,
  onConfirmed,
}: {
  enrolment: SecondFactorEnrolment;
  onConfirmed: (recoveryCodes: string[]) => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirmEnrolment();
  const form = useForm<{ code: string }>({ defaultValues: { code: '' } });
  const formError = useFormProblem();
  // Grouped by four, as apps show keys; the spaces are ignored when typed.
  const grouped = enrolment.secret.match(/.{1,4}/g)?.join(' ') ?? enrolment.secret;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    formError.clear();
    try {
      const { recoveryCodes } = await confirm.mutateAsync(code.trim());
      onConfirmed(recoveryCodes);
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['code']);
      formError.show(errorMessage(error, t));
    }
  });

  return (
    <div data-testid="second-factor-enrolment">
      <h3>{t('profile.secondFactor.scanTitle')}</h3>
      <p>{t('profile.secondFactor.scanIntro')}</p>
      <img
        className="second-factor__qr"
        src={enrolment.qrCode}
        alt={t('profile.secondFactor.qrAlt')}
        width={200}
        height={200}
        data-testid="second-factor-qr"
      />
      <p>{t('profile.secondFactor.secretIntro')}</p>
      <p>
        <code className="second-factor__secret" data-testid="second-factor-secret">
          {grouped}
        </code>
      </p>
      <p>
        <a href={enrolment.otpauthUri} data-testid="second-factor-uri">
          {t('profile.secondFactor.openInApp')}
        </a>
      </p>
      <h3 id="second-factor-confirm-title">{t('profile.secondFactor.confirmTitle')}</h3>
      {formError.problem ? (
        <Alert key={formError.attempt} tone="error" data-testid="second-factor-confirm-error">
          {formError.problem}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy="second-factor-confirm-title">
        <FormField
          name="code"
          label={t('profile.secondFactor.codeLabel')}
          help={t('profile.secondFactor.codeHelp')}
          required
          maxLength={7}
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          data-testid="second-factor-code"
        />
        <SubmitButton
          busy={confirm.isPending}
          busyLabel={t('profile.secondFactor.confirming')}
          data-testid="second-factor-confirm"
        >
          {t('profile.secondFactor.confirm')}
        </SubmitButton>
      </FormShell>
    </div>
  );
}

/** The recovery codes, shown once: to download as a text file or print, then put away. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${t('profile.secondFactor.fileHeading')}\n\n${codes.join('\n')}\n`;
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div className="recovery-codes" data-testid="recovery-codes-panel">
      <Alert tone="warning" title={t('profile.secondFactor.codesTitle')}>
        {t('profile.secondFactor.codesIntro')}
      </Alert>
      <ol className="recovery-codes__list" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p className="recovery-codes__actions no-print">
        <a href={href} download="herstelcodes-subsidieportaal.txt" data-testid="recovery-codes-download">
          {t('profile.secondFactor.download')}
        </a>
        <Button variant="secondary" onClick={() => window.print()} data-testid="recovery-codes-print">
          {t('profile.secondFactor.print')}
        </Button>
        <Button onClick={onDone} data-testid="recovery-codes-done">
          {t('profile.secondFactor.codesSaved')}
        </Button>
      </p>
    </div>
  );
}
