import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProposalSummary } from '@portal/contracts';
import { useProposals } from '../../api/assessment';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';

/** `/kabinet`: the selection proposals sent to the minister, and those already decided. */
export function MinisterHomePage() {
  const { t } = useTranslation();
  const proposals = useProposals();
  const title = t('roleHome.minister.title');
  return (
    <>
      <DocumentTitle page={title} />
      <h1 data-testid="role-home" data-role="minister">
        {title}
      </h1>
      <p className="lead">{t('assessment.ministerIntro')}</p>
      {proposals.error ? <Alert tone="error">{errorMessage(proposals.error, t)}</Alert> : null}
      {proposals.data ? (
        <DataTable<ProposalSummary>
          caption={t('assessment.proposalsCaption')}
          rows={proposals.data}
          rowKey={(p) => p.callId}
          rowData={(p) => ({ 'data-testid': 'proposal-summary', 'data-status': p.status })}
          emptyMessage={t('assessment.noProposalsForMinister')}
          columns={[
            {
              id: 'call',
              header: t('assessment.call'),
              rowHeader: true,
              cell: (p) => (
                <Link
                  to={p.kind === 'catalogue' ? `/kabinet/catalogus/${p.callId}` : `/kabinet/oproepen/${p.callId}`}
                  data-testid={`open-proposal-${p.callCode}`}
                >
                  {p.callTitle}
                </Link>
              ),
            },
            {
              id: 'status',
              header: t('assessment.proposalStatus'),
              cell: (p) => (
                <>
                  <StatusBadge status={p.status} label={t(`assessment.proposalStatuses.${p.status}`)} />
                  {p.openPromotions ? (
                    <>
                      {' '}
                      <StatusBadge
                        status="proposed"
                        label={t('assessment.openPromotions', { count: p.openPromotions })}
                        tone="warning"
                      />
                    </>
                  ) : null}
                </>
              ),
            },
            { id: 'selected', header: t('assessment.selectedCount'), align: 'end', cell: (p) => p.selectedCount },
            {
              id: 'granted',
              header: t('assessment.granted'),
              align: 'end',
              cell: (p) => <Money cents={p.grantedCents} />,
            },
            {
              id: 'budget',
              header: t('assessment.budget'),
              align: 'end',
              cell: (p) => <Money cents={p.budgetCents} />,
            },
            {
              id: 'sent',
              header: t('assessment.sentAt'),
              cell: (p) => (p.sentAt ? <DateTime value={p.sentAt} /> : '–'),
            },
          ]}
        />
      ) : (
        !proposals.error && <LoadingIndicator />
      )}
    </>
  );
}
