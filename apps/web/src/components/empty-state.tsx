import type { ReactNode } from 'react';

export interface EmptyStateProps {
  children: ReactNode;
  /** Optional call to action (link or button) below the message. */
  action?: ReactNode;
  'data-testid'?: string;
}

export function EmptyState({ children, action, 'data-testid': testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state__message">{children}</p>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
