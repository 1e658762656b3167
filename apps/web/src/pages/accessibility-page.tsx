import { useTranslation } from 'react-i18next';
import { DocumentTitle } from '../components/document-title';

/** `/toegankelijkheid`: accessibility statement (public). */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const title = t('accessibility.title');
  return (
    <article className="prose">
      <DocumentTitle page={title} />
      <h1>{title}</h1>
      <p className="lead">{t('accessibility.intro')}</p>
      <h2>{t('accessibility.statusTitle')}</h2>
      <p>{t('accessibility.status')}</p>
      <h2>{t('accessibility.testingTitle')}</h2>
      <p>{t('accessibility.testing')}</p>
      <h2>{t('accessibility.feedbackTitle')}</h2>
      <p>{t('accessibility.feedback')}</p>
      <h2>{t('accessibility.enforcementTitle')}</h2>
      <p>{t('accessibility.enforcement')}</p>
    </article>
  );
}
