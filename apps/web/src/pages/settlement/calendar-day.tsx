import { useTranslation } from 'react-i18next';
import { humanFormat } from '@portal/domain';

/** A calendar day (YYYY-MM-DD) in long form in the UI language: "1 januari 2027". */
export function CalendarDay({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  return <time dateTime={value}>{humanFormat(locale).longDate(value)}</time>;
}
