import { useTranslation } from 'react-i18next';

export interface LoadingIndicatorProps {
  label?: string;
}

/** Polite status message for content that is loading. */
export function LoadingIndicator({ label }: LoadingIndicatorProps) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}
