import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '@portal/contracts';
import { useDecideReport, useReportById } from '../../api/after-award';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { currentLanguage } from '../../i18n';
import { centsToAmountText, parseEuroToCents } from '../../lib/money-input';
import { ReportStatusBadge } from './report-status-badge';
import { ReportDocuments } from './report-documents';
import { ReportSummary } from './report-summary';

/** `/administratie/rapporten/:id`: the administration approves a report with the accepted costs, or asks changes. */
export function ReportReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useReportById(id);
  const title = report.data
    ? t('afterAward.reviewTitle', {
        kind: t(`afterAward.kind.${report.data.kind}`),
        reference: report.data.dossierReference,
      })
    : t('afterAward.review');

  return (
    <div>
      <DocumentTitle page={title} />
      {report.data ? (
        <p className="breadcrumb">
          <Link to={`/administratie/oproepen/${report.data.callId}/rapporten`}>{t('afterAward.backToCall')}</Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      {report.isPending ? <LoadingIndicator /> : null}
      {report.error ? <Alert tone="error">{errorMessage(report.error, t)}</Alert> : null}
      {report.data ? (
        <>
          <p className="lead">
            {report.data.applicantName} · {report.data.dossierTitle}{' '}
            <span data-testid="review-status">
              <ReportStatusBadge status={report.data.status} overdue={report.data.overdue} />
            </span>
          </p>
          <ReportSummary report={report.data} />
          {report.data.id ? <ReportDocuments reportId={report.data.id} editable={false} /> : null}
          {report.data.status === 'submitted' ? <Decision report={report.data} /> : null}
        </>
      ) : null}
    </div>
  );
}

function Decision({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const separator = currentLanguage() === 'nl' ? ',' : '.';
  const decide = useDecideReport(report.id!);
  const [accepted, setAccepted] = useState(report.costLines.map((l) => centsToAmountText(l.amountCents, separator)));
  const [motivation, setMotivation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const approve = async () => {
    setProblem(null);
    const cents = accepted.map((text) => parseEuroToCents(text) ?? (text.trim() === '' ? 0 : null));
    if (cents.some((c) => c === null)) {
      setProblem(t('afterAward.invalidAccepted'));
      return;
    }
    try {
      await decide.mutateAsync({
        decision: 'approve',
        body: { acceptedLineCents: cents as number[], motivation: motivation.trim() || null },
      });
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };
  const askChanges = async () => {
    setProblem(null);
    if (motivation.trim().length < 3) {
      setProblem(t('afterAward.motivationRequired'));
      return;
    }
    try {
      await decide.mutateAsync({ decision: 'changes', motivation });
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };

  return (
    <section aria-labelledby="decision-title" className="section">
      <h2 id="decision-title">{t('afterAward.decisionTitle')}</h2>
      <fieldset className="fieldset">
        <legend>{t('afterAward.acceptedPerLine')}</legend>
        {report.costLines.map((line, index) => (
          <div key={index} className="form-field">
            <label htmlFor={`accepted-${index}`}>{t('afterAward.acceptedFor', { line: line.description })}</label>
            <input
              id={`accepted-${index}`}
              inputMode="decimal"
              value={accepted[index]}
              onChange={(event) => setAccepted(accepted.map((v, i) => (i === index ? event.target.value : v)))}
              data-testid={`accepted-${index}`}
            />
          </div>
        ))}
      </fieldset>
      <div className="form-field">
        <label htmlFor="decision-motivation">{t('afterAward.decisionMotivation')}</label>
        <textarea
          id="decision-motivation"
          rows={3}
          value={motivation}
          onChange={(event) => setMotivation(event.target.value)}
          data-testid="review-motivation"
        />
      </div>
      {problem ? (
        <Alert tone="error" data-testid="review-problem">
          {problem}
        </Alert>
      ) : null}
      <div className="button-row">
        <Button busy={decide.isPending} onClick={() => void approve()} data-testid="review-approve">
          {t('afterAward.approve')}
        </Button>
        <Button
          variant="secondary"
          busy={decide.isPending}
          onClick={() => void askChanges()}
          data-testid="review-changes"
        >
          {t('afterAward.askChanges')}
        </Button>
      </div>
    </section>
  );
}
