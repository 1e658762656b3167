import { useTranslation } from 'react-i18next';

export type StatusTone = 'neutral' | 'info' | 'progress' | 'warning' | 'success' | 'danger';

/** Statuses with a translation in `status.*`; dossier and call (oproep) statuses. */
export const KNOWN_STATUSES = {
  draft: 'neutral',
  submitted: 'info',
  in_review: 'progress',
  changes_requested: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
  paid: 'success',
  planned: 'neutral',
  published: 'info',
  open: 'success',
  closed: 'neutral',
  inadmissible: 'danger',
  awarded: 'success',
  declined: 'neutral',
  sent: 'info',
  returned: 'warning',
  proposed: 'info',
  confirmed: 'success',
  refused: 'danger',
  reserve: 'warning',
  selected: 'success',
  promoted: 'success',
  assigned: 'progress',
  conflict: 'warning',
  admissible: 'success',
  undecided: 'neutral',
  pending: 'neutral',
} as const satisfies Record<string, StatusTone>;

export type KnownStatus = keyof typeof KNOWN_STATUSES;

export function isKnownStatus(status: string): status is KnownStatus {
  return Object.hasOwn(KNOWN_STATUSES, status);
}

/** Shape cue per tone, so the status never relies on colour alone (the text label is always shown too). */
const TONE_ICON: Record<StatusTone, string> = {
  neutral: '○',
  info: '●',
  progress: '◐',
  warning: '!',
  success: '✓',
  danger: '✕',
};

export interface StatusBadgeProps {
  /** Status code from the API, e.g. "submitted". Unknown codes are shown as-is in a neutral badge. */
  status: string;
  /** Overrides the translated label. */
  label?: string;
  /** Overrides the tone derived from the status. */
  tone?: StatusTone;
  className?: string;
}

export function StatusBadge({ status, label, tone, className }: StatusBadgeProps) {
  const { t } = useTranslation();
  const known = isKnownStatus(status);
  const resolvedTone: StatusTone = tone ?? (known ? KNOWN_STATUSES[status] : 'neutral');
  const text = label ?? (known ? t(`status.${status}`) : status);
  return (
    <span
      className={['status-badge', `status-badge--${resolvedTone}`, className].filter(Boolean).join(' ')}
      data-status={status}
    >
      <span className="status-badge__icon" aria-hidden="true">
        {TONE_ICON[resolvedTone]}
      </span>
      {text}
    </span>
  );
}
