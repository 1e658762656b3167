import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CatalogueActionView, SubscriptionView } from '@portal/contracts';
import {
  catalogueQueryKeys,
  conflictingSubscription,
  putSubscription,
  useSubscription,
  useSubscriptionAllocation,
} from '../../api/catalogue';
import { isApiError } from '../../api/client';
import { DOSSIERS_QUERY_KEY, submitDossier } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { currentLanguage } from '../../i18n';
import { formatDateTime, formatMoney } from '../../lib/format';
import { newIdempotencyKey } from '../../lib/idempotency';
import { localized } from '../../lib/localized';
import { NotFoundPage } from '../not-found-page';
import { AllocationExplanation } from './allocation-explanation';
import { analyse, issueFieldPath, renumber, toFormState, type SubscriptionFormState } from './subscription-model';

export const SUBSCRIPTION_AUTOSAVE_MS = 1500;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'blocked' }
  | { kind: 'error'; message: string };

/** `/aanvrager/intekeningen/:id`: a local government's subscription to a catalogue call (Plan Samenleven). */
export function SubscriptionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const subscription = useSubscription(id);
  if (subscription.error) {
    if (isApiError(subscription.error) && subscription.error.status === 404) return <NotFoundPage />;
    return <Alert tone="error">{errorMessage(subscription.error, t)}</Alert>;
  }
  if (!subscription.data) return <LoadingIndicator />;
  return <SubscriptionForm key={subscription.data.dossierId} initial={subscription.data} />;
}

function SubscriptionForm({ initial }: { initial: SubscriptionView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const decimalSeparator = currentLanguage() === 'nl' ? ',' : '.';
  const [view, setView] = useState(initial);
  const [state, setState] = useState<SubscriptionFormState>(() => toFormState(initial, decimalSeparator));
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const versionRef = useRef(initial.version);
  const timerRef = useRef<number | null>(null);
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const submitKeyRef = useRef<string | null>(null);
  const catalogue = view.catalogue;
  const analysis = useMemo(() => analyse(catalogue, state), [catalogue, state]);
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const editable = view.editable;
  const decided = ['awarded', 'rejected'].includes(view.status);
  const allocation = useSubscriptionAllocation(view.dossierId, view.submissionCount > 0);

  const adopt = useCallback(
    (fresh: SubscriptionView) => {
      versionRef.current = fresh.version;
      setView(fresh);
      queryClient.setQueryData(catalogueQueryKeys.subscription(fresh.dossierId), fresh);
    },
    [queryClient],
  );

  const performSave = useCallback(async (): Promise<boolean> => {
    const current = analysisRef.current;
    if (!current.input || current.blocking.length > 0) {
      setSaveState({ kind: 'blocked' });
      return false;
    }
    setSaveState({ kind: 'saving' });
    try {
      const saved = await putSubscription(initial.dossierId, versionRef.current, current.input);
      adopt(saved);
      setSaveState({ kind: 'saved', at: saved.updatedAt });
      void queryClient.invalidateQueries({ queryKey: [...DOSSIERS_QUERY_KEY, 'mine'] });
      return true;
    } catch (error) {
      const theirs = conflictingSubscription(error);
      if (theirs) {
        adopt(theirs);
        setState(toFormState(theirs, decimalSeparator));
        setNotice(t('catalogue.autosave.conflict'));
        setSaveState({ kind: 'idle' });
        return false;
      }
      if (isApiError(error) && error.code === 'DEADLINE_PASSED') setView((v) => ({ ...v, editable: false }));
      setSaveState({ kind: 'error', message: errorMessage(error, t) });
      return false;
    }
  }, [adopt, decimalSeparator, initial.dossierId, queryClient, t]);

  const saveNow = useCallback((): Promise<boolean> => {
    if (timerRef.current !== null) {
      window.clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    const run = queueRef.current.then(performSave, performSave);
    queueRef.current = run.catch(() => undefined);
    return run;
  }, [performSave]);

  const change = (update: (previous: SubscriptionFormState) => SubscriptionFormState) => {
    if (!editable) return;
    setNotice(null);
    setState((previous) => {
      const next = update(previous);
      const chosenBefore = analyse(catalogue, previous).chosen;
      const chosenNow = analyse(catalogue, next).chosen;
      return { ...next, priorities: renumber(next.priorities, chosenBefore, chosenNow) };
    });
    setSaveState({ kind: 'pending' });
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = window.setTimeout(() => {
      timerRef.current = null;
      void saveNow();
    }, SUBSCRIPTION_AUTOSAVE_MS);
  };

  // Leaving the page saves what still waits for the timer.
  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;
  useEffect(
    () => () => {
      if (timerRef.current !== null) void saveNowRef.current();
    },
    [],
  );

  const submit = async () => {
    setSubmitError(null);
    setSubmitting(true);
    try {
      if (!(await saveNow())) return;
      submitKeyRef.current ??= newIdempotencyKey();
      await submitDossier(initial.dossierId, submitKeyRef.current);
      submitKeyRef.current = null;
      await queryClient.invalidateQueries({ queryKey: [...DOSSIERS_QUERY_KEY, 'mine'] });
      await queryClient.invalidateQueries({ queryKey: catalogueQueryKeys.subscription(initial.dossierId) });
      await navigate(`/aanvrager/dossiers/${initial.dossierId}/ontvangstbewijs`);
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  const errorsByField = new Map<string, string>();
  for (const [path, key] of Object.entries(analysis.typingErrors)) {
    errorsByField.set(path, t(`catalogue.subscription.${key}`));
  }
  for (const issue of analysis.issues) {
    const path = issueFieldPath(issue, analysis.input);
    if (!errorsByField.has(path)) errorsByField.set(path, localized(issue.message));
  }
  if (isApiError(submitError)) {
    for (const error of submitError.errors) {
      const path = issueFieldPath(
        { field: error.field, code: error.code, message: { nl: '', en: '' } },
        analysis.input,
      );
      if (!errorsByField.has(path)) errorsByField.set(path, error.message);
    }
  }
  const canSubmit =
    editable && analysis.input !== null && analysis.issues.length === 0 && !submitting && saveState.kind !== 'saving';
  const chosenCount = analysis.chosen.length;

  return (
    <article className="subscription">
      <DocumentTitle page={`${t('catalogue.subscription.pageTitle')}: ${view.call.title}`} />
      <p className="breadcrumb">
        <Link to="/aanvrager">{t('catalogue.subscription.back')}</Link>
      </p>
      <h1>
        {t('catalogue.subscription.pageTitle')}: {view.call.title}
      </h1>
      <p className="card__meta">
        <strong>{view.applicant.legalName}</strong>
        {view.applicant.nisCode ? <span className="code"> NIS {view.applicant.nisCode}</span> : null}
      </p>
      <p>
        {t('catalogue.subscription.deadline')} <DateTime value={view.call.closesAt} format="longDateTimeSeconds" />
      </p>

      {view.submissionCount > 0 ? (
        <Alert tone="info" data-testid="subscription-submitted">
          {decided ? null : <p>{t('catalogue.subscription.submittedNotice', { reference: view.reference ?? '' })}</p>}
          {view.hasUnsubmittedChanges ? <p>{t('catalogue.subscription.unsubmittedChanges')}</p> : null}
          <p>
            <Link to={`/aanvrager/dossiers/${view.dossierId}/ontvangstbewijs`}>
              {t('catalogue.subscription.receipt')}
            </Link>
          </p>
        </Alert>
      ) : null}
      {allocation.data ? <AllocationExplanation view={allocation.data} /> : null}
      {!editable ? <Alert tone="warning">{t('catalogue.subscription.readOnly')}</Alert> : null}
      {notice ? <Alert tone="warning">{notice}</Alert> : null}

      <p className="prose">{t('catalogue.subscription.intro', { name: view.applicant.legalName })}</p>

      {catalogue.objectives.map((objective) => (
        <section key={objective.code} aria-labelledby={`objective-${objective.code}`}>
          <h2 id={`objective-${objective.code}`}>
            {t('catalogue.subscription.objective', { code: objective.code, name: objective.name })}
          </h2>
          {objective.actions.map((action) => (
            <ActionFieldset
              key={action.code}
              action={action}
              state={state}
              analysis={analysis}
              errors={errorsByField}
              editable={editable}
              chosenCount={chosenCount}
              onReach={(rowCode, field, value) =>
                change((previous) => ({
                  ...previous,
                  reach: {
                    ...previous.reach,
                    [rowCode]: { ...(previous.reach[rowCode] ?? { current: '', planned: '' }), [field]: value },
                  },
                }))
              }
              onPriority={(value) =>
                change((previous) => ({ ...previous, priorities: { ...previous.priorities, [action.code]: value } }))
              }
            />
          ))}
        </section>
      ))}

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
            onChange={(event) => change((previous) => ({ ...previous, ownContribution: event.target.value }))}
            data-testid="own-contribution"
          />
          {errorsByField.has('ownContribution') ? (
            <p id="own-contribution-error" className="form-field__error" data-testid="own-contribution-error">
              {errorsByField.get('ownContribution')}
            </p>
          ) : null}
        </div>
      </section>

      <AutosaveStatus state={saveState} onRetry={() => void saveNow()} />

      {analysis.issues.length > 0 && editable ? (
        <Alert tone="info" title={t('catalogue.subscription.issuesTitle')} data-testid="subscription-issues">
          <ul>
            {analysis.issues.map((issue, index) => (
              <li key={`${issue.field}-${index}`}>{localized(issue.message)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {submitError ? (
        <Alert tone="error" data-testid="submit-error">
          {errorMessage(submitError, t)}
        </Alert>
      ) : null}
      {editable ? (
        <Button
          variant="primary"
          disabled={!canSubmit}
          busy={submitting}
          busyLabel={t('catalogue.subscription.submitting')}
          onClick={() => void submit()}
          data-testid="submit-subscription"
        >
          {t('catalogue.subscription.submit')}
        </Button>
      ) : null}
    </article>
  );
}

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

function ActionFieldset({
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
        <table className="data-table">
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
                  <td>{row.maxUnits}</td>
                  <td>
                    <Money cents={row.centsPerUnit} />
                  </td>
                  <td>
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
                  <td>
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
                  <td data-testid={`row-contribution-${row.code}`}>
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

function AutosaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'saved'
      ? t('catalogue.autosave.saved', { time: formatDateTime(state.at, 'timeSeconds') })
      : state.kind === 'error'
        ? t('catalogue.autosave.error', { message: state.message })
        : t(`catalogue.autosave.${state.kind}`);
  return (
    <div className="autosave">
      <p
        className={['autosave__status', ['error', 'blocked'].includes(state.kind) ? 'autosave__status--problem' : null]
          .filter(Boolean)
          .join(' ')}
        role="status"
        aria-live="polite"
        data-testid="autosave-status"
        data-state={state.kind}
      >
        {state.kind === 'saving' ? <span className="btn__spinner" aria-hidden="true" /> : null}
        {text}
      </p>
      {state.kind === 'error' ? (
        <Button variant="secondary" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      ) : null}
    </div>
  );
}
