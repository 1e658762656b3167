import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REPORT_KINDS, reportDeclarationText, WEB_ROUTES, type ReportKind, type ReportView } from '@portal/contracts';
import { useReport, useSubmitReport } from '../../api/after-award';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { currentLanguage } from '../../i18n';
import { AutosaveStatus } from '../applicant/autosave-status';
import { ReportDocuments } from './report-documents';
import { ReportForm } from './report-form';
import { issuesByPath, toFormValues, type ReportFormValues } from './report-form-model';
import { ReportStatusBadge } from './report-status-badge';
import { ReportSummary } from './report-summary';
import { useReportAutosave } from './use-report-autosave';

/** `/aanvrager/dossiers/:id/rapporten/:kind`: the organisation's interim or final report (ADR 0024). */
export function ReportPage() {
  const { t } = useTranslation();
  const { id = '', kind = 'final' } = useParams();
  const validKind = (REPORT_KINDS as readonly string[]).includes(kind) ? (kind as ReportKind) : 'final';
  const report = useReport(id, validKind);
  const title = t(`afterAward.kind.${validKind}`);

  return (
    <div>
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to={WEB_ROUTES.dossierFollowUp(id)}>{t('afterAward.backToFollowUp')}</Link>
      </p>
      <h1>{title}</h1>
      {report.isPending ? <LoadingIndicator /> : null}
      {report.error ? <Alert tone="error">{errorMessage(report.error, t)}</Alert> : null}
      {report.data ? (
        <ReportContent key={`${id}-${validKind}`} dossierId={id} kind={validKind} initial={report.data} />
      ) : null}
    </div>
  );
}

function ReportContent({ dossierId, kind, initial }: { dossierId: string; kind: ReportKind; initial: ReportView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const separator = language === 'nl' ? ',' : '.';
  const form = useForm<ReportFormValues>({ defaultValues: toFormValues(initial, separator) });
  const autosave = useReportAutosave(dossierId, kind, initial, form, !initial.editable, (fresh) =>
    toFormValues(fresh, separator),
  );
  const submit = useSubmitReport(dossierId, kind);
  const [declared, setDeclared] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const report = submit.data ?? autosave.report;

  const problems = useMemo(() => {
    const map = issuesByPath(report.issues, language);
    for (const path of autosave.unparsed) map[path] = t('afterAward.report.notSaved');
    return map;
  }, [autosave.unparsed, language, report.issues, t]);

  const onSubmit = async () => {
    setProblem(null);
    if (!declared) {
      setProblem(t('check.declarationRequired'));
      return;
    }
    if (!(await autosave.saveNow())) {
      setProblem(t('afterAward.report.fixFirst'));
      return;
    }
    try {
      await submit.mutateAsync();
    } catch (error) {
      setProblem(
        isApiError(error) && error.code === 'REPORT_INCOMPLETE'
          ? t('afterAward.report.fixFirst')
          : errorMessage(error, t),
      );
    }
  };

  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('afterAward.dossier')}</dt>
          <dd>
            {report.dossierReference} · {report.dossierTitle}
          </dd>
        </div>
        <div>
          <dt>{t('afterAward.status')}</dt>
          <dd data-testid="report-status">
            <ReportStatusBadge status={report.status} overdue={report.overdue} />
          </dd>
        </div>
        {report.dueAt ? (
          <div>
            <dt>{t('afterAward.dueAt')}</dt>
            <dd>
              <DateTime value={report.dueAt} />
            </dd>
          </div>
        ) : null}
      </dl>
      {report.motivation && report.status === 'changes_requested' ? (
        <Alert tone="warning" title={t('afterAward.report.changesAsked')} data-testid="report-motivation">
          <p className="pre-line">{report.motivation}</p>
        </Alert>
      ) : null}
      {report.status === 'approved' ? (
        <Alert tone="success" data-testid="report-approved">
          {t('afterAward.report.approvedNotice')}
        </Alert>
      ) : null}
      {report.status === 'submitted' ? (
        <Alert tone="info" data-testid="report-submitted">
          {t('afterAward.report.submittedNotice')}
        </Alert>
      ) : null}
      {report.editable && !submit.data ? (
        <>
          <ReportForm form={form} report={report} problems={problems} />
          {report.id ? <ReportDocuments reportId={report.id} editable /> : null}
          <section aria-labelledby="report-submit-title" className="section">
            <h2 id="report-submit-title">{t('afterAward.report.submitTitle')}</h2>
            {report.issues.length ? (
              <p data-testid="report-issue-count">{t('afterAward.report.issues', { count: report.issues.length })}</p>
            ) : null}
            <div className="form-field">
              <div className="check-list__item declaration">
                <input
                  id="report-declaration"
                  type="checkbox"
                  className="form-field__check"
                  checked={declared}
                  onChange={(event) => setDeclared(event.target.checked)}
                  data-testid="report-declaration"
                />
                <label htmlFor="report-declaration">{reportDeclarationText(language, report.applicantName)}</label>
              </div>
            </div>
            {problem ? (
              <Alert tone="error" data-testid="report-submit-problem">
                {problem}
              </Alert>
            ) : null}
            <Button busy={submit.isPending} onClick={() => void onSubmit()} data-testid="report-submit">
              {t('afterAward.report.submit')}
            </Button>
          </section>
          <div className="dossier-actions">
            <AutosaveStatus state={autosave.state} onRetry={() => void autosave.saveNow()} />
          </div>
        </>
      ) : (
        <>
          <ReportSummary report={report} />
          {report.id ? <ReportDocuments reportId={report.id} editable={false} /> : null}
        </>
      )}
    </>
  );
}
