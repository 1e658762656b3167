import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DocumentTitle } from '../../components/document-title';

/** Title (document and h1) of an administration page, the way back to the administration and the introduction. */
export function AdminPageHeader({ title, lead }: { title: string; lead: string }) {
  const { t } = useTranslation();
  return (
    <>
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to="/administratie">{t('admin.backToAdmin')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
    </>
  );
}
