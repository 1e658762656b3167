import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { WEB_ROUTES, type SubscriptionView } from '@portal/contracts';
import { useSubscription } from '../../api/catalogue';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { formatLocale } from '../../i18n';
import { localized } from '../../lib/localized';
import { NotFoundPage } from '../not-found-page';
import { DeclarationStep } from './declaration-step';

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
 * `/aanvrager/intekeningen/:id/controleren`: the check step of a Plan Samenleven subscription, on the saved version
 * (the form saved before it came here): chosen actions, reach, contributions and priorities, then the declaration.
 */
export function SubscriptionCheckPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const subscription = useSubscription(id);
  const formPath = WEB_ROUTES.subscription(id);
  if (subscription.error) {
    if (isApiError(subscription.error) && subscription.error.status === 404) return <NotFoundPage />;
    return <Alert tone="error">{errorMessage(subscription.error, t)}</Alert>;
  }
  if (!subscription.data) return <LoadingIndicator />;
  const view = subscription.data;
  const actions = checkedActions(view);
  const number = (value: number) => value.toLocaleString(formatLocale());

  return (
    <article className="check-step" data-testid="check-step">
      <DocumentTitle page={t('check.subscriptionTitle')} />
      <p className="breadcrumb">
        <Link to={formPath}>{t('check.backToForm')}</Link>
      </p>
      <h1>{t('check.subscriptionTitle')}</h1>
      <p className="prose">{t('check.intro')}</p>
      {view.editable ? null : <Alert tone="warning">{t('catalogue.subscription.readOnly')}</Alert>}
      {view.issues.length > 0 ? (
        <Alert tone="warning" title={t('catalogue.subscription.issuesTitle')} data-testid="check-issues">
          <ul>
            {view.issues.map((issue, index) => (
              <li key={`${issue.field}-${index}`}>{localized(issue.message)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <section aria-labelledby="check-summary-title" data-testid="check-summary">
        <h2 id="check-summary-title">{t('check.summaryTitle')}</h2>
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

      {view.editable ? (
        <DeclarationStep dossierId={view.dossierId} applicantName={view.applicant.legalName} formPath={formPath} />
      ) : (
        <p>
          <Link to={formPath}>{t('check.backToForm')}</Link>
        </p>
      )}
    </article>
  );
}
