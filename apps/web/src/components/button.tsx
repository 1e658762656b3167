import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Shows a spinner, sets aria-busy and ignores activation while an action is running. */
  busy?: boolean;
  /** Text shown while busy (defaults to the normal label). */
  busyLabel?: ReactNode;
}

/**
 * Accessible button. While busy the button stays focusable (aria-disabled instead of disabled, so keyboard focus is
 * not lost) and clicks/submits are swallowed.
 */
export function Button({
  variant = 'primary',
  busy = false,
  busyLabel,
  type = 'button',
  className,
  children,
  onClick,
  disabled,
  ...rest
}: ButtonProps) {
  const { t } = useTranslation();
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  const classes = ['btn', `btn--${variant}`, busy ? 'btn--busy' : null, className].filter(Boolean).join(' ');
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      disabled={disabled}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={handleClick}
    >
      {busy ? <span className="btn__spinner" aria-hidden="true" /> : null}
      <span>{busy ? (busyLabel ?? children) : children}</span>
      {busy && busyLabel === undefined ? <span className="visually-hidden"> {t('button.busy')}</span> : null}
    </button>
  );
}
