import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '@portal/contracts';
import { StatusBadge, type StatusTone } from '../../components/status-badge';

const TONE: Record<AssignmentView['status'], StatusTone> = {
  assigned: 'progress',
  submitted: 'success',
  conflict: 'neutral',
};

/** The status of a review assignment in the reviewer's words (to do, submitted, withdrawn). */
export function AssignmentStatusBadge({ status }: { status: AssignmentView['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge status={status} label={t(`reviewer.status.${status}`)} tone={TONE[status]} />;
}
