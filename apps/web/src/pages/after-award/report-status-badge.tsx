import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '@portal/contracts';
import { StatusBadge } from '../../components/status-badge';

const TONE = { draft: 'neutral', submitted: 'info', changes_requested: 'warning', approved: 'success' } as const;

/** A report's status, and "te laat" when its due date passed without a submission. */
export function ReportStatusBadge({ status, overdue }: { status: ReportStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <StatusBadge status={`report-${status}`} label={t(`afterAward.reportStatus.${status}`)} tone={TONE[status]} />
      {overdue ? (
        <>
          {' '}
          <StatusBadge status="overdue" label={t('afterAward.overdue')} tone="danger" />
        </>
      ) : null}
    </>
  );
}
