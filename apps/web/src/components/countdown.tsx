import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { remainingUntil, useServerNow } from '../lib/server-clock';

export interface CountdownProps {
  /** UTC ISO moment the countdown runs to. */
  until: string;
  /** Called once when the moment passes (by the server's clock). */
  onExpire?: () => void;
  'data-testid'?: string;
}

/**
 * Live time left until a moment, by the server's clock (corrected for the device's clock skew). It ticks every second
 * but is not a live region: a screen reader reads it when the user gets there, not sixty times a minute.
 */
export function Countdown({ until, onExpire, 'data-testid': testId }: CountdownProps) {
  const { t } = useTranslation();
  const now = useServerNow(1000);
  const target = Date.parse(until);
  const remaining = remainingUntil(target, now);
  const expired = remaining.totalMs === 0;
  const fired = useRef(false);
  useEffect(() => {
    if (expired && !fired.current) {
      fired.current = true;
      onExpire?.();
    }
  }, [expired, onExpire]);

  if (Number.isNaN(target)) return null;
  if (expired) {
    return (
      <p className="countdown countdown--expired" data-testid={testId}>
        {t('countdown.expired')}
      </p>
    );
  }
  const text =
    remaining.days > 0
      ? t('countdown.days', {
          count: remaining.days,
          hours: remaining.hours,
          minutes: remaining.minutes,
          seconds: remaining.seconds,
        })
      : t('countdown.hours', { hours: remaining.hours, minutes: remaining.minutes, seconds: remaining.seconds });
  return (
    <p className="countdown" data-testid={testId}>
      <span className="countdown__label">{t('countdown.label')} </span>
      <span role="timer" aria-live="off" className="countdown__value">
        {text}
      </span>
    </p>
  );
}
