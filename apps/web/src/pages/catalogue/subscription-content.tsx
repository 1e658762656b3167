import { useTranslation } from 'react-i18next';
import type { SubscriptionView } from '@portal/contracts';
import { Money } from '../../components/money';
import { formatLocale } from '../../i18n';

interface CheckedRow {
  code: string;
  unit: string;
  currentReach: number;
  plannedExtraReach: number;
  contributionCents: number;
}

interface CheckedAction {
  code: string;
  text: string;
  priority: number | null;
  rows: CheckedRow[];
}

/** The chosen actions (some row plans extra reach) in catalogue order, with the saved lines of their rows. */
function checkedActions(view: SubscriptionView): CheckedAction[] {
  const lines = new Map(view.lines.map((line) => [line.rowCode, line]));
  return view.catalogue.objectives.flatMap((objective) =>
    objective.actions.flatMap((action) => {
      const rows = action.rows.flatMap((row) => {
        const line = lines.get(row.code);
        if (!line || (line.plannedExtraReach <= 0 && line.currentReach <= 0)) return [];
        const { currentReach, plannedExtraReach } = line;
        const contributionCents = plannedExtraReach * row.centsPerUnit;
        return [{ code: row.code, unit: row.unit, currentReach, plannedExtraReach, contributionCents }];
      });
      if (!rows.some((row) => row.plannedExtraReach > 0)) return [];
      return [{ code: action.code, text: action.text, priority: view.priorities[action.code] ?? null, rows }];
    }),
  );
}

/**
 * What a subscription holds, as a summary: the call, the applicant, the chosen actions with their priority, reach and
 * Flemish contribution, the totals. The check step shows it before the declaration; a subscription that can no longer
 * be changed shows it instead of its form.
 */
export function SubscriptionContent({ view, heading }: { view: SubscriptionView; heading?: string }) {
  const { t } = useTranslation();
  const actions = checkedActions(view);
  const number = (value: number) => value.toLocaleString(formatLocale());
  return (
    <section aria-labelledby="check-summary-title" data-testid="check-summary">
      <h2 id="check-summary-title">{heading ?? t('check.summaryTitle')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('dossier.call')}</dt>
          <dd>{view.call.title}</dd>
        </div>
        <div>
          <dt>{t('dossier.applicant')}</dt>
          <dd>{view.applicant.legalName}</dd>
        </div>
      </dl>
      <h3>{t('check.chosenActions')}</h3>
      {actions.length === 0 ? <p className="muted">{t('check.noActions')}</p> : null}
      <ol className="check-step__actions" data-testid="check-actions">
        {actions.map((action) => (
          <li key={action.code} data-testid={`check-action-${action.code}`}>
            <h4>
              {action.code} {action.text}
            </h4>
            <p>
              {t('catalogue.subscription.priority')}:{' '}
              <strong data-testid={`check-priority-${action.code}`}>{action.priority ?? '-'}</strong>
            </p>
            {action.rows.map((row) => (
              <dl key={row.code} className="facts facts--inline" data-testid={`check-row-${row.code}`}>
                <div>
                  <dt>{t('catalogue.subscription.unit')}</dt>
                  <dd>{row.unit}</dd>
                </div>
                <div>
                  <dt>{t('catalogue.subscription.currentReach')}</dt>
                  <dd>{number(row.currentReach)}</dd>
                </div>
                <div>
                  <dt>{t('catalogue.subscription.plannedReach')}</dt>
                  <dd>{number(row.plannedExtraReach)}</dd>
                </div>
                <div>
                  <dt>{t('catalogue.subscription.contribution')}</dt>
                  <dd>
                    <Money cents={row.contributionCents} />
                  </dd>
                </div>
              </dl>
            ))}
          </li>
        ))}
      </ol>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('catalogue.subscription.flemishTotal')}</dt>
          <dd data-testid="check-flemish-total">
            <Money cents={view.flemishContributionCents} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.subscription.ownContribution')}</dt>
          <dd data-testid="check-own-contribution">
            <Money cents={view.ownContributionCents} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
