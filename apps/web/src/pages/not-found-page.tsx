import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DocumentTitle } from '../components/document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  const title = t('notFound.title');
  return (
    <>
      <DocumentTitle page={title} />
      <h1>{title}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
