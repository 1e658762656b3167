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

/** The message of a failed sign-in the API sent the browser back with (`/login?sso-fout=CODE`), at the top of the page. */
export function SsoLoginError() {
  const { i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const code = searchParams.get(SSO_ERROR_PARAM);
  if (!isErrorCode(code)) return null;
  return (
    <Alert tone="error" data-testid="login-sso-error">
      {errorMessage(code, i18n.resolvedLanguage === 'en' ? 'en' : 'nl')}
    </Alert>
  );
}

/**
 * The login page's way in through the identity service (ACM/IDM, OpenID Connect), shown when the API offers it: a
 * link that starts the sign-in at the API (a page navigation, not a fetch: the browser goes to the provider and comes
 * back logged in, to the return path when one is given).
 */
export function SsoLogin({ returnPath }: { returnPath: string | null }) {
  const { t } = useTranslation();
  const { data: status } = useSsoStatus();
  if (!status?.enabled) return null;
  const query = returnPath ? `?${new URLSearchParams({ [RETURN_PARAM]: returnPath }).toString()}` : '';
  return (
    <section aria-labelledby="login-sso-title">
      <h2 id="login-sso-title">{t('sso.title')}</h2>
      <p>{t('sso.intro')}</p>
      <p>
        <a className="btn btn--secondary" href={`${status.loginPath}${query}`} data-testid="login-sso">
          {t('sso.button')}
        </a>
      </p>
    </section>
  );
}
