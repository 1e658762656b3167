import { useTranslation } from 'react-i18next';
import type { StaffInvitationView } from '@portal/contracts';
import { errorMessage } from '../../api/error-message';
import { useWithdrawStaffInvitation } from '../../api/staff';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';

/** Withdraws an open invitation: its link stops working at once (a mistyped address, a person who left). */
export function StaffInvitationWithdraw({ invitation }: { invitation: StaffInvitationView }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawStaffInvitation();
  return (
    <div>
      <Button
        variant="secondary"
        busy={withdraw.isPending}
        busyLabel={t('staff.saving')}
        onClick={() => withdraw.mutate(invitation.id)}
        aria-label={t('staff.withdrawInvitationFor', { email: invitation.email })}
        data-testid="staff-invitation-withdraw"
      >
        {t('staff.withdrawInvitation')}
      </Button>
      {withdraw.error ? <Alert tone="error">{errorMessage(withdraw.error, t)}</Alert> : null}
    </div>
  );
}
