import { useTranslation } from 'react-i18next';
import { Money } from '../../components/money';
import { formatMoney } from '../../lib/format';
import type { analyse, SubscriptionFormState } from './subscription-model';

interface SubscriptionSummaryProps {
  analysis: ReturnType<typeof analyse>;
  state: SubscriptionFormState;
  errorsByField: ReadonlyMap<string, string>;
  editable: boolean;
  onOwnContribution: (value: string) => void;
}

/** The chosen actions, the Flemish contribution they add up to, and the own contribution that must match it. */
export function SubscriptionSummary({
  analysis,
  state,
  errorsByField,
  editable,
  onOwnContribution,
}: SubscriptionSummaryProps) {
  const { t } = useTranslation();
  const chosenCount = analysis.chosen.length;
  return (
    <section className="subscription__summary" aria-labelledby="subscription-summary">
      <h2 id="subscription-summary">{t('catalogue.subscription.summaryTitle')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('catalogue.subscription.chosenActions')}</dt>
          <dd data-testid="chosen-actions">{chosenCount}</dd>
        </div>
        <div>
          <dt>{t('catalogue.subscription.flemishTotal')}</dt>
          <dd data-testid="flemish-total" aria-live="polite">
            <Money cents={analysis.totals.totalCents} />
          </dd>
        </div>
      </dl>
      <div className="form-field form-field--amount">
        <label htmlFor="own-contribution" className="form-field__label">
          {t('catalogue.subscription.ownContribution')}
        </label>
        <p id="own-contribution-help" className="form-field__help">
          {t('catalogue.subscription.ownContributionHelp', {
            amount: formatMoney(analysis.totals.totalCents),
          })}
        </p>
        <input
          id="own-contribution"
          className="form-field__control"
          inputMode="decimal"
          value={state.ownContribution}
          readOnly={!editable}
          aria-invalid={errorsByField.has('ownContribution') || undefined}
          aria-describedby={
            errorsByField.has('ownContribution')
              ? 'own-contribution-help own-contribution-error'
              : 'own-contribution-help'
          }
          onChange={(event) => onOwnContribution(event.target.value)}
          data-testid="own-contribution"
        />
        {errorsByField.has('ownContribution') ? (
          <p id="own-contribution-error" className="form-field__error" data-testid="own-contribution-error">
            {errorsByField.get('ownContribution')}
          </p>
        ) : null}
      </div>
    </section>
  );
}
