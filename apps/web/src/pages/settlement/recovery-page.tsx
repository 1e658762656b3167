import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { recoveryLetterUrl, useRecovery } from '../../api/settlement';
import { Alert } from '../../components/alert';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { CalendarDay } from './calendar-day';
import { RepaymentForm } from './repayment-form';

/** `/administratie/terugvorderingen/:id`: a recovery, its letter, its repayments, and recording one (ADR 0025). */
export function RecoveryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const recovery = useRecovery(id);
  const view = recovery.data;
  const title = t('settlement.recovery.title', { reference: view?.reference ?? '' });
  const today = new Date().toISOString().slice(0, 10);

  return (
    <div>
      <DocumentTitle page={title} />
      {view ? (
        <p className="breadcrumb">
          <Link to={`/administratie/oproepen/${view.callId}/grootboek`}>{t('settlement.ledger.back')}</Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      {recovery.isPending ? <LoadingIndicator /> : null}
      {recovery.error ? <Alert tone="error">{errorMessage(recovery.error, t)}</Alert> : null}
      {view ? (
        <>
          <p className="lead">
            {view.applicantName} · {view.callTitle}
          </p>
          <dl className="facts" data-testid="recovery-facts" data-status={view.status}>
            <dt>{t('settlement.recovery.amount')}</dt>
            <dd>
              <Money cents={view.amountCents} />
            </dd>
            <dt>{t('settlement.recovery.repaid')}</dt>
            <dd data-testid="recovery-repaid">
              <Money cents={view.repaidCents} />
            </dd>
            <dt>{t('settlement.recovery.open')}</dt>
            <dd data-testid="recovery-open">
              <Money cents={view.openCents} />
            </dd>
            <dt>{t('settlement.recovery.dueOn')}</dt>
            <dd>
              <CalendarDay value={view.dueOn} />
              {view.overdue ? ` (${t('settlement.recovery.overdue')})` : ''}
            </dd>
            <dt>{t('settlement.recovery.status')}</dt>
            <dd data-testid="recovery-status">{t(`settlement.recovery.state.${view.status}`)}</dd>
            <dt>{t('settlement.recovery.reminders')}</dt>
            <dd>{view.remindersSent}</dd>
          </dl>
          <p>
            <a href={recoveryLetterUrl(view.dossierId)} download data-testid="recovery-letter">
              {t('settlement.recovery.letter')}
            </a>
          </p>
          <section aria-labelledby="repayments-title" className="section">
            <h2 id="repayments-title">{t('settlement.recovery.repayments')}</h2>
            <DataTable
              caption={t('settlement.recovery.repaymentsCaption')}
              hideCaption
              stackOnPhone
              columns={[
                {
                  id: 'paidOn',
                  header: t('settlement.recovery.paidOn'),
                  rowHeader: true,
                  cell: (r) => <CalendarDay value={r.paidOn} />,
                },
                {
                  id: 'amount',
                  header: t('settlement.recovery.repaymentAmount'),
                  align: 'end',
                  cell: (r) => <Money cents={r.amountCents} />,
                },
                {
                  id: 'by',
                  header: t('settlement.recovery.recordedBy'),
                  cell: (r) => (
                    <>
                      {r.recordedByName}, <DateTime value={r.recordedAt} />
                    </>
                  ),
                },
              ]}
              rows={view.repayments}
              rowKey={(r) => r.id}
              emptyMessage={t('settlement.recovery.noRepayments')}
            />
            {view.status === 'open' ? <RepaymentForm recoveryId={view.id} today={today} /> : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
