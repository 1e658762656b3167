import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReviewView } from '@portal/contracts';
import { useCall } from '../../api/calls';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useReview } from '../../api/reviews';
import { Alert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { ApplicantIdentity } from './applicant-identity';
import { ConflictForm } from './conflict-form';
import { ConflictStatement } from './conflict-statement';
import { AssignmentStatusBadge } from './assignment-status-badge';
import { ReviewedDossier } from './reviewed-dossier';
import { ScoreForm } from './score-form';

/**
 * `/beoordeling/:id`: who applies, the conflict-of-interest question, the submitted dossier (read-only), then the
 * reviewer's scores.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const review = useReview(id);

  if (review.isPending) return <LoadingIndicator />;
  if (review.error) {
    const notFound = isApiError(review.error) && (review.error.status === 404 || review.error.status === 400);
    return (
      <>
        <DocumentTitle page={t('reviewer.review.notFoundTitle')} />
        <p className="breadcrumb">
          <Link to="/beoordeling">{t('reviewer.review.backToList')}</Link>
        </p>
        <h1>{t('reviewer.review.notFoundTitle')}</h1>
        <Alert tone="error" data-testid="review-not-found">
          {notFound ? t('reviewer.review.notFound') : errorMessage(review.error, t)}
        </Alert>
      </>
    );
  }
  return <Review review={review.data} />;
}

function Review({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  // The public call page has the labels of the questions and attachments the content refers to by code.
  const call = useCall(review.call.id);
  const [declared, setDeclared] = useState(false);
  const withdrawnRef = useRef<HTMLDivElement>(null);
  const reference = review.reference ?? t('reviewer.home.noReference');
  const title = t('reviewer.review.title', { reference });
  const unstated = review.status === 'assigned' && !review.noConflictStatedAt;

  useEffect(() => {
    if (declared && review.status === 'conflict') withdrawnRef.current?.focus();
  }, [declared, review.status]);

  return (
    <div className="review">
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to="/beoordeling">{t('reviewer.review.backToList')}</Link>
      </p>
      <h1 data-testid="review-title">{title}</h1>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('reviewer.review.call')}</dt>
          <dd data-testid="review-call">{review.call.title}</dd>
        </div>
        <div>
          <dt>{t('reviewer.review.reference')}</dt>
          <dd data-testid="review-reference">{reference}</dd>
        </div>
        <div>
          <dt>{t('reviewer.review.applicant')}</dt>
          <dd data-testid="review-applicant">
            <ApplicantIdentity applicant={review.applicant} />
          </dd>
        </div>
        {review.dueAt ? (
          <div>
            <dt>{t('reviewer.review.dueAt')}</dt>
            <dd data-testid="review-due">
              <DateTime value={review.dueAt} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('reviewer.review.status')}</dt>
          <dd data-testid="review-status" data-status={review.status}>
            <AssignmentStatusBadge status={review.status} />
          </dd>
        </div>
        {review.submittedAt ? (
          <div>
            <dt>{t('reviewer.review.submittedAt')}</dt>
            <dd>
              <DateTime value={review.submittedAt} format="dateTimeSeconds" />
            </dd>
          </div>
        ) : null}
      </dl>

      {review.status === 'conflict' ? (
        <div ref={withdrawnRef} tabIndex={-1} className="focus-target">
          <Alert tone="info" title={t('reviewer.conflict.withdrawnTitle')} data-testid="assignment-withdrawn">
            <p>{t('reviewer.conflict.withdrawn')}</p>
            {review.conflictReason ? (
              <p>
                {t('reviewer.conflict.yourReason')}: <span className="pre-line">{review.conflictReason}</span>
              </p>
            ) : null}
            <p>
              <Link to="/beoordeling">{t('reviewer.review.backToList')}</Link>
            </p>
          </Alert>
        </div>
      ) : (
        <>
          {/* The conflict question comes first: no scoring form before the reviewer answered it (ADR 0013). */}
          {unstated ? <ConflictStatement review={review} onDeclared={() => setDeclared(true)} /> : null}
          {review.content && !unstated ? (
            // The dossier is long: the scores are one jump away, and the dossier one jump back from them.
            <p>
              <a href="#score-form-title" data-testid="jump-to-scores">
                {t('reviewer.review.jumpToScores')}
              </a>
            </p>
          ) : null}
          {review.content ? (
            <ReviewedDossier content={review.content} call={call.data} assignmentId={review.id} />
          ) : null}
          {unstated ? (
            <Alert tone="info" data-testid="score-form-locked">
              {t('reviewer.statement.scoreLocked')}
            </Alert>
          ) : (
            <ScoreForm review={review} />
          )}
          {review.status === 'assigned' && !unstated ? (
            <ConflictForm assignmentId={review.id} onDeclared={() => setDeclared(true)} />
          ) : null}
        </>
      )}
    </div>
  );
}
