import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApproveProposal, useProposal, useRanking, useReturnProposal } from '../../api/assessment';
import { useCall } from '../../api/calls';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { StatusBadge } from '../../components/status-badge';
import { isActAllowed } from '@portal/domain';
import { PhaseBanner } from '../../components/phase-banner';
import { BudgetDecisionPanel } from './budget-decision-panel';
import { MotivationForm } from './motivation-form';
import { ProposalTable } from './proposal-table';
import { RankingTable } from './ranking-table';
import { ReserveSection } from './reserve-section';

/** `/kabinet/oproepen/:id`: the minister reads the proposal and approves it (the legal decision) or sends it back. */
export function MinisterProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const call = useCall(id);
  const proposal = useProposal(id);
  const ranking = useRanking(id);
  const approve = useApproveProposal(id);
  const giveBack = useReturnProposal(id);
  const failed = call.error ?? proposal.error;
  if (failed) return <Alert tone="error">{errorMessage(failed, t)}</Alert>;
  if (!call.data || proposal.data === undefined) return <LoadingIndicator />;
  const title = t('assessment.ministerTitle', { call: call.data.title });
  const current = proposal.data;
  return (
    <>
      <DocumentTitle page={title} />
      <p>
        <Link to="/kabinet">{t('assessment.backToProposals')}</Link>
      </p>
      <h1 data-testid="minister-proposal-title">{title}</h1>
      <PhaseBanner call={call.data} role="minister" />
      {isActAllowed('budget.decide', call.data.phase, 'minister') ? (
        <BudgetDecisionPanel call={call.data} role="minister" />
      ) : null}
      {!current ? (
        <p>{t('assessment.noProposal')}</p>
      ) : (
        <>
          <p>
            {t('assessment.proposalStatus')}:{' '}
            <StatusBadge status={current.status} label={t(`assessment.proposalStatuses.${current.status}`)} />
            {current.decisionReference ? (
              <span data-testid="decision-reference">
                {' '}
                {t('assessment.decidedAs', { reference: current.decisionReference, date: current.decisionDate })}
              </span>
            ) : null}
          </p>
          <ProposalTable proposal={current} />
          {current.status === 'sent' ? (
            <div className="two-columns">
              <section className="panel" aria-labelledby="approve-title">
                <h2 id="approve-title">{t('assessment.approveTitle')}</h2>
                <p>{t('assessment.approveHelp')}</p>
                <MotivationForm
                  decision
                  label=""
                  submitLabel={t('assessment.approve')}
                  confirm={t('assessment.approveConfirm')}
                  testId="approve-form"
                  onSubmit={(values) =>
                    approve.mutateAsync({
                      decisionDate: values.decisionDate,
                      decisionReference: values.decisionReference.trim(),
                    })
                  }
                />
              </section>
              <section className="panel" aria-labelledby="return-title">
                <h2 id="return-title">{t('assessment.returnTitle')}</h2>
                <MotivationForm
                  label={t('assessment.remarks')}
                  submitLabel={t('assessment.returnProposal')}
                  variant="secondary"
                  testId="return-form"
                  onSubmit={(values) => giveBack.mutateAsync({ remarks: values.text.trim() })}
                />
              </section>
            </div>
          ) : null}
          {current.status === 'approved' ? (
            <section aria-labelledby="reserve-title" className="section">
              <h2 id="reserve-title">{t('assessment.section.reserve')}</h2>
              <ReserveSection callId={id} role="minister" />
            </section>
          ) : null}
          {ranking.data ? (
            <details className="section">
              <summary>{t('assessment.showRanking')}</summary>
              <RankingTable rows={ranking.data} criteria={call.data.criteria} budgetCents={call.data.budgetCents} />
            </details>
          ) : null}
        </>
      )}
    </>
  );
}
