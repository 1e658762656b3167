import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { DocumentTitle } from '../components/document-title';

export interface ServiceUnavailableProps {
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

/** Shown when the current user cannot be determined because the API fails or cannot be reached. */
export function ServiceUnavailable({ error, onRetry, retrying = false }: ServiceUnavailableProps) {
  const { t } = useTranslation();
  const title = t('errors.unavailableTitle');
  return (
    <>
      <DocumentTitle page={title} />
      <h1>{title}</h1>
      <Alert tone="error">{errorMessage(error, t)}</Alert>
      <Button variant="secondary" busy={retrying} onClick={onRetry}>
        {t('errors.retry')}
      </Button>
    </>
  );
}
