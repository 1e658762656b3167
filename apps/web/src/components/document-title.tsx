import { useTranslation } from 'react-i18next';

export interface DocumentTitleProps {
  /** Page name; rendered as "<page> | Subsidieportaal". */
  page: string;
}

/** Sets the browser tab title (React 19 hoists <title> into <head>). */
export function DocumentTitle({ page }: DocumentTitleProps) {
  const { t } = useTranslation();
  return <title>{t('app.documentTitle', { page })}</title>;
}
