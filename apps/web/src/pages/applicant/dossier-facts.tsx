import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '@portal/contracts';
import { Countdown } from '../../components/countdown';
import { DateTime } from '../../components/date-time';
import { StatusBadge } from '../../components/status-badge';

interface DossierFactsProps {
  dossier: DossierView;
  /** The countdown reached the deadline: the page reloads the dossier (it becomes read-only). */
  onDeadline: () => void;
}

/** Status, reference, call, applicant and deadline (with a countdown while the dossier can change). */
export function DossierFacts({ dossier, onDeadline }: DossierFactsProps) {
  const { t } = useTranslation();
  return (
    <dl className="facts facts--inline dossier__facts">
      <div>
        <dt>{t('dossier.status')}</dt>
        <dd>
          <StatusBadge status={dossier.status} />
        </dd>
      </div>
      <div>
        <dt>{t('dossier.reference')}</dt>
        <dd data-testid="dossier-reference">{dossier.reference ?? t('dossier.noReferenceYet')}</dd>
      </div>
      <div>
        <dt>{t('dossier.call')}</dt>
        <dd>
          <Link to={`/oproepen/${dossier.callId}`}>{dossier.call.title}</Link>
        </dd>
      </div>
      <div>
        <dt>{t('dossier.applicant')}</dt>
        <dd>{dossier.applicant.legalName}</dd>
      </div>
      <div>
        <dt>{t('calls.deadline')}</dt>
        <dd>
          <DateTime value={dossier.call.closesAt} format="longDateTimeSeconds" />{' '}
          <span className="muted">{t('calls.brusselsTime')}</span>
          {dossier.editable ? <Countdown until={dossier.call.closesAt} onExpire={onDeadline} /> : null}
        </dd>
      </div>
    </dl>
  );
}
