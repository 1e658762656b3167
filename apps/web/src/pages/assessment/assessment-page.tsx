import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { exportUrl, useAdmissibility, useAssignments, useProposal, useRanking, useScores } from '../../api/assessment';
import { useCall } from '../../api/calls';
import { usePanel } from '../../api/panels';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { allowedActs } from '@portal/domain';
import { BudgetDecisionPanel } from './budget-decision-panel';
import { PhaseBanner } from '../../components/phase-banner';
import { AdmissibilitySection } from './admissibility-section';
import { AssignmentSection } from './assignment-section';
import { ConsensusSection } from './consensus-section';
import { ProposalSection } from './proposal-section';
import { RankingTable } from './ranking-table';
import { ReserveSection } from './reserve-section';
import { PaymentsSection } from '../funding/payments-section';

const SECTIONS = ['ontvankelijkheid', 'toewijzing', 'scores', 'rangschikking', 'voorstel', 'reserve'] as const;

/** `/administratie/oproepen/:id/beoordeling`: every step after the deadline, in order, on one page. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const call = useCall(id);
  // Every section's list is requested together with the call, not after it (the sections read the same queries).
  useAdmissibility(id);
  useAssignments(id);
  usePanel(id);
  useScores(id);
  useRanking(id);
  useProposal(id);
  if (call.error) return <Alert tone="error">{errorMessage(call.error, t)}</Alert>;
  if (!call.data) return <LoadingIndicator />;
  return <Assessment call={call.data} />;
}

function Assessment({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const ranking = useRanking(call.id);
  const proposal = useProposal(call.id);
  const title = t('assessment.title', { call: call.title });
  // What the administration may still do in the call's phase (the table the API and the database also hold).
  const acts = new Set(allowedActs(call.phase, ['admin']));
  return (
    <>
      <DocumentTitle page={title} />
      <p>
        <Link to="/administratie">{t('assessment.backToCalls')}</Link>
        {' · '}
        <Link to={`/administratie/oproepen/${call.id}/rapporten`} data-testid="assessment-reports-link">
          {t('afterAward.callLink')}
        </Link>
      </p>
      <h1 data-testid="assessment-title">{title}</h1>
      <PhaseBanner call={call} role="admin" />
      {acts.has('budget.decide') ? <BudgetDecisionPanel call={call} role="admin" /> : null}
      <nav aria-label={t('assessment.steps')} className="step-nav">
        <ol>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`assessment.section.${s}`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="ontvankelijkheid" className="section">
        <h2 id="ontvankelijkheid">{t('assessment.section.ontvankelijkheid')}</h2>
        <AdmissibilitySection callId={call.id} readOnly={!acts.has('admissibility.decide')} />
      </section>
      <section aria-labelledby="toewijzing" className="section">
        <h2 id="toewijzing">{t('assessment.section.toewijzing')}</h2>
        <AssignmentSection callId={call.id} readOnly={!acts.has('review.assign')} />
      </section>
      <section aria-labelledby="scores" className="section">
        <h2 id="scores">{t('assessment.section.scores')}</h2>
        <ConsensusSection callId={call.id} criteria={call.criteria} readOnly={!acts.has('consensus.set')} />
      </section>
      <section aria-labelledby="rangschikking" className="section">
        <h2 id="rangschikking">{t('assessment.section.rangschikking')}</h2>
        {ranking.error ? <Alert tone="warning">{errorMessage(ranking.error, t)}</Alert> : null}
        {ranking.data ? (
          <>
            <p className="button-row">
              <a href={exportUrl(call.id, 'ranking', 'xlsx')} data-testid="export-ranking-xlsx">
                {t('assessment.exportXlsx')}
              </a>
              <a href={exportUrl(call.id, 'ranking', 'csv')} data-testid="export-ranking-csv">
                {t('assessment.exportCsv')}
              </a>
            </p>
            <RankingTable rows={ranking.data} criteria={call.criteria} budgetCents={call.budgetCents} />
          </>
        ) : null}
      </section>
      <section aria-labelledby="voorstel" className="section">
        <h2 id="voorstel">{t('assessment.section.voorstel')}</h2>
        {ranking.data ? (
          <ProposalSection callId={call.id} ranking={ranking.data} canCompute={acts.has('proposal.compute')} />
        ) : (
          <p>{t('assessment.rankingFirst')}</p>
        )}
      </section>
      <section aria-labelledby="reserve" className="section">
        <h2 id="reserve">{t('assessment.section.reserve')}</h2>
        {proposal.data?.status === 'approved' ? (
          <ReserveSection callId={call.id} role="admin" />
        ) : (
          <p>{t('assessment.reserveAfterApproval')}</p>
        )}
      </section>
      <section aria-labelledby="betalingen" className="section">
        <h2 id="betalingen">{t('funding.section')}</h2>
        {proposal.data?.status === 'approved' ? (
          <PaymentsSection callId={call.id} />
        ) : (
          <p>{t('funding.afterApproval')}</p>
        )}
      </section>
    </>
  );
}
