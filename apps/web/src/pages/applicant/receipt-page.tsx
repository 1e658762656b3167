import { Link, useParams } from 'react-router';
import { shortChecksum } from '@portal/domain';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useDossier, useReceipt } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';

/** `/aanvrager/dossiers/:id/ontvangstbewijs`: proof of the last submission, printable. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const receipt = useReceipt(id);
  const dossier = useDossier(id);
  const title = t('receipt.title');

  if (receipt.isPending) return <LoadingIndicator />;
  if (receipt.error || !receipt.data) {
    const notSubmitted = isApiError(receipt.error) && receipt.error.status === 404;
    return (
      <>
        <DocumentTitle page={title} />
        <h1>{title}</h1>
        <Alert tone={notSubmitted ? 'info' : 'error'}>
          {notSubmitted ? t('receipt.notSubmitted') : errorMessage(receipt.error, t)}
        </Alert>
        <p>
          <Link to={`/aanvrager/dossiers/${id ?? ''}`}>{t('receipt.backToDossier')}</Link>
        </p>
      </>
    );
  }

  const data = receipt.data;
  return (
    <article className="receipt">
      <DocumentTitle page={`${title} ${data.reference}`} />
      <p className="breadcrumb no-print">
        <Link to={`/aanvrager/dossiers/${data.dossierId}`}>{t('receipt.backToDossier')}</Link>
      </p>
      <h1>{title}</h1>
      <Alert tone="success">{t('receipt.success')}</Alert>
      <p className="receipt__reference-label">{t('receipt.reference')}</p>
      <p className="receipt__reference" data-testid="receipt-reference">
        {data.reference}
      </p>
      <dl className="facts receipt__facts">
        <div>
          <dt>{t('receipt.submittedAt')}</dt>
          <dd>
            <span data-testid="receipt-submitted-at">
              <DateTime value={data.submittedAt} format="longDateTimeSeconds" />
            </span>{' '}
            <span className="muted">{t('calls.brusselsTime')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('receipt.submissionNumber')}</dt>
          <dd data-testid="receipt-submission-number">{data.submissionNumber}</dd>
        </div>
        {dossier.data ? (
          <>
            <div>
              <dt>{t('dossier.titleLabel')}</dt>
              <dd>{dossier.data.title}</dd>
            </div>
            <div>
              <dt>{t('dossier.call')}</dt>
              <dd>{dossier.data.call.title}</dd>
            </div>
            <div>
              <dt>{t('dossier.applicant')}</dt>
              <dd>{dossier.data.applicant.legalName}</dd>
            </div>
            <div>
              <dt>{t('dossier.requested')}</dt>
              <dd>
                <Money cents={dossier.data.requestedCents} />
              </dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('receipt.contentHash')}</dt>
          <dd>
            <code className="hash" data-testid="receipt-hash">
              {shortChecksum(data.contentHash)}
            </code>
            <p className="form-field__help">{t('receipt.contentHashHelp')}</p>
          </dd>
        </div>
      </dl>
      {data.declaration ? (
        <section className="receipt__declaration" aria-labelledby="receipt-declaration-title">
          <h2 id="receipt-declaration-title">{t('receipt.declaration')}</h2>
          <blockquote data-testid="receipt-declaration">{data.declaration}</blockquote>
        </section>
      ) : null}
      <div className="button-row no-print">
        <Button variant="primary" onClick={() => window.print()} data-testid="print-receipt">
          {t('receipt.print')}
        </Button>
        <Link to="/aanvrager">{t('dossier.backToDossiers')}</Link>
      </div>
    </article>
  );
}
