import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
  className?: string;
  'data-testid'?: string;
}

/**
 * Message box. Errors use role="alert" (announced immediately); other tones use role="status" (polite).
 * Render it conditionally when the message appears, so assistive technology announces the new content.
 */
export function Alert({ tone = 'info', title, children, id, className, 'data-testid': testId }: AlertProps) {
  return (
    <div
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      className={['alert', `alert--${tone}`, className].filter(Boolean).join(' ')}
      data-testid={testId}
    >
      {title ? <p className="alert__title">{title}</p> : null}
      {children ? <div className="alert__body">{children}</div> : null}
    </div>
  );
}
