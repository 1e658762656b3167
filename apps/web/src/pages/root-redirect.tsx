import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { homePathFor } from '../auth/roles';
import { useCurrentUser } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { DocumentTitle } from '../components/document-title';
import { LoadingIndicator } from '../components/loading-indicator';
import { LandingPage } from './landing-page';
import { ServiceUnavailable } from './service-unavailable';

/** `/`: sends the user to the home of their first role; an anonymous visitor sees the open calls and the way in. */
export function RootRedirect() {
  const { t } = useTranslation();
  const { data: user, error, refetch, isFetching } = useCurrentUser();

  if (user === undefined) {
    if (error) return <ServiceUnavailable error={error} retrying={isFetching} onRetry={() => void refetch()} />;
    return <LoadingIndicator />;
  }
  if (user === null) return <LandingPage />;

  const home = homePathFor(user);
  if (home) return <Navigate to={home} replace />;

  const title = t('noRole.title');
  return (
    <>
      <DocumentTitle page={title} />
      <h1>{title}</h1>
      <Alert tone="warning">{t('noRole.body')}</Alert>
    </>
  );
}
