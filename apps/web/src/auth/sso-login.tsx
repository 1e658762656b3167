import { useQuery } from '@tanstack/react-query';
import { ERROR_CODES, SSO_ERROR_PARAM, errorMessage, type ErrorCode, type SsoStatus } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { Alert } from '../components/alert';
import { RETURN_PARAM } from '../lib/return-path';

/** `GET /auth/oidc/status`: whether the portal offers signing in through the identity service. */
function useSsoStatus() {
  return useQuery({
    queryKey: ['sso-status'],
    queryFn: ({ signal }) => api.get<SsoStatus>('/auth/oidc/status', { signal }),
    staleTime: Infinity,
  });
}

const isErrorCode = (value: string | null): value is ErrorCode =>
  value !== null && (ERROR_CODES as readonly string[]).includes(value);

/**
 * The login page's way in through the identity service (ACM/IDM, OpenID Connect): a link that starts the sign-in at
 * the API (a full page navigation, not a fetch: the browser goes to the provider and comes back logged in), and the
 * message of a failed sign-in the API sent the browser back with (`?sso-fout=CODE`).
 */
export function SsoLogin({ returnPath }: { returnPath: string | null }) {
  const { t, i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const { data: status } = useSsoStatus();
  const code = searchParams.get(SSO_ERROR_PARAM);
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  const query = returnPath ? `?${new URLSearchParams({ [RETURN_PARAM]: returnPath }).toString()}` : '';
  const href = status ? `${status.loginPath}${query}` : null;
  return (
    <>
      {isErrorCode(code) ? (
        <Alert tone="error" data-testid="login-sso-error">
          {errorMessage(code, locale)}
        </Alert>
      ) : null}
      {status?.enabled && href ? (
        <section aria-labelledby="login-sso-title" className="sso-login">
          <h2 id="login-sso-title">{t('sso.title')}</h2>
          <p>{t('sso.intro')}</p>
          <p>
            <a className="btn btn--secondary" href={href} data-testid="login-sso">
              {t('sso.button')}
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}
