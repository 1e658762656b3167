import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantVerificationStatus, ApplicantVerificationView } from '@portal/contracts';
import { errorMessage } from '../../api/error-message';
import { useApplicantVerifications } from '../../api/applicant-verifications';
import { Alert } from '../../components/alert';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { LoadingIndicator } from '../../components/loading-indicator';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { AdminPageHeader } from './admin-page-header';
import { ApplicantVerificationActions } from './applicant-verification-actions';

const STATUSES: ApplicantVerificationStatus[] = ['to_verify', 'verified', 'rejected'];

/**
 * `/administratie/aanvragers`: organisations and local governments that registered, to verify (is the person who
 * registered it entitled to act for that number?), and the ones verified or rejected earlier.
 */
export function ApplicantVerificationPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ApplicantVerificationStatus>('to_verify');
  const list = useApplicantVerifications(status);

  const columns: DataTableColumn<ApplicantVerificationView>[] = [
    {
      id: 'name',
      header: t('applicantVerification.applicant'),
      rowHeader: true,
      cell: (a) => (
        <>
          {a.legalName}
          <br />
          <span className="muted">
            {t(`applicantKind.${a.kind}`)} · {a.enterpriseNumber ?? a.nisCode}
          </span>
        </>
      ),
    },
    {
      id: 'contact',
      header: t('applicantVerification.contact'),
      cell: (a) => (
        <>
          {a.contactName}, {a.contactEmail}
          {a.contactPhone ? `, ${a.contactPhone}` : ''}
          <br />
          <span className="muted">
            {a.address.street}, {a.address.postalCode} {a.address.city}
          </span>
        </>
      ),
    },
    {
      id: 'admins',
      header: t('applicantVerification.registeredBy'),
      cell: (a) => a.admins.map((admin) => `${admin.displayName} (${admin.email})`).join(', '),
    },
    {
      id: 'when',
      header: status === 'to_verify' ? t('applicantVerification.registeredAt') : t('applicantVerification.decidedAt'),
      cell: (a) => formatDateTime(a.verifiedAt ?? a.createdAt, 'dateTime', currentLanguage()),
    },
    status === 'to_verify'
      ? {
          id: 'actions',
          header: t('applicantVerification.decision'),
          cell: (a) => <ApplicantVerificationActions applicant={a} />,
        }
      : {
          id: 'motivation',
          header: t('applicantVerification.motivation'),
          cell: (a) => a.verificationMotivation ?? '–',
        },
  ];

  return (
    <div>
      <AdminPageHeader title={t('applicantVerification.title')} lead={t('applicantVerification.intro')} />
      <div className="button-row" role="group" aria-label={t('applicantVerification.show')}>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`btn ${s === status ? 'btn--primary' : 'btn--secondary'}`}
            aria-pressed={s === status}
            onClick={() => setStatus(s)}
            data-testid={`verification-filter-${s}`}
          >
            {t(`applicantVerification.status.${s}`)}
          </button>
        ))}
      </div>
      {list.isPending ? <LoadingIndicator /> : null}
      {list.error ? <Alert tone="error">{errorMessage(list.error, t)}</Alert> : null}
      {list.data ? (
        <DataTable
          caption={t(`applicantVerification.caption.${status}`)}
          columns={columns}
          rows={list.data}
          rowKey={(a) => a.id}
          rowData={(a) => ({ 'data-testid': 'verification-row', 'data-applicant-id': a.id })}
          emptyMessage={t(`applicantVerification.empty.${status}`)}
          busy={list.isFetching}
        />
      ) : null}
    </div>
  );
}
