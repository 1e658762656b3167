import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { WEB_ROUTES } from '@portal/contracts';
import { useSubscription } from '../../api/catalogue';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { localized } from '../../lib/localized';
import { NotFoundPage } from '../not-found-page';
import { SubscriptionContent } from '../catalogue/subscription-content';
import { DeclarationStep } from './declaration-step';

/**
 * `/aanvrager/intekeningen/:id/controleren`: the check step of a Plan Samenleven subscription, on the saved version
 * (the form saved before it came here): chosen actions, reach, contributions and priorities, then the declaration.
 */
export function SubscriptionCheckPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const subscription = useSubscription(id);
  const formPath = WEB_ROUTES.subscription(id);
  if (subscription.error) {
    if (isApiError(subscription.error) && subscription.error.status === 404) return <NotFoundPage />;
    return <Alert tone="error">{errorMessage(subscription.error, t)}</Alert>;
  }
  if (!subscription.data) return <LoadingIndicator />;
  const view = subscription.data;

  return (
    <article className="check-step" data-testid="check-step">
      <DocumentTitle page={t('check.subscriptionTitle')} />
      <p className="breadcrumb">
        <Link to={formPath}>{t('check.backToForm')}</Link>
      </p>
      <h1>{t('check.subscriptionTitle')}</h1>
      <p className="prose">{t('check.intro')}</p>
      {view.editable ? null : <Alert tone="warning">{t('catalogue.subscription.readOnly')}</Alert>}
      {view.issues.length > 0 ? (
        <Alert tone="warning" title={t('catalogue.subscription.issuesTitle')} data-testid="check-issues">
          <ul>
            {view.issues.map((issue, index) => (
              <li key={`${issue.field}-${index}`}>{localized(issue.message)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <SubscriptionContent view={view} />

      {view.editable ? (
        <DeclarationStep dossierId={view.dossierId} applicantName={view.applicant.legalName} formPath={formPath} />
      ) : (
        <p>
          <Link to={formPath}>{t('check.backToForm')}</Link>
        </p>
      )}
    </article>
  );
}
