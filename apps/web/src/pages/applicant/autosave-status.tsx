import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { formatDateTime } from '../../lib/format';
import type { SaveState } from './use-dossier-autosave';

/** What autosave is doing, for the user and for assistive technology (a polite live region). */
export function AutosaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  let text: string;
  switch (state.kind) {
    case 'idle':
      text = t('dossier.autosave.idle');
      break;
    case 'pending':
      text = t('dossier.autosave.pending');
      break;
    case 'saving':
      text = t('dossier.autosave.saving');
      break;
    case 'saved':
      text = t('dossier.autosave.saved', { time: formatDateTime(state.at, 'timeSeconds') });
      break;
    case 'blocked':
      text = t('dossier.autosave.blocked');
      break;
    case 'conflict':
      text = t('dossier.autosave.conflict');
      break;
    case 'rejected':
    case 'error':
    case 'readOnly':
      text = t('dossier.autosave.failed', { message: state.message });
      break;
  }
  const problem = ['blocked', 'conflict', 'rejected', 'error', 'readOnly'].includes(state.kind);
  return (
    <div className="autosave">
      <p
        className={['autosave__status', problem ? 'autosave__status--problem' : null].filter(Boolean).join(' ')}
        role="status"
        aria-live="polite"
        data-testid="autosave-status"
        data-state={state.kind}
      >
        {state.kind === 'saving' ? <span className="btn__spinner" aria-hidden="true" /> : null}
        {text}
      </p>
      {state.kind === 'error' ? (
        <Button variant="secondary" onClick={onRetry} data-testid="autosave-retry">
          {t('dossier.autosave.retry')}
        </Button>
      ) : null}
    </div>
  );
}
