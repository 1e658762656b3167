import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';
import { useAcceptStaffInvitationAsMe, useStaffInvitationPreview } from '../api/staff';
import { useCurrentUser } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { DocumentTitle } from '../components/document-title';
import { LoadingIndicator } from '../components/loading-indicator';
import { withReturnPath } from '../lib/return-path';
import { StaffAccountForm } from './staff-account-form';

/**
 * `/medewerker-uitnodiging/:token`, the link in a staff invitation mail. Without an account the invitee creates one
 * (the invitation's address, a password under the password policy); with an account they log in and accept here.
 */
export function StaffInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useStaffInvitationPreview(token);
  const { data: user } = useCurrentUser();
  const accept = useAcceptStaffInvitationAsMe();
  const title = t('staffInvitation.title');
  const here = `/medewerker-uitnodiging/${encodeURIComponent(token)}`;

  let content;
  if (accept.isSuccess) {
    content = (
      <Alert tone="success" title={t('staffInvitation.acceptedTitle')} data-testid="staff-invitation-accepted">
        <p>{t('staffInvitation.accepted')}</p>
        <p>
          <Link to="/">{t('staffInvitation.toHome')}</Link>
        </p>
      </Alert>
    );
  } else if (preview.isPending) {
    content = <LoadingIndicator />;
  } else if (preview.error) {
    content = (
      <Alert tone="error" data-testid="staff-invitation-error">
        {errorMessage(preview.error, t)}
      </Alert>
    );
  } else if (!preview.data.accountExists) {
    content = <StaffAccountForm token={token} invitation={preview.data} />;
  } else if (!user) {
    content = (
      <>
        <p className="lead">{t('staffInvitation.loginFirst', { email: preview.data.email })}</p>
        <Link
          to={withReturnPath('/login', here)}
          className="btn btn--primary btn--link"
          data-testid="staff-invitation-login"
        >
          {t('staffInvitation.login')}
        </Link>
      </>
    );
  } else {
    content = (
      <>
        <p className="lead">
          {t('staffInvitation.acceptIntro', {
            email: user.email,
            roles: preview.data.roles.map((role) => t(`staff.role.${role}`)).join(', '),
          })}
        </p>
        {accept.error ? (
          <Alert tone="error" data-testid="staff-invitation-error">
            {errorMessage(accept.error, t)}
          </Alert>
        ) : null}
        <Button
          variant="primary"
          busy={accept.isPending}
          busyLabel={t('staffInvitation.accepting')}
          onClick={() => accept.mutate(token)}
          data-testid="staff-invitation-accept"
        >
          {t('staffInvitation.accept')}
        </Button>
      </>
    );
  }

  return (
    <div className="narrow">
      <DocumentTitle page={title} />
      <h1>{title}</h1>
      {content}
    </div>
  );
}
