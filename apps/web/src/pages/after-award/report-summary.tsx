import { useTranslation } from 'react-i18next';
import type { ReportView } from '@portal/contracts';
import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';

/** A report as read (submitted, decided, or in the administration's review): indicators and the cost statement. */
export function ReportSummary({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="report-narrative-title" className="section">
        <h2 id="report-narrative-title">{t('afterAward.report.narrative')}</h2>
        <p className="pre-line" data-testid="report-summary-narrative">
          {report.narrative}
        </p>
      </section>
      <DataTable
        caption={t('afterAward.report.indicators')}
        columns={[
          { id: 'label', header: t('afterAward.report.indicator'), rowHeader: true, cell: (i) => i.label },
          { id: 'planned', header: t('afterAward.report.plannedColumn'), cell: (i) => i.planned ?? '—' },
          { id: 'realised', header: t('afterAward.report.realisedColumn'), cell: (i) => i.realised ?? '—' },
        ]}
        rows={report.indicators}
        rowKey={(i) => i.code}
        emptyMessage={t('afterAward.report.noIndicators')}
      />
      <DataTable
        caption={t('afterAward.report.costs')}
        columns={[
          {
            id: 'description',
            header: t('afterAward.report.description'),
            rowHeader: true,
            cell: (l) => l.description,
          },
          {
            id: 'category',
            header: t('afterAward.report.category'),
            cell: (l) => t(`afterAward.category.${l.category}`),
          },
          { id: 'amount', header: t('afterAward.report.amount'), cell: (l) => <Money cents={l.amountCents} /> },
          {
            id: 'accepted',
            header: t('afterAward.report.accepted'),
            cell: (l) =>
              l.acceptedCents === undefined || l.acceptedCents === null ? '—' : <Money cents={l.acceptedCents} />,
          },
        ]}
        rows={report.costLines}
        rowKey={(_l, index) => String(index)}
        emptyMessage={t('afterAward.report.noLines')}
      />
      <dl className="facts">
        <Fact label={t('afterAward.report.plannedCosts')} cents={report.plannedCostsCents} />
        <Fact label={t('afterAward.report.reportedCosts')} cents={report.reportedCostsCents} />
        <Fact label={t('afterAward.granted')} cents={report.grantedCents} />
        {report.acceptedCostsCents !== null ? (
          <Fact
            label={t('afterAward.report.acceptedCosts')}
            cents={report.acceptedCostsCents}
            testId="report-accepted-costs"
          />
        ) : null}
      </dl>
    </>
  );
}

function Fact({ label, cents, testId }: { label: string; cents: number; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        <Money cents={cents} />
      </dd>
    </div>
  );
}
