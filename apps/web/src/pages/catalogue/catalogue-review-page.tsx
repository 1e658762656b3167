import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/calls';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { AllocationSection } from './allocation-section';
import { ReportSection } from './catalogue-report-section';

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
