import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCalls } from '../api/calls';
import { errorMessage } from '../api/error-message';
import { Alert } from '../components/alert';
import { DateTime } from '../components/date-time';
import { DocumentTitle } from '../components/document-title';
import { EmptyState } from '../components/empty-state';
import { LoadingIndicator } from '../components/loading-indicator';
import { Money } from '../components/money';
import { callPhase } from '../lib/localized';

/** `/` for an anonymous visitor: what the portal is for, the calls open today, and the way in. */
export function LandingPage() {
  const { t } = useTranslation();
  const calls = useCalls(false);
  const title = t('landing.title');
  const open = (calls.data ?? [])
    .filter((call) => callPhase(call) === 'open')
    .sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
  return (
    <>
      <DocumentTitle page={title} />
      <h1 data-testid="landing">{title}</h1>
      <p className="lead">{t('landing.intro')}</p>
      <ul className="action-links">
        <li>
          <Link to="/login" data-testid="landing-login">
            {t('landing.login')}
          </Link>
        </li>
        <li>
          <Link to="/registreren" data-testid="landing-register">
            {t('landing.register')}
          </Link>
        </li>
      </ul>

      <h2 id="landing-open-calls">{t('landing.openCalls')}</h2>
      {calls.isPending ? <LoadingIndicator /> : null}
      {calls.error ? <Alert tone="error">{errorMessage(calls.error, t)}</Alert> : null}
      {calls.data && open.length === 0 ? <EmptyState>{t('landing.noOpenCalls')}</EmptyState> : null}
      {open.length > 0 ? (
        <ul className="card-list" aria-labelledby="landing-open-calls" data-testid="landing-calls">
          {open.map((call) => (
            <li key={call.id} className="card" data-testid="landing-call" data-code={call.code}>
              <h3 className="card__title">
                <Link to={`/oproepen/${call.id}`}>{call.title}</Link>
              </h3>
              <dl className="facts facts--inline">
                <div>
                  <dt>{t('calls.deadline')}</dt>
                  <dd>
                    <DateTime value={call.closesAt} format="longDateTime" />{' '}
                    <span className="muted">{t('calls.brusselsTime')}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('calls.maxRequested')}</dt>
                  <dd>
                    <Money cents={call.maxRequestedCents} />
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to="/oproepen">{t('landing.allCalls')}</Link>
      </p>
    </>
  );
}
