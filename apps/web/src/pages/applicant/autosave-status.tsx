import { useTranslation } from 'react-i18next';
import { AutosaveIndicator } from '../../components/autosave-indicator';
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
    <AutosaveIndicator
      kind={state.kind}
      text={text}
      problem={problem}
      retry={
        state.kind === 'error' ? { label: t('dossier.autosave.retry'), onRetry, testId: 'autosave-retry' } : undefined
      }
    />
  );
}
