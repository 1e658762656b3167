import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { selectionReasonText, WEB_ROUTES } from '@portal/contracts';
import { decisionLetterUrl, useDecline, useDossierDecision } from '../../api/assessment';
import { Alert } from '../../components/alert';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';
import { formatScore } from '../../lib/format';
import { MotivationForm } from './motivation-form';

/** The applicant's view of the decision on a submitted dossier: outcome, amount, reasons, scores, letter. */
export function DecisionPanel({ dossierId }: { dossierId: string }) {
  const { t, i18n } = useTranslation();
  const decision = useDossierDecision(dossierId);
  const decline = useDecline(dossierId);
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  const view = decision.data;
  if (!view) return null;
  return (
    <section
      className="panel"
      aria-labelledby="decision-title"
      data-testid="decision-panel"
      data-outcome={view.outcome}
    >
      <h2 id="decision-title">{t('decision.title')}</h2>
      {view.outcome === 'pending' ? (
        <p data-testid="decision-pending">{t('decision.pending')}</p>
      ) : (
        <>
          <p>
            <StatusBadge status={view.outcome} label={t(`decision.outcome.${view.outcome}`)} />
          </p>
          <p data-testid="decision-summary">
            {view.outcome === 'awarded' ? (
              <>
                {t('decision.awarded')}{' '}
                <strong>
                  <Money cents={view.grantedCents} />
                </strong>
              </>
            ) : view.outcome === 'reserve' ? (
              t('decision.reserve', { position: view.reservePosition ?? '' })
            ) : (
              t(`decision.text.${view.outcome}`)
            )}
          </p>
          {view.reason ? <p>{selectionReasonText(view.reason, locale)}</p> : null}
          {view.motivation ? (
            <p>
              <strong>{t('assessment.motivation')}:</strong> {view.motivation}
            </p>
          ) : null}
          {view.decisionReference ? (
            <p className="muted">
              {t('decision.reference', { reference: view.decisionReference, date: view.decisionDate })}
            </p>
          ) : null}
          {view.scores.length ? (
            <table className="data-table" data-testid="decision-scores">
              <caption>{t('decision.scores')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('decision.criterion')}</th>
                  <th scope="col" className="cell--end">
                    {t('decision.score')}
                  </th>
                  <th scope="col" className="cell--end">
                    {t('decision.weight')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.scores.map((s) => (
                  <tr key={s.criterionCode}>
                    <th scope="row">{s.label}</th>
                    <td className="cell--end">
                      {formatScore(s.score)} / {s.scaleMax}
                    </td>
                    <td className="cell--end">{s.weight}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {view.letterAvailable ? (
            <p>
              <a href={decisionLetterUrl(dossierId)} download data-testid="decision-letter">
                {t('decision.letter')}
              </a>
            </p>
          ) : null}
          {view.outcome === 'awarded' ? (
            <p>
              <Link to={WEB_ROUTES.dossierFollowUp(dossierId)} data-testid="decision-follow-up">
                {t('afterAward.followUpLink')}
              </Link>
            </p>
          ) : null}
          {view.canDecline ? (
            <details>
              <summary>{t('decision.declineTitle')}</summary>
              <Alert tone="warning">{t('decision.declineWarning')}</Alert>
              <MotivationForm
                label={t('decision.declineReason')}
                submitLabel={t('decision.decline')}
                variant="danger"
                confirm={t('decision.declineConfirm')}
                testId="decline-form"
                onSubmit={(values) => decline.mutateAsync({ motivation: values.text.trim() })}
              />
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
