import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '@portal/contracts';
import { useWithdrawDossier } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';

interface WithdrawSectionProps {
  dossierId: string;
  onWithdrawn: (view: DossierView) => void;
}

/** "Dossier intrekken" with a confirmation step; focus moves to the question when it opens. */
export function WithdrawSection({ dossierId, onWithdrawn }: WithdrawSectionProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) boxRef.current?.focus();
  }, [confirming]);
  const withdraw = useWithdrawDossier(dossierId, {
    onSuccess: (view) => {
      setConfirming(false);
      onWithdrawn(view);
    },
  });

  return (
    <section className="withdraw" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('dossier.withdrawTitle')}</h2>
      <p>{t('dossier.withdrawIntro')}</p>
      {confirming ? (
        <div ref={boxRef} tabIndex={-1} className="confirm-box" role="group" aria-labelledby="withdraw-confirm-text">
          <p id="withdraw-confirm-text">
            <strong>{t('dossier.withdrawConfirm')}</strong>
          </p>
          {withdraw.error ? <Alert tone="error">{errorMessage(withdraw.error, t)}</Alert> : null}
          <div className="button-row">
            <Button
              variant="danger"
              busy={withdraw.isPending}
              onClick={() => withdraw.mutate()}
              data-testid="withdraw-confirm"
            >
              {t('dossier.withdrawYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('dossier.withdrawCancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)} data-testid="withdraw-dossier">
          {t('dossier.withdraw')}
        </Button>
      )}
    </section>
  );
}
