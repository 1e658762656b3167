import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { Money } from '../../components/money';
import { formatLocale } from '../../i18n';
import { formatFileSize } from '../../lib/file-size';

interface BudgetLine {
  description: string;
  amountCents: number;
}

interface SubmittedAttachment {
  id: string;
  kind: string;
  filename: string;
  sizeBytes: number | null;
}

/** The fields of a submission's frozen content the reviewer reads (see the API's `submittedContent`). */
export interface SubmittedContent {
  title: string;
  summary: string;
  answers: Array<[code: string, value: string]>;
  projectStart: string | null;
  projectEnd: string | null;
  budgetLines: BudgetLine[];
  otherIncomeCents: number | null;
  ownContributionCents: number | null;
  requestedCents: number | null;
  attachments: SubmittedAttachment[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function cents(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Reads `ReviewView.content` defensively: it is the JSON frozen at submission, typed loosely in the contract, and an
 * older submission may lack a field. Missing parts become empty rather than breaking the page.
 */
export function readSubmittedContent(content: Record<string, unknown>): SubmittedContent {
  const answers = Object.entries(record(content.answers))
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([code, value]): [string, string] => [code, typeof value === 'string' ? value : String(value)]);
  const budgetLines = (Array.isArray(content.budgetLines) ? content.budgetLines : []).map((line) => {
    const item = record(line);
    return { description: text(item.description), amountCents: cents(item.amountCents) ?? 0 };
  });
  const attachments = (Array.isArray(content.attachments) ? content.attachments : []).map((entry, index) => {
    const item = record(entry);
    return {
      id: text(item.id) || String(index),
      kind: text(item.kind),
      filename: text(item.filename),
      sizeBytes: cents(item.sizeBytes),
    };
  });
  return {
    title: text(content.title),
    summary: text(content.summary),
    answers,
    projectStart: text(content.projectStart) || null,
    projectEnd: text(content.projectEnd) || null,
    budgetLines,
    otherIncomeCents: cents(content.otherIncomeCents),
    ownContributionCents: cents(content.ownContributionCents),
    requestedCents: cents(content.requestedCents),
    attachments,
  };
}

export interface ReviewedDossierProps {
  content: Record<string, unknown>;
  /** The assignment the reviewer reads it for: attachments are downloaded through it. */
  assignmentId: string;
  /** The public call, for the labels of its questions and attachments; codes are shown while it loads. */
  call: CallView | undefined;
}

/** The submitted dossier, read-only: what the reviewer scores. */
export function ReviewedDossier({ content, call, assignmentId }: ReviewedDossierProps) {
  const { t } = useTranslation();
  const dossier = readSubmittedContent(content);
  const questionLabel = (code: string) => call?.questions.find((question) => question.code === code)?.label ?? code;
  const attachmentLabel = (kind: string) =>
    call?.attachments.find((requirement) => requirement.code === kind)?.label ?? kind;
  const totalCents = dossier.budgetLines.reduce((sum, line) => sum + line.amountCents, 0);
  const notGiven = <span className="muted">{t('reviewer.dossier.notGiven')}</span>;

  const budgetColumns: DataTableColumn<BudgetLine>[] = [
    {
      id: 'description',
      header: t('reviewer.dossier.budgetDescription'),
      rowHeader: true,
      cell: (line) => line.description || notGiven,
    },
    {
      id: 'amount',
      header: t('reviewer.dossier.budgetAmount'),
      align: 'end',
      cell: (line) => <Money cents={line.amountCents} />,
    },
  ];

  return (
    <section className="reviewed-dossier" aria-labelledby="reviewed-dossier-title" data-testid="review-content">
      <h2 id="reviewed-dossier-title" tabIndex={-1}>
        {t('reviewer.dossier.title')}
      </h2>
      <p className="muted">{t('reviewer.dossier.intro')}</p>
      <dl className="facts">
        <div>
          <dt>{t('reviewer.dossier.projectTitle')}</dt>
          <dd data-testid="review-dossier-title">{dossier.title || notGiven}</dd>
        </div>
        <div>
          <dt>{t('reviewer.dossier.summary')}</dt>
          <dd className="pre-line" data-testid="review-dossier-summary">
            {dossier.summary || notGiven}
          </dd>
        </div>
        <div>
          <dt>{t('reviewer.dossier.period')}</dt>
          <dd data-testid="review-dossier-period">
            {dossier.projectStart ? <DateTime value={dossier.projectStart} format="longDate" /> : notGiven}{' '}
            {t('reviewer.dossier.until')}{' '}
            {dossier.projectEnd ? <DateTime value={dossier.projectEnd} format="longDate" /> : notGiven}
          </dd>
        </div>
      </dl>

      {dossier.answers.length > 0 ? (
        <>
          <h3>{t('reviewer.dossier.answersTitle')}</h3>
          <dl className="facts">
            {dossier.answers.map(([code, value]) => (
              <div key={code}>
                <dt>{questionLabel(code)}</dt>
                <dd className="pre-line" data-testid={`review-answer-${code}`}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      <h3>{t('reviewer.dossier.budgetTitle')}</h3>
      <DataTable
        caption={t('reviewer.dossier.budgetCaption')}
        hideCaption
        className="data-table--compact"
        columns={budgetColumns}
        rows={dossier.budgetLines}
        rowKey={(_line, index) => String(index)}
        emptyMessage={t('reviewer.dossier.noBudgetLines')}
        data-testid="review-budget"
      />
      <dl className="facts facts--inline">
        <div>
          <dt>{t('reviewer.dossier.totalCost')}</dt>
          <dd data-testid="review-budget-total">
            <Money cents={totalCents} />
          </dd>
        </div>
        <div>
          <dt>{t('reviewer.dossier.otherIncome')}</dt>
          <dd>{dossier.otherIncomeCents === null ? notGiven : <Money cents={dossier.otherIncomeCents} />}</dd>
        </div>
        <div>
          <dt>{t('reviewer.dossier.ownContribution')}</dt>
          <dd>{dossier.ownContributionCents === null ? notGiven : <Money cents={dossier.ownContributionCents} />}</dd>
        </div>
        <div>
          <dt>{t('reviewer.dossier.requested')}</dt>
          <dd data-testid="review-requested">
            {dossier.requestedCents === null ? notGiven : <Money cents={dossier.requestedCents} />}
          </dd>
        </div>
      </dl>

      <h3>{t('reviewer.dossier.attachmentsTitle')}</h3>
      {dossier.attachments.length > 0 ? (
        <ul className="attachment-list">
          {dossier.attachments.map((attachment) => (
            <li key={attachment.id} className="attachment-item" data-testid={`review-attachment-${attachment.kind}`}>
              <a
                className="attachment-item__name"
                href={`/api/v1/assignments/${encodeURIComponent(assignmentId)}/attachments/${encodeURIComponent(attachment.id)}`}
                download
                data-testid={`review-attachment-download-${attachment.kind}`}
              >
                {attachment.filename}
              </a>{' '}
              <span className="attachment-item__meta">
                ({attachmentLabel(attachment.kind)}
                {attachment.sizeBytes !== null ? `, ${formatFileSize(attachment.sizeBytes, formatLocale())}` : ''})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('reviewer.dossier.noAttachments')}</p>
      )}
    </section>
  );
}
