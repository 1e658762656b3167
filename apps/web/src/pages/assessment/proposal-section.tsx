import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankingRow } from '@portal/contracts';
import { exportUrl, useCreateProposal, useProposal, useSendProposal } from '../../api/assessment';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { LoadingIndicator } from '../../components/loading-indicator';
import { StatusBadge } from '../../components/status-badge';
import { centsToDecimal } from '../../lib/format';
import { parseEuroToCents } from '../../lib/money-input';
import { MotivationForm } from './motivation-form';
import { ProposalTable } from './proposal-table';

interface Deviation {
  dossierId: string;
  kind: 'select' | 'exclude' | 'adjust';
  adjustedCents?: number;
  motivation: string;
}

/** The admin computes the proposal from the ranking (margin rule, motivated deviations), then sends it to the minister. */
export function ProposalSection({
  callId,
  ranking,
  canCompute = true,
}: {
  callId: string;
  ranking: readonly RankingRow[];
  /** The call's phase allows computing and sending a proposal (not once it is with the minister or decided). */
  canCompute?: boolean;
}) {
  const { t } = useTranslation();
  const proposal = useProposal(callId);
  const create = useCreateProposal(callId);
  const send = useSendProposal(callId);
  const [marginRule, setMarginRule] = useState<'skip' | 'partial'>('skip');
  const [deviations, setDeviations] = useState<Deviation[]>([]);
  // Sending hands the proposal to the cabinet (frozen until it comes back): confirmed in the page first.
  const [confirmingSend, setConfirmingSend] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const marginId = useId();

  if (proposal.error) return <Alert tone="warning">{errorMessage(proposal.error, t)}</Alert>;
  if (proposal.data === undefined) return <LoadingIndicator />;
  const current = proposal.data;
  const editable = canCompute && (!current || current.status === 'draft' || current.status === 'returned');
  const blocked = current ? current.stale || current.openReviews.length > 0 : false;

  const compute = async () => {
    setMessage(null);
    try {
      await create.mutateAsync({
        marginRule,
        overrides: deviations
          .filter((d) => d.kind !== 'adjust')
          .map((d) => ({ dossierId: d.dossierId, decision: d.kind as 'select' | 'exclude', motivation: d.motivation })),
        adjustments: deviations
          .filter((d) => d.kind === 'adjust')
          .map((d) => ({ dossierId: d.dossierId, adjustedCents: d.adjustedCents!, motivation: d.motivation })),
      });
      setMessage({ tone: 'success', text: t('assessment.proposalComputed') });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
  };

  const sendToMinister = async () => {
    setConfirmingSend(false);
    setMessage(null);
    try {
      await send.mutateAsync();
      setMessage({ tone: 'success', text: t('assessment.proposalSent') });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
  };

  return (
    <>
      {current ? (
        <p>
          {t('assessment.proposalStatus')}:{' '}
          <StatusBadge status={current.status} label={t(`assessment.proposalStatuses.${current.status}`)} />
        </p>
      ) : (
        <p>{t('assessment.noProposal')}</p>
      )}
      {current?.status === 'returned' && current.remarks ? (
        <Alert tone="warning" title={t('assessment.returnedRemarks')} data-testid="returned-remarks">
          {current.remarks}
        </Alert>
      ) : null}
      {editable && current?.stale ? (
        <Alert tone="warning" title={t('lifecycle.staleTitle')} data-testid="proposal-stale">
          {t('lifecycle.stale')}
        </Alert>
      ) : null}
      {editable && current && current.openReviews.length > 0 ? (
        <Alert
          tone="warning"
          title={t('lifecycle.openReviewsTitle', { count: current.openReviews.length })}
          data-testid="proposal-open-reviews"
        >
          <p>{t('lifecycle.openReviews')}</p>
          <ul>
            {current.openReviews.map((r, i) => (
              <li key={i}>
                {r.reference ?? '—'}: {r.reviewerName}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {message ? (
        <Alert tone={message.tone} data-testid="proposal-message">
          {message.text}
        </Alert>
      ) : null}
      {editable ? (
        <div className="panel">
          <div className="filter-bar">
            <label htmlFor={marginId}>{t('assessment.marginRule')}</label>
            <select
              id={marginId}
              value={marginRule}
              onChange={(e) => setMarginRule(e.target.value as 'skip' | 'partial')}
              data-testid="margin-rule"
            >
              <option value="skip">{t('assessment.margin.skip')}</option>
              <option value="partial">{t('assessment.margin.partial')}</option>
            </select>
          </div>
          {deviations.length ? (
            <ul data-testid="deviations">
              {deviations.map((d, i) => (
                <li key={i}>
                  {ranking.find((r) => r.dossierId === d.dossierId)?.reference}: {t(`assessment.deviation.${d.kind}`)}
                  {d.adjustedCents !== undefined
                    ? ` (${centsToDecimal(d.adjustedCents) ?? d.adjustedCents} EUR)`
                    : ''}{' '}
                  — {d.motivation}{' '}
                  <Button variant="secondary" onClick={() => setDeviations(deviations.filter((_, j) => j !== i))}>
                    {t('assessment.removeDeviation')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          <DeviationForm ranking={ranking} onAdd={(d) => setDeviations([...deviations, d])} />
          <div className="button-row">
            <Button busy={create.isPending} onClick={() => void compute()} data-testid="compute-proposal">
              {t('assessment.computeProposal')}
            </Button>
            {current && editable && !blocked ? (
              <Button
                variant="secondary"
                busy={send.isPending}
                onClick={() => setConfirmingSend(true)}
                disabled={confirmingSend}
                data-testid="send-proposal"
              >
                {t('assessment.sendProposal')}
              </Button>
            ) : null}
          </div>
          {confirmingSend ? (
            <div
              className="confirm-step"
              role="group"
              aria-labelledby="send-proposal-question"
              data-testid="send-proposal-confirm-step"
            >
              <p id="send-proposal-question" className="confirm-step__question">
                {t('assessment.sendConfirm')}
              </p>
              <div className="button-row">
                <Button
                  variant="primary"
                  busy={send.isPending}
                  onClick={() => void sendToMinister()}
                  data-testid="send-proposal-confirm"
                >
                  {t('confirmStep.confirm')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirmingSend(false)}>
                  {t('confirmStep.cancel')}
                </Button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      {current ? (
        <>
          <p className="button-row">
            <a href={exportUrl(callId, 'proposal', 'xlsx')} data-testid="export-proposal-xlsx">
              {t('assessment.exportXlsx')}
            </a>
            <a href={exportUrl(callId, 'proposal', 'csv')} data-testid="export-proposal-csv">
              {t('assessment.exportCsv')}
            </a>
          </p>
          <ProposalTable proposal={current} />
        </>
      ) : null}
    </>
  );
}

function DeviationForm({ ranking, onAdd }: { ranking: readonly RankingRow[]; onAdd: (d: Deviation) => void }) {
  const { t } = useTranslation();
  const [dossierId, setDossierId] = useState('');
  const [kind, setKind] = useState<Deviation['kind']>('adjust');
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const dossierField = useId();
  const kindField = useId();
  const amountField = useId();
  return (
    <details className="panel">
      <summary>{t('assessment.addDeviation')}</summary>
      <div className="filter-bar">
        <label htmlFor={dossierField}>{t('assessment.dossier')}</label>
        <select id={dossierField} value={dossierId} onChange={(e) => setDossierId(e.target.value)}>
          <option value="">{t('assessment.choose')}</option>
          {ranking.map((r) => (
            <option key={r.dossierId} value={r.dossierId}>
              {r.rank}. {r.reference} — {r.applicantName}
            </option>
          ))}
        </select>
        <label htmlFor={kindField}>{t('assessment.deviationKind')}</label>
        <select id={kindField} value={kind} onChange={(e) => setKind(e.target.value as Deviation['kind'])}>
          {(['adjust', 'select', 'exclude'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`assessment.deviation.${k}`)}
            </option>
          ))}
        </select>
        {kind === 'adjust' ? (
          <>
            <label htmlFor={amountField}>{t('assessment.adjustedAmount')}</label>
            <input
              id={amountField}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={amountError ? true : undefined}
            />
            {amountError ? <span className="field-error">{amountError}</span> : null}
          </>
        ) : null}
      </div>
      <MotivationForm
        label={t('assessment.motivation')}
        help={t('assessment.deviationHelp')}
        submitLabel={t('assessment.addDeviation')}
        variant="secondary"
        testId="deviation-form"
        onSubmit={async (values) => {
          if (!dossierId) throw new Error(t('assessment.chooseDossier'));
          let adjustedCents: number | undefined;
          if (kind === 'adjust') {
            const parsed = parseEuroToCents(amount);
            if (parsed === null || parsed <= 0) {
              setAmountError(t('assessment.invalidAmount'));
              throw new Error(t('assessment.invalidAmount'));
            }
            adjustedCents = parsed;
          }
          setAmountError(null);
          onAdd({ dossierId, kind, adjustedCents, motivation: values.text.trim() });
          return Promise.resolve();
        }}
      />
    </details>
  );
}
