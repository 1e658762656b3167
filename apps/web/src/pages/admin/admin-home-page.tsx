import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { useCalls } from '../../api/calls';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { EmptyState } from '../../components/empty-state';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';
import { callPhase } from '../../lib/localized';

/** `/administratie`: every call, drafts included, with a link to its editor. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const calls = useCalls(true);
  const title = t('roleHome.admin.title');

  const columns: DataTableColumn<CallView>[] = [
    {
      id: 'title',
      header: t('admin.callTitle'),
      rowHeader: true,
      cell: (call) => (
        <>
          <Link to={`/administratie/oproepen/${call.id}`} data-testid={`admin-call-link-${call.code}`}>
            {call.title || call.code}
          </Link>
          <br />
          <span className="code">{call.code}</span>
          {call.kind === 'catalogue' ? (
            <>
              <br />
              <Link to={`/administratie/catalogus/${call.id}`} data-testid={`catalogue-link-${call.code}`}>
                {t('catalogue.review.link')}
              </Link>
            </>
          ) : call.status === 'published' && new Date(call.closesAt) < new Date() ? (
            <>
              <br />
              <Link to={`/administratie/oproepen/${call.id}/beoordeling`} data-testid={`assessment-link-${call.code}`}>
                {t('admin.assessmentLink')}
              </Link>
              <br />
              <Link to={`/administratie/oproepen/${call.id}/panel`} data-testid={`panel-link-${call.code}`}>
                {t('panel.link')}
              </Link>
            </>
          ) : call.status === 'published' ? (
            <>
              <br />
              <Link to={`/administratie/oproepen/${call.id}/panel`} data-testid={`panel-link-${call.code}`}>
                {t('panel.link')}
              </Link>
            </>
          ) : null}
        </>
      ),
    },
    {
      id: 'status',
      header: t('admin.status'),
      cell: (call) => {
        const phase = callPhase(call);
        return (
          <>
            <StatusBadge status={call.status} />
            {phase !== 'draft' ? (
              <>
                {' '}
                <StatusBadge status={phase} />
              </>
            ) : null}
          </>
        );
      },
    },
    { id: 'opens', header: t('calls.opensAt'), cell: (call) => <DateTime value={call.opensAt} /> },
    { id: 'closes', header: t('calls.deadline'), cell: (call) => <DateTime value={call.closesAt} /> },
    { id: 'budget', header: t('calls.budget'), align: 'end', cell: (call) => <Money cents={call.budgetCents} /> },
    {
      id: 'dossiers',
      header: t('admin.dossierCount'),
      align: 'end',
      cell: (call) => (call.dossierCount === undefined ? '–' : call.dossierCount),
    },
  ];

  return (
    <>
      <DocumentTitle page={title} />
      <h1 data-testid="role-home" data-role="admin">
        {title}
      </h1>
      <p className="lead">{t('roleHome.admin.intro')}</p>
      <div className="button-row admin-actions">
        <Link to="/administratie/oproepen/nieuw" className="btn btn--primary btn--link" data-testid="new-call">
          {t('admin.newCall')}
        </Link>
        <Link to="/administratie/meldingen" data-testid="link-notifications">
          {t('admin.notificationsLink')}
        </Link>
        <Link to="/administratie/audit" data-testid="link-audit">
          {t('admin.auditLink')}
        </Link>
      </div>
      {calls.isPending ? <LoadingIndicator /> : null}
      {calls.error ? <Alert tone="error">{errorMessage(calls.error, t)}</Alert> : null}
      {calls.data && calls.data.length === 0 ? (
        <EmptyState data-testid="role-home-empty">{t('roleHome.admin.empty')}</EmptyState>
      ) : null}
      {calls.data && calls.data.length > 0 ? (
        <DataTable
          caption={t('admin.callsCaption')}
          columns={columns}
          rows={calls.data}
          rowKey={(call) => call.id}
          busy={calls.isFetching}
          data-testid="admin-call-table"
        />
      ) : null}
    </>
  );
}
