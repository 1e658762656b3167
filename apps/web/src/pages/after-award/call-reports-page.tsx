import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCallChangeRequests, useCallReports, useReportSettings } from '../../api/after-award';
import { useCall } from '../../api/calls';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { ChangeDecision } from './change-decision';
import { ChangeRequestTable } from './change-request-table';
import { ReportSettingsForm } from './report-settings-form';
import { ReportStatusBadge } from './report-status-badge';

/** `/administratie/oproepen/:id/rapporten`: a call's reporting, its reports (due, overdue) and change requests. */
export function CallReportsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const call = useCall(id);
  const settings = useReportSettings(id);
  const reports = useCallReports(id);
  const changes = useCallChangeRequests(id);
  const title = t('afterAward.callTitle', { call: call.data?.title ?? '' });

  return (
    <div>
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to="/administratie">{t('admin.backToAdmin')}</Link>
        {' · '}
        <Link to={`/administratie/oproepen/${id}/beoordeling`}>{t('panel.toAssessment')}</Link>
      </p>
      <h1>{title}</h1>
      {settings.isPending || reports.isPending ? <LoadingIndicator /> : null}
      {settings.error ? <Alert tone="error">{errorMessage(settings.error, t)}</Alert> : null}
      {settings.data ? <ReportSettingsForm callId={id} settings={settings.data} /> : null}
      <section aria-labelledby="call-reports-title" className="section">
        <h2 id="call-reports-title">{t('afterAward.reportsTitle')}</h2>
        <DataTable
          caption={t('afterAward.callReportsCaption', { count: reports.data?.length ?? 0 })}
          stackOnPhone
          columns={[
            {
              id: 'dossier',
              header: t('afterAward.dossier'),
              rowHeader: true,
              cell: (r) => `${r.dossierReference ?? ''} · ${r.applicantName}`,
            },
            { id: 'kind', header: t('afterAward.report.kind'), cell: (r) => t(`afterAward.kind.${r.kind}`) },
            {
              id: 'status',
              header: t('afterAward.status'),
              cell: (r) => <ReportStatusBadge status={r.status} overdue={r.overdue} />,
            },
            { id: 'due', header: t('afterAward.dueAt'), cell: (r) => (r.dueAt ? <DateTime value={r.dueAt} /> : '—') },
            {
              id: 'open',
              header: t('afterAward.actions'),
              cell: (r) =>
                r.id && r.status !== 'draft' ? (
                  <Link to={`/administratie/rapporten/${r.id}`} data-testid="report-review-link">
                    {t('afterAward.review')}
                    <span className="visually-hidden"> {r.dossierReference}</span>
                  </Link>
                ) : (
                  '—'
                ),
            },
          ]}
          rows={reports.data ?? []}
          rowKey={(r) => `${r.dossierId}-${r.kind}`}
          rowData={(r) => ({
            'data-testid': 'call-report-row',
            'data-status': r.status,
            'data-reference': r.dossierReference ?? '',
          })}
          emptyMessage={t('afterAward.noCallReports')}
        />
      </section>
      <section aria-labelledby="call-changes-title" className="section">
        <h2 id="call-changes-title">{t('afterAward.changesTitle')}</h2>
        <ChangeRequestTable
          rows={changes.data ?? []}
          caption={t('afterAward.changesCaption')}
          showDossier
          actions={(change) => <ChangeDecision callId={id} change={change} />}
        />
      </section>
    </div>
  );
}
