import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { WEB_ROUTES } from '@portal/contracts';
import { useChangeRequests, useDossierReports } from '../../api/after-award';
import { useDossier } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { DossierFinances } from '../settlement/dossier-finances';
import { ChangeRequestForm } from './change-request-form';
import { ChangeRequestTable } from './change-request-table';
import { ReportStatusBadge } from './report-status-badge';

/** `/aanvrager/dossiers/:id/opvolging`: after the award, the reports the call asks and the changes asked (ADR 0024). */
export function FollowUpPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dossier = useDossier(id);
  const reports = useDossierReports(id);
  const changes = useChangeRequests(id);
  const title = t('afterAward.followUpTitle');
  const awarded = dossier.data?.status === 'awarded';

  return (
    <div>
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to={WEB_ROUTES.applicantDossier(id)}>{t('afterAward.backToDossier')}</Link>
      </p>
      <h1>{title}</h1>
      {dossier.data ? (
        <p className="lead">
          {dossier.data.reference} · {dossier.data.title}
        </p>
      ) : null}
      {dossier.isPending || reports.isPending ? <LoadingIndicator /> : null}
      {reports.error ? <Alert tone="error">{errorMessage(reports.error, t)}</Alert> : null}
      {awarded ? <DossierFinances dossierId={id} /> : null}
      <section aria-labelledby="reports-title" className="section">
        <h2 id="reports-title">{t('afterAward.reportsTitle')}</h2>
        <DataTable
          caption={t('afterAward.reportsCaption')}
          hideCaption
          stackOnPhone
          columns={[
            {
              id: 'kind',
              header: t('afterAward.report.kind'),
              rowHeader: true,
              cell: (r) => (
                <Link to={WEB_ROUTES.dossierReport(id, r.kind)} data-testid={`report-link-${r.kind}`}>
                  {t(`afterAward.kind.${r.kind}`)}
                </Link>
              ),
            },
            {
              id: 'status',
              header: t('afterAward.status'),
              cell: (r) => <ReportStatusBadge status={r.status} overdue={r.overdue} />,
            },
            { id: 'due', header: t('afterAward.dueAt'), cell: (r) => (r.dueAt ? <DateTime value={r.dueAt} /> : '—') },
          ]}
          rows={reports.data ?? []}
          rowKey={(r) => r.kind}
          emptyMessage={t('afterAward.noReports')}
        />
      </section>
      <section aria-labelledby="changes-title" className="section">
        <h2 id="changes-title">{t('afterAward.changesTitle')}</h2>
        <ChangeRequestTable rows={changes.data ?? []} caption={t('afterAward.changesCaption')} />
      </section>
      {awarded ? <ChangeRequestForm dossierId={id} /> : null}
    </div>
  );
}
