import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '@portal/contracts';
import { useMyApplicants } from '../../api/applicants';
import { useMyDossiers } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { EmptyState } from '../../components/empty-state';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';
import { policyDomainLabel } from '../../lib/localized';
import { deadlineWarning } from '@portal/domain';
import { DeadlineWarningNote } from './deadline-warning-note';
import { ApplicantMembers } from './applicant-members';

/** `/aanvrager` ("Mijn dossiers"): the user's organisations and their dossiers. */
export function ApplicantHomePage() {
  const { t } = useTranslation();
  const location = useLocation();
  const registered = (location.state as { registered?: unknown } | null)?.registered;
  const applicants = useMyApplicants();
  const dossiers = useMyDossiers();
  const title = t('roleHome.applicant.title');

  const now = new Date();
  const columns: DataTableColumn<DossierSummary>[] = [
    {
      id: 'title',
      header: t('applicantHome.title'),
      rowHeader: true,
      cell: (dossier) => (
        <>
          <Link to={`/aanvrager/dossiers/${dossier.id}`} data-testid={`dossier-link-${dossier.id}`}>
            {dossier.title || t('applicantHome.untitled')}
          </Link>
          <br />
          <span className="muted">{dossier.applicant.legalName}</span>
        </>
      ),
    },
    {
      id: 'reference',
      header: t('applicantHome.reference'),
      cell: (dossier) => dossier.reference ?? <span className="muted">{t('applicantHome.noReference')}</span>,
    },
    {
      id: 'call',
      header: t('applicantHome.call'),
      cell: (dossier) => (
        <>
          {dossier.call.title}
          <br />
          <span className="muted">
            {t('applicantHome.deadline')} <DateTime value={dossier.call.closesAt} />
          </span>
          <DeadlineWarningNote warning={deadlineWarning(dossier.status, dossier.call.closesAt, now)} />
        </>
      ),
    },
    {
      id: 'status',
      header: t('applicantHome.status'),
      cell: (dossier) => (
        <>
          <StatusBadge status={dossier.status} />
          {dossier.status === 'submitted' && dossier.hasUnsubmittedChanges ? (
            <>
              <br />
              <span className="muted">{t('applicantHome.unsubmittedChanges')}</span>
            </>
          ) : null}
        </>
      ),
    },
    {
      id: 'requested',
      header: t('applicantHome.requested'),
      align: 'end',
      cell: (dossier) => <Money cents={dossier.requestedCents} />,
    },
    {
      id: 'changed',
      header: t('applicantHome.lastChange'),
      cell: (dossier) =>
        dossier.submittedAt ? (
          <>
            {t('applicantHome.submittedOn')} <DateTime value={dossier.submittedAt} />
          </>
        ) : (
          <>
            {t('applicantHome.changedOn')} <DateTime value={dossier.updatedAt} />
          </>
        ),
    },
  ];

  return (
    <>
      <DocumentTitle page={title} />
      <h1 data-testid="role-home" data-role="applicant">
        {title}
      </h1>
      <p className="lead">{t('roleHome.applicant.intro')}</p>
      {typeof registered === 'string' ? (
        <Alert tone="success">{t('applicantHome.registered', { name: registered })}</Alert>
      ) : null}
      <ul className="action-links">
        <li>
          <Link to="/oproepen" data-testid="link-calls">
            {t('applicantHome.toCalls')}
          </Link>
        </li>
        <li>
          <Link to="/aanvrager/organisatie/nieuw" data-testid="link-register-applicant">
            {t('applicantHome.registerApplicant')}
          </Link>
        </li>
        <li>
          <Link to="/aanvrager/financieel" data-testid="link-finances">
            {t('applicantHome.toFinances')}
          </Link>
        </li>
      </ul>

      <h2 id="my-dossiers-title">{t('applicantHome.dossiersTitle')}</h2>
      {dossiers.isPending ? <LoadingIndicator /> : null}
      {dossiers.error ? <Alert tone="error">{errorMessage(dossiers.error, t)}</Alert> : null}
      {dossiers.data && dossiers.data.length === 0 ? (
        <EmptyState data-testid="role-home-empty" action={<Link to="/oproepen">{t('applicantHome.toCalls')}</Link>}>
          {t('roleHome.applicant.empty')}
        </EmptyState>
      ) : null}
      {dossiers.data && dossiers.data.length > 0 ? (
        <DataTable
          stackOnPhone
          caption={t('applicantHome.dossiersTitle')}
          hideCaption
          columns={columns}
          rows={dossiers.data}
          rowKey={(dossier) => dossier.id}
          busy={dossiers.isFetching}
          data-testid="dossier-table"
        />
      ) : null}

      <h2>{t('applicantHome.applicantsTitle')}</h2>
      {applicants.isPending ? <LoadingIndicator /> : null}
      {applicants.error ? <Alert tone="error">{errorMessage(applicants.error, t)}</Alert> : null}
      {applicants.data && applicants.data.length === 0 ? (
        <EmptyState action={<Link to="/aanvrager/organisatie/nieuw">{t('applicantHome.registerApplicant')}</Link>}>
          {t('applicantHome.noApplicants')}
        </EmptyState>
      ) : null}
      {applicants.data && applicants.data.length > 0 ? (
        <ul className="card-list" data-testid="applicant-list">
          {applicants.data.map((applicant) => (
            <li key={applicant.id} className="card" data-testid="applicant-card" data-applicant-id={applicant.id}>
              <h3 className="card__title">{applicant.legalName}</h3>
              <dl className="facts facts--inline">
                <div>
                  <dt>{t('applicantHome.kind')}</dt>
                  <dd>{t(`applicantKind.${applicant.kind}`)}</dd>
                </div>
                <div>
                  <dt>{applicant.enterpriseNumber ? t('register.enterpriseNumber') : t('register.nisCode')}</dt>
                  <dd>{applicant.enterpriseNumber ?? applicant.nisCode}</dd>
                </div>
                <div>
                  <dt>{t('register.policyDomains')}</dt>
                  <dd>{applicant.policyDomains.map((domain) => policyDomainLabel(t, domain)).join(', ') || '–'}</dd>
                </div>
                <div>
                  <dt>{t('applicantHome.myRole')}</dt>
                  <dd>{t(`applicantHome.memberRole.${applicant.myRole}`)}</dd>
                </div>
                <div>
                  <dt>{t('applicantHome.verification')}</dt>
                  <dd data-testid="applicant-verification">
                    {t(`applicantVerification.status.${applicant.verificationStatus}`)}
                  </dd>
                </div>
              </dl>
              {applicant.verificationStatus === 'rejected' ? (
                <Alert tone="error" title={t('applicantHome.rejectedTitle')} data-testid="applicant-rejected">
                  <p>{t('applicantHome.rejectedText')}</p>
                  {applicant.verificationMotivation ? (
                    <p>
                      {t('applicantVerification.motivation')}: {applicant.verificationMotivation}
                    </p>
                  ) : null}
                </Alert>
              ) : null}
              <ApplicantMembers applicant={applicant} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
