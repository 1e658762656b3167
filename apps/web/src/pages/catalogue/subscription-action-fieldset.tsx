import { useTranslation } from 'react-i18next';
import type { CatalogueActionView } from '@portal/contracts';
import { Money } from '../../components/money';
import type { analyse, SubscriptionFormState } from './subscription-model';

interface ActionFieldsetProps {
  action: CatalogueActionView;
  state: SubscriptionFormState;
  analysis: ReturnType<typeof analyse>;
  errors: ReadonlyMap<string, string>;
  editable: boolean;
  chosenCount: number;
  onReach: (rowCode: string, field: 'current' | 'planned', value: string) => void;
  onPriority: (value: string) => void;
}

/** One action of the catalogue: reach per unit (current and planned), its contribution, and its priority once chosen. */
export function ActionFieldset({
  action,
  state,
  analysis,
  errors,
  editable,
  chosenCount,
  onReach,
  onPriority,
}: ActionFieldsetProps) {
  const { t } = useTranslation();
  const lineOf = new Map(analysis.totals.lines.map((line) => [line.rowCode, line]));
  const actionTotal = analysis.totals.actions.find((a) => a.actionCode === action.code)?.contributionCents ?? 0;
  const chosen = analysis.chosen.includes(action.code);
  const priorityError = errors.get(`priorities.${action.code}`);
  const priorityId = `priority-${action.code}`;
  return (
    <fieldset className="fieldset subscription__action" data-testid={`action-${action.code}`}>
      <legend className="fieldset__legend">
        <span className="code">{action.code}</span> {action.text}
      </legend>
      <div className="table-scroll">
        <table className="data-table catalogue-table">
          <thead>
            <tr>
              <th scope="col">{t('catalogue.subscription.unit')}</th>
              <th scope="col">{t('catalogue.subscription.maxUnits')}</th>
              <th scope="col">{t('catalogue.subscription.perUnit')}</th>
              <th scope="col">{t('catalogue.subscription.currentReach')}</th>
              <th scope="col">{t('catalogue.subscription.plannedReach')}</th>
              <th scope="col">{t('catalogue.subscription.contribution')}</th>
            </tr>
          </thead>
          <tbody>
            {action.rows.map((row) => {
              const typed = state.reach[row.code] ?? { current: '', planned: '' };
              const plannedError = errors.get(`reach.${row.code}.planned`);
              const currentError = errors.get(`reach.${row.code}.current`);
              return (
                <tr key={row.code}>
                  <th scope="row">{row.unit}</th>
                  <td data-label={t('catalogue.subscription.maxUnits')}>{row.maxUnits}</td>
                  <td data-label={t('catalogue.subscription.perUnit')}>
                    <Money cents={row.centsPerUnit} />
                  </td>
                  <td data-label={t('catalogue.subscription.currentReach')}>
                    <input
                      className="form-field__control form-field__control--short"
                      inputMode="numeric"
                      aria-label={`${t('catalogue.subscription.currentReach')}: ${row.unit}`}
                      value={typed.current}
                      readOnly={!editable}
                      aria-invalid={currentError ? true : undefined}
                      onChange={(event) => onReach(row.code, 'current', event.target.value)}
                      data-testid={`reach-current-${row.code}`}
                    />
                    {currentError ? <p className="form-field__error">{currentError}</p> : null}
                  </td>
                  <td data-label={t('catalogue.subscription.plannedReach')}>
                    <input
                      className="form-field__control form-field__control--short"
                      inputMode="numeric"
                      aria-label={`${t('catalogue.subscription.plannedReach')}: ${row.unit}`}
                      value={typed.planned}
                      readOnly={!editable}
                      aria-invalid={plannedError ? true : undefined}
                      aria-describedby={plannedError ? `planned-error-${row.code}` : undefined}
                      onChange={(event) => onReach(row.code, 'planned', event.target.value)}
                      data-testid={`reach-planned-${row.code}`}
                    />
                    {plannedError ? (
                      <p
                        id={`planned-error-${row.code}`}
                        className="form-field__error"
                        data-testid={`reach-error-${row.code}`}
                      >
                        {plannedError}
                      </p>
                    ) : null}
                  </td>
                  <td
                    data-label={t('catalogue.subscription.contribution')}
                    data-testid={`row-contribution-${row.code}`}
                  >
                    <Money cents={lineOf.get(row.code)?.contributionCents ?? 0} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        {t('catalogue.subscription.actionTotal')}:{' '}
        <strong data-testid={`action-contribution-${action.code}`}>
          <Money cents={actionTotal} />
        </strong>
      </p>
      {chosen ? (
        <div className="form-field form-field--short">
          <label htmlFor={priorityId} className="form-field__label">
            {t('catalogue.subscription.priority')}
          </label>
          <p id={`${priorityId}-help`} className="form-field__help">
            {t('catalogue.subscription.priorityHelp', { count: chosenCount })}
          </p>
          <input
            id={priorityId}
            className="form-field__control"
            inputMode="numeric"
            value={state.priorities[action.code] ?? ''}
            readOnly={!editable}
            aria-invalid={priorityError ? true : undefined}
            aria-describedby={priorityError ? `${priorityId}-help ${priorityId}-error` : `${priorityId}-help`}
            onChange={(event) => onPriority(event.target.value)}
            data-testid={`priority-${action.code}`}
          />
          {priorityError ? (
            <p id={`${priorityId}-error`} className="form-field__error">
              {priorityError}
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
