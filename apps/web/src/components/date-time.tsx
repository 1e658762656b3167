import { useTranslation } from 'react-i18next';
import { formatDateTime, type DateTimeStyle } from '../lib/format';
import { isLanguage } from '../i18n';

export interface DateTimeProps {
  /** ISO 8601 moment ("2025-03-01T09:30:00Z") or date ("2025-03-01"). */
  value: string;
  /** Defaults to date + time. */
  format?: DateTimeStyle;
  className?: string;
}

/** A moment shown in the Europe/Brussels time zone in the UI language, inside a machine-readable <time>. */
export function DateTime({ value, format = 'dateTime', className }: DateTimeProps) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : undefined;
  return (
    <time dateTime={value} className={className}>
      {formatDateTime(value, format, language)}
    </time>
  );
}
