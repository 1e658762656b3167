import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SecondFactorEnrolment, SecondFactorStatus } from '@portal/contracts';
import { errorMessage } from '../api/error-message';
import {
  useDisableSecondFactor,
  useRefreshCurrentUser,
  useRegenerateRecoveryCodes,
  useSecondFactor,
  useStartEnrolment,
  type SecondFactorProof,
} from '../api/second-factor';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { DateTime } from '../components/date-time';
import { FormField } from '../components/form-field';
import { FormShell, SubmitButton } from '../components/form-shell';
import { LoadingIndicator } from '../components/loading-indicator';
import { applyServerFieldErrors } from '../forms/apply-server-errors';
import { useFormProblem } from '../forms/use-form-problem';
import { EnrolmentSteps, RecoveryCodesPanel } from './second-factor-enrolment';

/**
 * Second factor (ADR 0016): set up an authenticator app (QR code, confirm with a code, ten recovery codes shown
 * once), renew the recovery codes, turn it off (not for a role that requires it).
 */
export function SecondFactorSection({ enrolmentRequired = false }: { enrolmentRequired?: boolean }) {
  const { t } = useTranslation();
  const status = useSecondFactor();
  const start = useStartEnrolment();
  const refreshUser = useRefreshCurrentUser();
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  let body: ReactNode;
  if (recoveryCodes) {
    body = (
      <RecoveryCodesPanel
        codes={recoveryCodes}
        onDone={() => {
          setRecoveryCodes(null);
          void refreshUser();
        }}
      />
    );
  } else if (!status.data) {
    body = status.error ? <Alert tone="error">{errorMessage(status.error, t)}</Alert> : <LoadingIndicator />;
  } else if (status.data.enabled) {
    body = <EnabledSecondFactor status={status.data} onNewCodes={setRecoveryCodes} />;
  } else if (enrolment) {
    body = (
      <EnrolmentSteps
        enrolment={enrolment}
        onConfirmed={(codes) => {
          setEnrolment(null);
          setRecoveryCodes(codes);
        }}
      />
    );
  } else {
    body = (
      <>
        <p>{t('profile.secondFactor.offIntro')}</p>
        <Button
          busy={start.isPending}
          data-testid="second-factor-start"
          onClick={() => {
            setError(null);
            start.mutate(undefined, { onSuccess: setEnrolment, onError: (cause) => setError(errorMessage(cause, t)) });
          }}
        >
          {t('profile.secondFactor.start')}
        </Button>
      </>
    );
  }

  return (
    <section aria-labelledby="second-factor-title" data-testid="second-factor">
      <h2 id="second-factor-title">{t('profile.secondFactor.title')}</h2>
      <p>{t('profile.secondFactor.intro')}</p>
      {enrolmentRequired ? (
        <Alert tone="warning" data-testid="second-factor-required">
          {t('profile.secondFactor.requiredNow')}
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {body}
    </section>
  );
}

function EnabledSecondFactor({
  status,
  onNewCodes,
}: {
  status: SecondFactorStatus;
  onNewCodes: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableSecondFactor();
  return (
    <>
      <p data-testid="second-factor-on">
        {t('profile.secondFactor.onSince')} {status.enabledAt ? <DateTime value={status.enabledAt} /> : null}.{' '}
        {t('profile.secondFactor.codesLeft', { count: status.recoveryCodesLeft })}
      </p>
      <ProofForm
        id="recovery-codes-renew"
        title={t('profile.secondFactor.renewTitle')}
        intro={t('profile.secondFactor.renewIntro')}
        submit={t('profile.secondFactor.renew')}
        busy={regenerate.isPending}
        run={async (proof) => onNewCodes((await regenerate.mutateAsync(proof)).recoveryCodes)}
      />
      {status.required ? (
        <p data-testid="second-factor-mandatory">{t('profile.secondFactor.mandatory')}</p>
      ) : (
        <ProofForm
          id="second-factor-disable"
          title={t('profile.secondFactor.disableTitle')}
          intro={t('profile.secondFactor.disableIntro')}
          submit={t('profile.secondFactor.disable')}
          danger
          busy={disable.isPending}
          run={(proof) => disable.mutateAsync(proof)}
        />
      )}
    </>
  );
}

/** A current code from the app, or else the password, to confirm a change. */
function ProofForm(props: {
  id: string;
  title: string;
  intro: string;
  submit: string;
  danger?: boolean;
  busy: boolean;
  run: (proof: SecondFactorProof) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useForm<{ code: string; password: string }>({ defaultValues: { code: '', password: '' } });
  const formError = useFormProblem();
  const onSubmit = form.handleSubmit(async ({ code, password }) => {
    formError.clear();
    try {
      await props.run(code.trim() ? { code: code.trim() } : { password });
      form.reset();
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['code', 'password']);
      formError.show(errorMessage(error, t));
    }
  });
  return (
    <div aria-labelledby={`${props.id}-title`} role="group" className="second-factor__proof">
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      <p>{props.intro}</p>
      {formError.problem ? (
        <Alert key={formError.attempt} tone="error" data-testid={`${props.id}-error`}>
          {formError.problem}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy={`${props.id}-title`}>
        <FormField
          name="code"
          label={t('profile.secondFactor.codeLabel')}
          maxLength={7}
          autoComplete="one-time-code"
          inputMode="numeric"
          data-testid={`${props.id}-code`}
        />
        <FormField
          name="password"
          type="password"
          label={t('profile.secondFactor.orPassword')}
          maxLength={1024}
          autoComplete="current-password"
          rules={{
            validate: (value: string, values: Record<string, unknown>) =>
              (typeof values.code === 'string' && values.code.trim() !== '') ||
              value !== '' ||
              'profile.secondFactor.proofMissing',
          }}
          data-testid={`${props.id}-password`}
        />
        <SubmitButton
          variant={props.danger ? 'danger' : 'primary'}
          busy={props.busy}
          data-testid={`${props.id}-submit`}
        >
          {props.submit}
        </SubmitButton>
      </FormShell>
    </div>
  );
}
