import { useTranslation } from 'react-i18next';
import type { DeadlineWarning } from '@portal/domain';

/** The deadline warning on a draft in "Mijn dossiers": a week left, a day left (stronger), or too late. */
export function DeadlineWarningNote({ warning }: { warning: DeadlineWarning }) {
  const { t } = useTranslation();
  if (!warning) return null;
  const text =
    warning.level === 'soon'
      ? t('applicantHome.deadlineSoon', { count: warning.days })
      : warning.level === 'urgent'
        ? t('applicantHome.deadlineUrgent', { count: warning.hours })
        : t('applicantHome.deadlinePassed');
  return (
    <span
      className={`deadline-warning deadline-warning--${warning.level}`}
      data-testid="deadline-warning"
      data-level={warning.level}
    >
      <span aria-hidden="true">{warning.level === 'soon' ? '! ' : '✕ '}</span>
      {text}
    </span>
  );
}
