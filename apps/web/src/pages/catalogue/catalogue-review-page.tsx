import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CatalogueAllocationView, CatalogueReport, CatalogueReportRow } from '@portal/contracts';
import {
  allocationExportUrl,
  approveAllocation,
  CATALOGUE_QUERY_KEY,
  computeAllocation,
  reportExportUrl,
  returnAllocation,
  sendAllocation,
  useAllocation,
  useCatalogueReport,
} from '../../api/catalogue';
import { useCall } from '../../api/calls';
import { errorMessage } from '../../api/error-message';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/use-auth';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { formatMoney } from '../../lib/format';
import { currentLanguage } from '../../i18n';
import { SubscriberAllocation } from './allocation-explanation';
import { BarChart } from './bar-chart';

/**
 * `/administratie/catalogus/:id` and `/kabinet/catalogus/:id`: the allocation of a catalogue call (computed and sent
 * by the administration, returned or approved by the minister) and the reports with a chart and downloads.
 */
export function CatalogueReviewPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const call = useCall(id);
  if (call.error) return <Alert tone="error">{errorMessage(call.error, t)}</Alert>;
  if (!call.data || !id) return <LoadingIndicator />;
  return (
    <article className="catalogue-review">
      <DocumentTitle page={`${t('catalogue.review.pageTitle')}: ${call.data.title}`} />
      <h1>
        {t('catalogue.review.pageTitle')}: {call.data.title}
      </h1>
      <AllocationSection callId={id} />
      <ReportSection callId={id} />
    </article>
  );
}

function AllocationSection({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: user } = useCurrentUser();
  const allocation = useAllocation(callId);
  const [remarks, setRemarks] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const [decisionReference, setDecisionReference] = useState('');
  const action = useMutation<CatalogueAllocationView, unknown, () => Promise<CatalogueAllocationView>>({
    mutationFn: (run) => run(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CATALOGUE_QUERY_KEY }),
  });
  const isAdmin = user ? hasRole(user, 'admin') : false;
  const isMinister = user ? hasRole(user, 'minister') : false;

  if (allocation.isPending) return <LoadingIndicator />;
  if (allocation.error) return <Alert tone="error">{errorMessage(allocation.error, t)}</Alert>;
  const view = allocation.data;
  const canCompute = isAdmin && (!view || view.status === 'draft' || view.status === 'returned');

  return (
    <section aria-labelledby="allocation-section" data-testid="allocation-section">
      <h2 id="allocation-section">{t('catalogue.allocation.title')}</h2>
      {action.error ? <Alert tone="error">{errorMessage(action.error, t)}</Alert> : null}
      {!view ? <p>{t('catalogue.review.none')}</p> : <AllocationSummary view={view} />}
      <div className="button-row">
        {canCompute ? (
          <Button
            variant={view ? 'secondary' : 'primary'}
            busy={action.isPending}
            busyLabel={t('catalogue.review.computing')}
            onClick={() => action.mutate(() => computeAllocation(callId))}
            data-testid="compute-allocation"
          >
            {view ? t('catalogue.review.recompute') : t('catalogue.review.compute')}
          </Button>
        ) : null}
        {isAdmin && view && (view.status === 'draft' || view.status === 'returned') ? (
          <Button
            variant="primary"
            busy={action.isPending}
            onClick={() => action.mutate(() => sendAllocation(callId))}
            data-testid="send-allocation"
          >
            {t('catalogue.review.send')}
          </Button>
        ) : null}
        {view ? (
          <>
            <a className="btn btn--secondary" href={allocationExportUrl(callId, 'csv')} download>
              {t('catalogue.review.download')} (CSV)
            </a>
            <a className="btn btn--secondary" href={allocationExportUrl(callId, 'xlsx')} download>
              {t('catalogue.review.download')} (XLSX)
            </a>
          </>
        ) : null}
      </div>
      {isMinister && view?.status === 'sent' ? (
        <div className="form">
          <h3>{t('catalogue.review.approveTitle')}</h3>
          <div className="form-field form-field--short">
            <label className="form-field__label" htmlFor="decision-date">
              {t('catalogue.review.decisionDate')}
            </label>
            <input
              id="decision-date"
              type="date"
              className="form-field__control"
              value={decisionDate}
              onChange={(event) => setDecisionDate(event.target.value)}
              data-testid="decision-date"
            />
          </div>
          <div className="form-field">
            <label className="form-field__label" htmlFor="decision-reference">
              {t('catalogue.review.decisionReference')}
            </label>
            <input
              id="decision-reference"
              className="form-field__control"
              value={decisionReference}
              onChange={(event) => setDecisionReference(event.target.value)}
              data-testid="decision-reference"
            />
          </div>
          <Button
            variant="primary"
            busy={action.isPending}
            disabled={!decisionDate || decisionReference.trim().length < 3}
            onClick={() => action.mutate(() => approveAllocation(callId, decisionDate, decisionReference))}
            data-testid="approve-allocation"
          >
            {t('catalogue.review.approveButton')}
          </Button>
          <h3>{t('catalogue.review.returnTitle')}</h3>
          <div className="form-field">
            <label className="form-field__label" htmlFor="return-remarks">
              {t('catalogue.review.remarks')}
            </label>
            <textarea
              id="return-remarks"
              className="form-field__control"
              value={remarks}
              onChange={(event) => setRemarks(event.target.value)}
              data-testid="return-remarks"
            />
          </div>
          <Button
            variant="secondary"
            busy={action.isPending}
            disabled={remarks.trim().length < 3}
            onClick={() => action.mutate(() => returnAllocation(callId, remarks))}
            data-testid="return-allocation"
          >
            {t('catalogue.review.returnButton')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function AllocationSummary({ view }: { view: CatalogueAllocationView }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('catalogue.review.status')}</dt>
          <dd data-testid="allocation-status">{t(`catalogue.review.statuses.${view.status}`)}</dd>
        </div>
        <div>
          <dt>{t('catalogue.review.budget')}</dt>
          <dd>
            <Money cents={view.budgetCents} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.review.totalAsked')}</dt>
          <dd>
            <Money cents={view.totalAskedCents} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.review.totalGranted')}</dt>
          <dd data-testid="allocation-granted">
            <Money cents={view.grantedCents} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.review.remainder')}</dt>
          <dd>
            <Money cents={view.remainderCents} />
          </dd>
        </div>
      </dl>
      {view.remarks ? (
        <Alert tone="warning" title={t('catalogue.review.remarks')}>
          {view.remarks}
        </Alert>
      ) : null}
      {view.status === 'approved' && view.decisionReference && view.decisionDate ? (
        <Alert tone="success">
          {t('catalogue.review.approved', { reference: view.decisionReference, date: view.decisionDate })}
        </Alert>
      ) : null}
      <p>
        {view.marginalRound === null
          ? t('catalogue.review.noMarginalRound')
          : t('catalogue.review.marginalRound', { round: view.marginalRound })}
      </p>
      <h3>{t('catalogue.review.rounds')}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('catalogue.review.round')}</th>
              <th scope="col">{t('catalogue.report.asked')}</th>
              <th scope="col">{t('catalogue.review.available')}</th>
              <th scope="col">{t('catalogue.report.granted')}</th>
              <th scope="col">{t('catalogue.review.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rounds.map((round) => (
              <tr key={round.round}>
                <th scope="row">{round.round}</th>
                <td>
                  <Money cents={round.askedCents} />
                </td>
                <td>
                  <Money cents={round.availableCents} />
                </td>
                <td>
                  <Money cents={round.grantedCents} />
                </td>
                <td>{t(`catalogue.review.outcomes.${round.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('catalogue.review.subscribers')}</h3>
      {view.subscribers.map((subscriber) => (
        <details key={subscriber.dossierId} className="allocation-subscriber">
          <summary>
            {subscriber.legalName} ({subscriber.reference}): <Money cents={subscriber.grantedCents} /> /{' '}
            <Money cents={subscriber.askedCents} />
          </summary>
          <SubscriberAllocation allocation={subscriber} />
        </details>
      ))}
    </>
  );
}

function ReportRows({ rows, withObjective }: { rows: CatalogueReportRow[]; withObjective: boolean }) {
  return (
    <>
      {rows.map((row) => (
        <tr key={row.code}>
          {withObjective ? <td>{row.objectiveCode}</td> : null}
          <th scope="row">
            <span className="code">{row.code}</span> {row.label}
          </th>
          <td>{row.participants}</td>
          <td>{row.plannedReach}</td>
          <td>
            <Money cents={row.askedCents} />
          </td>
          <td>{row.grantedCents === null ? '–' : <Money cents={row.grantedCents} />}</td>
        </tr>
      ))}
    </>
  );
}

function ReportTable({
  caption,
  rows,
  withObjective,
  report,
  testId,
}: {
  caption: string;
  rows: CatalogueReportRow[];
  withObjective: boolean;
  report: CatalogueReport;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {withObjective ? <th scope="col">{t('catalogue.report.code')}</th> : null}
            <th scope="col">{t('catalogue.report.label')}</th>
            <th scope="col">{t('catalogue.report.participants')}</th>
            <th scope="col">{t('catalogue.report.plannedReach')}</th>
            <th scope="col">{t('catalogue.report.asked')}</th>
            <th scope="col">{t('catalogue.report.granted')}</th>
          </tr>
        </thead>
        <tbody>
          <ReportRows rows={rows} withObjective={withObjective} />
        </tbody>
        <tfoot>
          <tr>
            {withObjective ? <td /> : null}
            <th scope="row">{t('catalogue.report.total')}</th>
            <td data-testid={`${testId}-participants`}>{report.totals.participants}</td>
            <td>{report.totals.plannedReach}</td>
            <td data-testid={`${testId}-asked`}>
              <Money cents={report.totals.askedCents} />
            </td>
            <td>{report.totals.grantedCents === null ? '–' : <Money cents={report.totals.grantedCents} />}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ReportSection({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const report = useCatalogueReport(callId);
  if (report.isPending) return <LoadingIndicator />;
  if (report.error) return <Alert tone="error">{errorMessage(report.error, t)}</Alert>;
  const data = report.data;
  const language = currentLanguage();
  return (
    <section aria-labelledby="report-section" data-testid="report-section">
      <h2 id="report-section">{t('catalogue.report.title')}</h2>
      <p>{t('catalogue.report.subscriptions', { count: data.subscriptionCount })}</p>
      <div className="button-row">
        {(['actions', 'objectives', 'subscribers'] as const).map((part) => (
          <a key={part} className="btn btn--secondary" href={reportExportUrl(callId, 'csv', part)} download>
            {t('catalogue.report.downloadCsv', {
              part: t(
                `catalogue.report.${part === 'actions' ? 'perAction' : part === 'objectives' ? 'perObjective' : 'perSubscriber'}`,
              ),
            })}
          </a>
        ))}
        <a className="btn btn--secondary" href={reportExportUrl(callId, 'xlsx')} download data-testid="report-xlsx">
          {t('catalogue.report.downloadXlsx')}
        </a>
      </div>
      <BarChart
        title={t('catalogue.report.chartTitle')}
        description={t('catalogue.report.chartDescription')}
        series={[
          { name: t('catalogue.report.asked'), color: '#5a6f8a' },
          { name: t('catalogue.report.granted'), color: '#1f7a4d' },
        ]}
        groups={data.objectives.map((o) => ({
          label: `${o.code} ${o.label}`,
          values: [o.askedCents, o.grantedCents],
        }))}
        format={(cents) => formatMoney(cents, language)}
        data-testid="report-chart"
      />
      <ReportTable
        caption={t('catalogue.report.perObjective')}
        rows={data.objectives}
        withObjective={false}
        report={data}
        testId="report-objectives"
      />
      <ReportTable
        caption={t('catalogue.report.perAction')}
        rows={data.actions}
        withObjective
        report={data}
        testId="report-actions"
      />
      <h3>{t('catalogue.report.perSubscriber')}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('catalogue.report.label')}</th>
              <th scope="col">NIS</th>
              <th scope="col">{t('catalogue.report.asked')}</th>
              <th scope="col">{t('catalogue.report.granted')}</th>
              <th scope="col">{t('catalogue.report.ownContribution')}</th>
            </tr>
          </thead>
          <tbody>
            {data.subscribers.map((s) => (
              <tr key={s.dossierId}>
                <th scope="row">
                  {s.legalName} <span className="muted">{s.reference}</span>
                </th>
                <td>{s.nisCode}</td>
                <td>
                  <Money cents={s.askedCents} />
                </td>
                <td>
                  {s.grantedCents === null ? t('catalogue.report.notAllocated') : <Money cents={s.grantedCents} />}
                </td>
                <td>
                  <Money cents={s.ownContributionCents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to="/oproepen">{t('calls.backToList')}</Link>
      </p>
    </section>
  );
}
