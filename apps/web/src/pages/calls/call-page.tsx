import { useId, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApplicantView, CallView } from '@portal/contracts';
import { eligibilityIssue } from '@portal/domain';
import { useMyApplicants } from '../../api/applicants';
import { useCall } from '../../api/calls';
import { isApiError } from '../../api/client';
import { useStartDossier } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/use-auth';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Countdown } from '../../components/countdown';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { EmptyState } from '../../components/empty-state';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';
import { callPhase, localized, policyDomainLabel } from '../../lib/localized';
import { NotFoundPage } from '../not-found-page';
import { CallInformationSections } from './call-information';
import { PaymentScheduleFacts } from '../funding/payment-schedule-facts';

/** `/oproepen/:id`: what a call is about, for whom, the money, the deadline; applicants start their dossier here. */
export function CallPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: call, error, isPending, refetch, isFetching } = useCall(id);
  const { data: user } = useCurrentUser();
  const location = useLocation();

  if (isPending) return <LoadingIndicator />;
  if (error || !call) {
    if (isApiError(error) && error.status === 404) return <NotFoundPage />;
    return (
      <Alert tone="error">
        <p>{errorMessage(error, t)}</p>
        <Button variant="secondary" busy={isFetching} onClick={() => void refetch()}>
          {t('errors.retry')}
        </Button>
      </Alert>
    );
  }

  const phase = callPhase(call);
  return (
    <article className="call">
      <DocumentTitle page={call.title} />
      <p className="breadcrumb">
        <Link to="/oproepen">{t('calls.backToList')}</Link>
      </p>
      <h1>{call.title}</h1>
      <p className="card__meta">
        <StatusBadge status={phase} /> <span className="code">{call.code}</span>
      </p>

      <section className="deadline-box" aria-labelledby="call-deadline-title">
        <h2 id="call-deadline-title" className="deadline-box__title">
          {t('calls.deadline')}
        </h2>
        <p className="deadline-box__moment" data-testid="call-deadline">
          <DateTime value={call.closesAt} format="longDateTimeSeconds" />{' '}
          <span className="muted">{t('calls.brusselsTime')}</span>
        </p>
        {phase === 'open' ? <Countdown until={call.closesAt} onExpire={() => void refetch()} /> : null}
        {phase === 'planned' ? (
          <p>
            {t('calls.opensOn')} <DateTime value={call.opensAt} format="longDateTime" />{' '}
            <span className="muted">{t('calls.brusselsTime')}</span>
          </p>
        ) : null}
        {phase === 'planned' ? <Countdown until={call.opensAt} onExpire={() => void refetch()} /> : null}
        {phase === 'closed' ? <p>{t('calls.closedNotice')}</p> : null}
      </section>

      {call.description ? <div className="prose pre-line">{call.description}</div> : null}
      <CallInformationSections call={call} />

      <h2>{t('calls.forWhom')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('calls.applicantKinds')}</dt>
          <dd>{call.applicantKinds.map((kind) => t(`applicantKind.${kind}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('calls.policyDomains')}</dt>
          <dd>
            {call.policyDomains.length > 0
              ? call.policyDomains.map((domain) => policyDomainLabel(t, domain)).join(', ')
              : t('calls.allPolicyDomains')}
          </dd>
        </div>
        {call.oneDossierPerApplicant ? (
          <div>
            <dt>{t('calls.dossiersPerApplicant')}</dt>
            <dd>{t('calls.oneDossierPerApplicant')}</dd>
          </div>
        ) : null}
      </dl>

      <h2>{t('calls.money')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('calls.maxRequested')}</dt>
          <dd>
            <Money cents={call.maxRequestedCents} />
          </dd>
        </div>
        <div>
          <dt>{t('calls.budget')}</dt>
          <dd>
            <Money cents={call.budgetCents} />
          </dd>
        </div>
        <div>
          <dt>{t('calls.projectPeriod')}</dt>
          <dd>
            <DateTime value={call.projectStart} format="longDate" /> –{' '}
            <DateTime value={call.projectEnd} format="longDate" />
          </dd>
        </div>
        <div>
          <dt>{t('calls.opensAt')}</dt>
          <dd>
            <DateTime value={call.opensAt} format="longDateTime" />{' '}
            <span className="muted">{t('calls.brusselsTime')}</span>
          </dd>
        </div>
        <PaymentScheduleFacts callId={call.id} />
      </dl>

      {call.questions.length > 0 || call.attachments.length > 0 ? (
        <>
          <h2>{t('calls.whatYouNeed')}</h2>
          {call.questions.length > 0 ? (
            <>
              <h3>{t('calls.questions')}</h3>
              <ul>
                {call.questions.map((question) => (
                  <li key={question.code}>
                    {question.label}
                    {question.required ? <span className="muted"> ({t('form.required')})</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {call.attachments.length > 0 ? (
            <>
              <h3>{t('calls.attachments')}</h3>
              <ul>
                {call.attachments.map((attachment) => (
                  <li key={attachment.code}>
                    {attachment.label}
                    {attachment.required ? <span className="muted"> ({t('form.required')})</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}

      <section className="start-box" aria-labelledby="start-dossier-title">
        <h2 id="start-dossier-title">{t('calls.applyTitle')}</h2>
        {user === null ? (
          <p>
            <Link to="/login" state={{ from: location.pathname }}>
              {t('calls.loginToApply')}
            </Link>
          </p>
        ) : null}
        {user && hasRole(user, 'applicant') ? <StartDossier call={call} /> : null}
        {user && !hasRole(user, 'applicant') ? <p>{t('calls.applicantsOnly')}</p> : null}
        {user && call.kind === 'catalogue' && (hasRole(user, 'admin') || hasRole(user, 'minister')) ? (
          <p>
            <Link
              to={`/${hasRole(user, 'admin') ? 'administratie' : 'kabinet'}/catalogus/${call.id}`}
              data-testid="catalogue-review-link"
            >
              {t('catalogue.review.link')}
            </Link>
          </p>
        ) : null}
      </section>
    </article>
  );
}

interface StartDossierProps {
  call: CallView;
}

function StartDossier({ call }: StartDossierProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const selectId = useId();
  const { data: applicants, isPending, error } = useMyApplicants();
  const [chosen, setChosen] = useState<string | null>(null);
  const start = useStartDossier(call.id);
  // A catalogue call's dossier is a subscription, with its own form.
  const open = (applicantId: string) =>
    start.mutate(applicantId, {
      onSuccess: (dossier) =>
        void navigate(
          call.kind === 'catalogue' ? `/aanvrager/intekeningen/${dossier.id}` : `/aanvrager/dossiers/${dossier.id}`,
        ),
    });

  if (isPending) return <LoadingIndicator />;
  if (error) return <Alert tone="error">{errorMessage(error, t)}</Alert>;

  const registerLink = (
    <Link to={`/aanvrager/organisatie/nieuw?oproep=${encodeURIComponent(call.id)}`}>
      {t('calls.registerApplicant')}
    </Link>
  );
  if (applicants.length === 0) {
    return <EmptyState action={registerLink}>{t('calls.noApplicants')}</EmptyState>;
  }
  if (!call.isOpen) return <p>{t('calls.notOpenForDossiers')}</p>;

  const issueOf = (applicant: ApplicantView) => eligibilityIssue(call, applicant);
  const firstEligible = applicants.find((applicant) => issueOf(applicant) === null) ?? applicants[0];
  const selected = applicants.find((applicant) => applicant.id === chosen) ?? firstEligible;
  const issue = selected ? issueOf(selected) : null;
  const several = applicants.length > 1;

  return (
    <div className="form">
      {several ? (
        <div className="form-field">
          <label htmlFor={selectId} className="form-field__label">
            {t('calls.applyAs')}
          </label>
          <select
            id={selectId}
            className="form-field__control"
            value={selected?.id ?? ''}
            onChange={(event) => setChosen(event.target.value)}
            data-testid="applicant-select"
          >
            {applicants.map((applicant) => (
              <option key={applicant.id} value={applicant.id}>
                {applicant.legalName}
                {issueOf(applicant) ? ` (${t('calls.notEligibleShort')})` : ''}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>
          {t('calls.applyAs')}: <strong>{selected?.legalName}</strong>
        </p>
      )}
      {issue ? (
        <Alert tone="warning" title={t('calls.notEligibleTitle')}>
          {localized(issue)}
        </Alert>
      ) : null}
      {start.error ? <Alert tone="error">{errorMessage(start.error, t)}</Alert> : null}
      <Button
        variant="primary"
        disabled={!selected || issue !== null}
        busy={start.isPending}
        busyLabel={t('calls.starting')}
        onClick={() => selected && open(selected.id)}
        data-testid="start-dossier"
      >
        {t('calls.startDossier')}
      </Button>
      <p>{registerLink}</p>
    </div>
  );
}
