import { Button } from './button';

export interface AutosaveIndicatorProps {
  /** The autosave's state, as `data-state` (`saving` shows a spinner). */
  kind: string;
  text: string;
  /** Something the person has to act on: shown as a problem. */
  problem: boolean;
  /** After a failed save: a button that tries again. */
  retry?: { label: string; onRetry: () => void; testId?: string };
}

/** What a form's autosave is doing, in a polite live region (`autosave-status`). */
export function AutosaveIndicator({ kind, text, problem, retry }: AutosaveIndicatorProps) {
  return (
    <div className="autosave">
      <p
        className={['autosave__status', problem ? 'autosave__status--problem' : null].filter(Boolean).join(' ')}
        role="status"
        aria-live="polite"
        data-testid="autosave-status"
        data-state={kind}
      >
        {kind === 'saving' ? <span className="btn__spinner" aria-hidden="true" /> : null}
        {text}
      </p>
      {retry ? (
        <Button variant="secondary" onClick={retry.onRetry} data-testid={retry.testId}>
          {retry.label}
        </Button>
      ) : null}
    </div>
  );
}
