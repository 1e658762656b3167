import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { WEB_ROUTES, type SubscriptionView } from '@portal/contracts';
import { useSubscription } from '../../api/catalogue';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { formatLocale } from '../../i18n';
import { localized } from '../../lib/localized';
import { NotFoundPage } from '../not-found-page';
import { DeclarationStep } from './declaration-step';

interface CheckedRow {
  key: string;
  actionCode: string;
  actionText: string;
  priority: number | null;
  unit: string;
  currentReach: number;
  plannedExtraReach: number;
  contributionCents: number;
}

/** The saved lines in catalogue order, with their action and unit: the chosen actions (extra reach planned). */
function checkedRows(view: SubscriptionView): CheckedRow[] {
  const lines = new Map(view.lines.map((line) => [line.rowCode, line]));
  return view.catalogue.objectives.flatMap((objective) =>
    objective.actions.flatMap((action) =>
      action.rows.flatMap((row) => {
        const line = lines.get(row.code);
        if (!line || line.plannedExtraReach <= 0) return [];
        return [
          {
            key: row.code,
            actionCode: action.code,
            actionText: action.text,
            priority: view.priorities[action.code] ?? null,
            unit: row.unit,
            currentReach: line.currentReach,
            plannedExtraReach: line.plannedExtraReach,
            contributionCents: line.plannedExtraReach * row.centsPerUnit,
          },
        ];
      }),
    ),
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
  const rows = checkedRows(view);
  const number = (value: number) => value.toLocaleString(formatLocale());
  const columns: DataTableColumn<CheckedRow>[] = [
    {
      id: 'action',
      header: t('check.action'),
      rowHeader: true,
      cell: (row) => (
        <>
          <strong>{row.actionCode}</strong> {row.actionText}
        </>
      ),
    },
    { id: 'unit', header: t('catalogue.subscription.unit'), cell: (row) => row.unit },
    {
      id: 'current',
      header: t('catalogue.subscription.currentReach'),
      align: 'end',
      cell: (row) => number(row.currentReach),
    },
    {
      id: 'planned',
      header: t('catalogue.subscription.plannedReach'),
      align: 'end',
      cell: (row) => number(row.plannedExtraReach),
    },
    {
      id: 'contribution',
      header: t('catalogue.subscription.contribution'),
      align: 'end',
      cell: (row) => <Money cents={row.contributionCents} />,
    },
    {
      id: 'priority',
      header: t('catalogue.subscription.priority'),
      align: 'end',
      cell: (row) => (row.priority === null ? '' : String(row.priority)),
    },
  ];

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
        <DataTable
          caption={t('check.chosenActions')}
          hideCaption
          className="data-table--compact"
          columns={columns}
          rows={rows}
          rowKey={(row) => row.key}
          emptyMessage={t('check.noActions')}
          data-testid="check-actions"
        />
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
