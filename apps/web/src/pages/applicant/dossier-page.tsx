import { Link, Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/calls';
import { isApiError } from '../../api/client';
import { useDossier } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { NotFoundPage } from '../not-found-page';
import { DecisionPanel } from '../assessment/decision-panel';
import { AcceptancePanel } from '../funding/acceptance-panel';
import { DossierEditor } from './dossier-editor';

/** `/aanvrager/dossiers/:id`: loads the dossier and its call, then shows the editor. */
export function DossierPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const dossier = useDossier(id);
  const call = useCall(dossier.data?.callId);

  const failed = dossier.error ?? call.error;
  if (failed) {
    if (isApiError(failed) && failed.status === 404) return <NotFoundPage />;
    return (
      <>
        <DocumentTitle page={t('dossier.pageTitle')} />
        <h1>{t('dossier.pageTitle')}</h1>
        <Alert tone="error">
          <p>{errorMessage(failed, t)}</p>
          <Button
            variant="secondary"
            busy={dossier.isFetching || call.isFetching}
            onClick={() => void (dossier.error ? dossier.refetch() : call.refetch())}
          >
            {t('errors.retry')}
          </Button>
        </Alert>
        <p>
          <Link to="/aanvrager">{t('dossier.backToDossiers')}</Link>
        </p>
      </>
    );
  }
  if (!dossier.data || !call.data) return <LoadingIndicator />;
  if (call.data.kind === 'catalogue') return <Navigate to={`/aanvrager/intekeningen/${dossier.data.id}`} replace />;
  const decided = !['draft', 'withdrawn'].includes(dossier.data.status) && dossier.data.submittedAt !== null;
  return (
    <DossierEditor
      key={dossier.data.id}
      initial={dossier.data}
      call={call.data}
      decision={
        decided ? (
          <>
            <DecisionPanel dossierId={dossier.data.id} />
            <AcceptancePanel dossierId={dossier.data.id} />
          </>
        ) : null
      }
    />
  );
}
