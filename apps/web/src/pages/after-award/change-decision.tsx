import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestView } from '@portal/contracts';
import { useDecideChangeRequest } from '../../api/after-award';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';

/** The administration approves or refuses a change request, always with a motivation the organisation reads. */
export function ChangeDecision({ callId, change }: { callId: string; change: ChangeRequestView }) {
  const { t } = useTranslation();
  const decide = useDecideChangeRequest(callId);
  const [motivation, setMotivation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  if (change.status !== 'requested') return null;

  const act = async (decision: 'approve' | 'refuse') => {
    setProblem(null);
    if (motivation.trim().length < 3) {
      setProblem(t('afterAward.motivationRequired'));
      return;
    }
    try {
      await decide.mutateAsync({ id: change.id, decision, motivation });
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };

  return (
    <div className="change-decision">
      <label htmlFor={`${id}-motivation`}>{t('afterAward.decisionMotivation')}</label>
      <textarea
        id={`${id}-motivation`}
        rows={2}
        value={motivation}
        onChange={(event) => setMotivation(event.target.value)}
        data-testid="change-decision-motivation"
      />
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <div className="button-row">
        <Button busy={decide.isPending} onClick={() => void act('approve')} data-testid="change-approve">
          {t('afterAward.change.approve')}
        </Button>
        <Button
          variant="secondary"
          busy={decide.isPending}
          onClick={() => void act('refuse')}
          data-testid="change-refuse"
        >
          {t('afterAward.change.refuse')}
        </Button>
      </div>
    </div>
  );
}
