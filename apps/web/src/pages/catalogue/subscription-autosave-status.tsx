import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { formatDateTime } from '../../lib/format';
import type { SubscriptionSaveState as SaveState } from './use-subscription-autosave';

/** What the subscription's autosave is doing (a polite live region), with a retry after an error. */
export function SubscriptionAutosaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'saved'
      ? t('catalogue.autosave.saved', { time: formatDateTime(state.at, 'timeSeconds') })
      : state.kind === 'error'
        ? t('catalogue.autosave.error', { message: state.message })
        : t(`catalogue.autosave.${state.kind}`);
  return (
    <div className="autosave">
      <p
        className={['autosave__status', ['error', 'blocked'].includes(state.kind) ? 'autosave__status--problem' : null]
          .filter(Boolean)
          .join(' ')}
        role="status"
        aria-live="polite"
        data-testid="autosave-status"
        data-state={state.kind}
      >
        {state.kind === 'saving' ? <span className="btn__spinner" aria-hidden="true" /> : null}
        {text}
      </p>
      {state.kind === 'error' ? (
        <Button variant="secondary" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      ) : null}
    </div>
  );
}
