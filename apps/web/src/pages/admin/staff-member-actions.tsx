import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffMemberView, type StaffRole } from '@portal/contracts';
import { errorMessage } from '../../api/error-message';
import { useChangeStaffRoles, useSetStaffActive } from '../../api/staff';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';

const staffRolesOf = (member: StaffMemberView): StaffRole[] =>
  STAFF_ROLES.filter((role) => member.roles.includes(role));

/** One staff member's roles (checkboxes and save) and the button that deactivates or reactivates the account. */
export function StaffMemberActions({ member }: { member: StaffMemberView }) {
  const { t } = useTranslation();
  const legendId = useId();
  const [roles, setRoles] = useState<StaffRole[]>(staffRolesOf(member));
  const changeRoles = useChangeStaffRoles();
  const setActive = useSetStaffActive();
  const error = changeRoles.error ?? setActive.error;
  const unchanged = roles.join() === staffRolesOf(member).join();
  const toggle = (role: StaffRole, checked: boolean) =>
    setRoles((current) => STAFF_ROLES.filter((r) => (r === role ? checked : current.includes(r))));

  return (
    <div className="staff-actions" data-testid="staff-actions">
      <fieldset className="fieldset" aria-labelledby={legendId}>
        <legend id={legendId} className="visually-hidden">
          {t('staff.rolesOf', { name: member.displayName })}
        </legend>
        <div className="check-list">
          {STAFF_ROLES.map((role) => (
            <div key={role} className="check-list__item">
              <input
                type="checkbox"
                id={`${legendId}-${role}`}
                checked={roles.includes(role)}
                onChange={(event) => toggle(role, event.target.checked)}
                data-testid={`staff-role-${role}`}
              />
              <label htmlFor={`${legendId}-${role}`}>{t(`staff.role.${role}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <Button
          variant="secondary"
          disabled={unchanged || roles.length === 0}
          busy={changeRoles.isPending}
          busyLabel={t('staff.saving')}
          onClick={() => {
            setActive.reset();
            changeRoles.mutate({ id: member.id, roles });
          }}
          data-testid="staff-save-roles"
        >
          {t('staff.saveRoles')}
        </Button>
        <Button
          variant={member.deactivatedAt ? 'secondary' : 'danger'}
          busy={setActive.isPending}
          busyLabel={t('staff.saving')}
          onClick={() => {
            changeRoles.reset();
            setActive.mutate({ id: member.id, active: member.deactivatedAt !== null });
          }}
          data-testid={member.deactivatedAt ? 'staff-reactivate' : 'staff-deactivate'}
        >
          {member.deactivatedAt ? t('staff.reactivate') : t('staff.deactivate')}
        </Button>
      </div>
      {error ? (
        <Alert tone="error" data-testid="staff-action-error">
          {errorMessage(error, t)}
        </Alert>
      ) : null}
    </div>
  );
}
