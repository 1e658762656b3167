import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAcceptInvitation } from '../api/applicants';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { hasRole } from '../auth/roles';
import { useCurrentUser, useLogout } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { DocumentTitle } from '../components/document-title';
import { LoadingIndicator } from '../components/loading-indicator';
import { withReturnPath } from '../lib/return-path';
import { ServiceUnavailable } from './service-unavailable';

/** Codes after which accepting again cannot help: the button goes away and the explanation stays. */
const FINAL_CODES = new Set(['INVITATION_INVALID', 'INVITATION_FOR_OTHER_EMAIL']);

/**
 * `/uitnodiging/:token`, the link in the invitation mail. Anonymous visitors log in or create an account and come back
 * here; a logged-in applicant accepts and joins the organisation. The token is single use and bound to the invited
 * address, which the API checks.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { data: user, error: userError, refetch, isFetching } = useCurrentUser();
  const logout = useLogout();
  const accept = useAcceptInvitation();
  const resultRef = useRef<HTMLDivElement>(null);
  const title = t('invitation.title');
  const here = `/uitnodiging/${encodeURIComponent(token)}`;

  // The button disappears once there is an outcome: move focus to the outcome so it is not lost.
  const settled =
    accept.isSuccess || (accept.isError && isApiError(accept.error) && FINAL_CODES.has(accept.error.code));
  useEffect(() => {
    if (settled) resultRef.current?.focus();
  }, [settled]);

  if (user === undefined) {
    if (userError) return <ServiceUnavailable error={userError} retrying={isFetching} onRetry={() => void refetch()} />;
    return (
      <>
        <DocumentTitle page={title} />
        <LoadingIndicator />
      </>
    );
  }

  if (user === null) {
    return (
      <div className="narrow">
        <DocumentTitle page={title} />
        <h1>{title}</h1>
        <p className="lead">{t('invitation.anonymousIntro')}</p>
        <p>{t('invitation.anonymousHow')}</p>
        <div className="button-row">
          <Link
            to={withReturnPath('/login', here)}
            className="btn btn--primary btn--link"
            data-testid="invitation-login"
          >
            {t('invitation.login')}
          </Link>
          <Link
            to={withReturnPath('/registreren', here)}
            className="btn btn--secondary btn--link"
            data-testid="invitation-register"
          >
            {t('invitation.register')}
          </Link>
        </div>
      </div>
    );
  }

  const logoutButton = (
    <Button
      variant="secondary"
      busy={logout.isPending}
      busyLabel={t('nav.loggingOut')}
      onClick={() => {
        accept.reset();
        logout.mutate();
      }}
      data-testid="invitation-logout"
    >
      {t('invitation.logout')}
    </Button>
  );

  const error = accept.error;
  const code = isApiError(error) ? error.code : null;
  return (
    <div className="narrow">
      <DocumentTitle page={title} />
      <h1>{title}</h1>
      {!hasRole(user, 'applicant') ? (
        <>
          <Alert tone="warning" title={t('invitation.notApplicantTitle')}>
            <p>{t('invitation.notApplicant', { email: user.email })}</p>
          </Alert>
          {logoutButton}
        </>
      ) : (
        <>
          {!settled ? (
            <>
              <p className="lead">{t('invitation.loggedInIntro', { email: user.email })}</p>
              {error ? (
                <Alert tone="error" data-testid="invitation-error">
                  {errorMessage(error, t)}
                </Alert>
              ) : null}
              <Button
                variant="primary"
                busy={accept.isPending}
                busyLabel={t('invitation.accepting')}
                onClick={() => accept.mutate(token)}
                data-testid="accept-invitation"
              >
                {t('invitation.accept')}
              </Button>
            </>
          ) : null}
          <div ref={resultRef} tabIndex={-1} className="focus-target">
            {accept.isSuccess ? (
              <Alert tone="success" title={t('invitation.acceptedTitle')} data-testid="invitation-accepted">
                <p>{t('invitation.accepted', { name: accept.data.legalName })}</p>
                <p>
                  <Link to="/aanvrager" data-testid="invitation-to-home">
                    {t('invitation.toHome')}
                  </Link>
                </p>
              </Alert>
            ) : null}
            {settled && isApiError(error) ? (
              <>
                <Alert tone="error" title={error.title} data-testid="invitation-error">
                  <p data-code={code}>{errorMessage(error, t)}</p>
                  {code === 'INVITATION_INVALID' ? <p>{t('invitation.invalidAdvice')}</p> : null}
                  {code === 'INVITATION_FOR_OTHER_EMAIL' ? (
                    <p>{t('invitation.otherEmailAdvice', { email: user.email })}</p>
                  ) : null}
                </Alert>
                {code === 'INVITATION_FOR_OTHER_EMAIL' ? logoutButton : null}
                {code === 'INVITATION_INVALID' ? (
                  <p>
                    <Link to="/aanvrager">{t('invitation.toHome')}</Link>
                  </p>
                ) : null}
              </>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
