import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueReport, CatalogueReportRow } from '@portal/contracts';
import { reportExportUrl, useCatalogueReport } from '../../api/catalogue';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../lib/format';
import { BarChart } from './bar-chart';

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

/** The reports per objective, action and subscriber, with a chart and the downloads. */
export function ReportSection({ callId }: { callId: string }) {
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
