import { useTranslation } from 'react-i18next';
import type { Role } from '@portal/contracts';
import { DocumentTitle } from '../components/document-title';
import { EmptyState } from '../components/empty-state';

export interface RoleHomePageProps {
  role: Role;
}

/** Start page of a role area (/aanvrager, /administratie, /beoordeling, /kabinet); still empty for now. */
export function RoleHomePage({ role }: RoleHomePageProps) {
  const { t } = useTranslation();
  const title = t(`roleHome.${role}.title`);
  return (
    <>
      <DocumentTitle page={title} />
      <h1 data-testid="role-home" data-role={role}>
        {title}
      </h1>
      <p className="lead">{t(`roleHome.${role}.intro`)}</p>
      <EmptyState data-testid="role-home-empty">{t(`roleHome.${role}.empty`)}</EmptyState>
    </>
  );
}
