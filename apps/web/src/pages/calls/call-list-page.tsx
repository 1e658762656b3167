import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { useCalls } from '../../api/calls';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { EmptyState } from '../../components/empty-state';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';
import { callPhase, type CallPhase } from '../../lib/localized';

const PHASE_ORDER: Record<CallPhase, number> = { open: 0, planned: 1, closed: 2, draft: 3 };

function sortCalls(calls: readonly CallView[]): CallView[] {
  return [...calls].sort(
    (a, b) => PHASE_ORDER[callPhase(a)] - PHASE_ORDER[callPhase(b)] || Date.parse(a.closesAt) - Date.parse(b.closesAt),
  );
}

/** `/oproepen`: the published calls, open ones first (public). */
export function CallListPage() {
  const { t } = useTranslation();
  const { data: calls, isPending, error, refetch, isFetching } = useCalls(false);
  const title = t('calls.listTitle');
  return (
    <>
      <DocumentTitle page={title} />
      <h1>{title}</h1>
      <p className="lead">{t('calls.listIntro')}</p>
      {isPending ? <LoadingIndicator /> : null}
      {error ? (
        <Alert tone="error">
          <p>{errorMessage(error, t)}</p>
          <Button variant="secondary" busy={isFetching} onClick={() => void refetch()}>
            {t('errors.retry')}
          </Button>
        </Alert>
      ) : null}
      {calls && calls.length === 0 ? <EmptyState>{t('calls.none')}</EmptyState> : null}
      {calls && calls.length > 0 ? (
        <ul className="card-list" aria-busy={isFetching || undefined}>
          {sortCalls(calls).map((call) => {
            const phase = callPhase(call);
            return (
              <li key={call.id} className="card">
                <h2 className="card__title">
                  <Link to={`/oproepen/${call.id}`} data-testid={`call-link-${call.code}`}>
                    {call.title}
                  </Link>
                </h2>
                <p className="card__meta">
                  <StatusBadge status={phase} /> <span className="code">{call.code}</span>
                </p>
                <dl className="facts facts--inline">
                  <div>
                    <dt>{phase === 'planned' ? t('calls.opensAt') : t('calls.deadline')}</dt>
                    <dd>
                      <DateTime value={phase === 'planned' ? call.opensAt : call.closesAt} format="longDateTime" />{' '}
                      <span className="muted">{t('calls.brusselsTime')}</span>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('calls.maxRequested')}</dt>
                    <dd>
                      <Money cents={call.maxRequestedCents} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('calls.forWhom')}</dt>
                    <dd>{call.applicantKinds.map((kind) => t(`applicantKind.${kind}`)).join(', ')}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
