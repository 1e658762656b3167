import { useTranslation } from 'react-i18next';
import { centsToDecimal, formatMoney, type Cents } from '../lib/format';
import { isLanguage } from '../i18n';

export interface MoneyProps {
  /** Amount in euro cents: number, bigint or an integer string (use strings for amounts beyond 2^53). */
  cents: Cents;
  className?: string;
}

/** Euro amount formatted for the UI language (nl-BE / en-BE), e.g. "€ 1.234,50". */
export function Money({ cents, className }: MoneyProps) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : undefined;
  const decimal = centsToDecimal(cents);
  return (
    <data value={decimal ?? String(cents)} className={['money', className].filter(Boolean).join(' ')}>
      {formatMoney(cents, language)}
    </data>
  );
}
