import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '@portal/contracts';

/** Who applies: the legal name with the enterprise number (KBO) or, for a local government, the NIS code. */
export function ApplicantIdentity({ applicant }: { applicant: AssignmentView['applicant'] }) {
  const { t } = useTranslation();
  return (
    <span data-testid="assignment-applicant">
      <span data-testid="applicant-name">{applicant.legalName}</span>
      {applicant.enterpriseNumber ? (
        <>
          <br />
          <span className="muted" data-testid="applicant-enterprise-number">
            {t('reviewer.applicant.enterpriseNumber')} {formatEnterpriseNumber(applicant.enterpriseNumber)}
          </span>
        </>
      ) : null}
      {applicant.nisCode ? (
        <>
          <br />
          <span className="muted" data-testid="applicant-nis-code">
            {t('reviewer.applicant.nisCode')} {applicant.nisCode}
          </span>
        </>
      ) : null}
    </span>
  );
}

/** 0123456789 as 0123.456.789, the way the KBO writes it. */
export function formatEnterpriseNumber(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}` : digits;
}
