import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StaffInvitationView, StaffMemberView } from '@portal/contracts';
import { errorMessage } from '../../api/error-message';
import { useStaff } from '../../api/staff';
import { Alert } from '../../components/alert';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { StatusBadge } from '../../components/status-badge';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { StaffInvitationWithdraw } from './staff-invitation-withdraw';
import { StaffInviteForm } from './staff-invite-form';
import { StaffMemberActions } from './staff-member-actions';

/** `/administratie/medewerkers`: staff members with their roles, open invitations, and the invitation form. */
export function StaffPage() {
  const { t } = useTranslation();
  const staff = useStaff();
  const title = t('staff.title');

  const memberColumns: DataTableColumn<StaffMemberView>[] = [
    { id: 'name', header: t('staff.name'), rowHeader: true, cell: (member) => member.displayName },
    { id: 'email', header: t('staff.email'), cell: (member) => member.email },
    {
      id: 'status',
      header: t('staff.status'),
      cell: (member) => (
        <StatusBadge
          status={member.deactivatedAt ? 'deactivated' : 'active'}
          label={member.deactivatedAt ? t('staff.deactivated') : t('staff.active')}
          tone={member.deactivatedAt ? 'neutral' : 'success'}
        />
      ),
    },
    {
      id: 'actions',
      header: t('staff.rolesAndActions'),
      cell: (member) => <StaffMemberActions key={member.roles.join()} member={member} />,
    },
  ];
  const invitationColumns: DataTableColumn<StaffInvitationView>[] = [
    { id: 'email', header: t('staff.email'), rowHeader: true, cell: (invitation) => invitation.email },
    {
      id: 'roles',
      header: t('staff.roles'),
      cell: (invitation) => invitation.roles.map((role) => t(`staff.role.${role}`)).join(', '),
    },
    {
      id: 'expires',
      header: t('staff.expiresAt'),
      cell: (invitation) => formatDateTime(invitation.expiresAt, 'dateTime', currentLanguage()),
    },
    {
      id: 'withdraw',
      header: t('staff.actions'),
      cell: (invitation) => <StaffInvitationWithdraw invitation={invitation} />,
    },
  ];

  return (
    <div>
      <DocumentTitle page={title} />
      <p>
        <Link to="/administratie">{t('admin.backToAdmin')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('staff.intro')}</p>
      {staff.isPending ? <LoadingIndicator /> : null}
      {staff.error ? <Alert tone="error">{errorMessage(staff.error, t)}</Alert> : null}
      {staff.data ? (
        <>
          <DataTable
            caption={t('staff.membersCaption')}
            columns={memberColumns}
            rows={staff.data.members}
            rowKey={(member) => member.id}
            rowData={(member) => ({ 'data-testid': 'staff-row', 'data-email': member.email })}
            busy={staff.isFetching}
          />
          <DataTable
            caption={t('staff.invitationsCaption')}
            columns={invitationColumns}
            rows={staff.data.invitations}
            rowKey={(invitation) => invitation.id}
            rowData={(invitation) => ({ 'data-testid': 'staff-invitation-row', 'data-email': invitation.email })}
            emptyMessage={t('staff.noInvitations')}
          />
        </>
      ) : null}
      <StaffInviteForm />
    </div>
  );
}
