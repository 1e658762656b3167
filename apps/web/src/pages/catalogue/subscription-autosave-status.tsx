import { useTranslation } from 'react-i18next';
import { AutosaveIndicator } from '../../components/autosave-indicator';
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
    <AutosaveIndicator
      kind={state.kind}
      text={text}
      problem={state.kind === 'error' || state.kind === 'blocked'}
      retry={state.kind === 'error' ? { label: t('errors.retry'), onRetry } : undefined}
    />
  );
}
