import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationStep } from '../../api/catalogue';
import { Button } from '../../components/button';

interface AllocationDecisionFormProps {
  busy: boolean;
  onStep: (step: AllocationStep) => void;
}

/** The minister's two answers to a sent allocation: approve (date and reference of the decision) or return. */
export function AllocationDecisionForm({ busy, onStep }: AllocationDecisionFormProps) {
  const { t } = useTranslation();
  const [remarks, setRemarks] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const [decisionReference, setDecisionReference] = useState('');
  return (
    <div className="form">
      <h3>{t('catalogue.review.approveTitle')}</h3>
      <div className="form-field form-field--short">
        <label className="form-field__label" htmlFor="decision-date">
          {t('catalogue.review.decisionDate')}
        </label>
        <input
          id="decision-date"
          type="date"
          className="form-field__control"
          value={decisionDate}
          onChange={(event) => setDecisionDate(event.target.value)}
          data-testid="decision-date"
        />
      </div>
      <div className="form-field">
        <label className="form-field__label" htmlFor="decision-reference">
          {t('catalogue.review.decisionReference')}
        </label>
        <input
          id="decision-reference"
          className="form-field__control"
          value={decisionReference}
          onChange={(event) => setDecisionReference(event.target.value)}
          data-testid="decision-reference"
        />
      </div>
      <Button
        variant="primary"
        busy={busy}
        disabled={!decisionDate || decisionReference.trim().length < 3}
        onClick={() => onStep({ kind: 'approve', decisionDate, decisionReference })}
        data-testid="approve-allocation"
      >
        {t('catalogue.review.approveButton')}
      </Button>
      <h3>{t('catalogue.review.returnTitle')}</h3>
      <div className="form-field">
        <label className="form-field__label" htmlFor="return-remarks">
          {t('catalogue.review.remarks')}
        </label>
        <textarea
          id="return-remarks"
          className="form-field__control"
          value={remarks}
          onChange={(event) => setRemarks(event.target.value)}
          data-testid="return-remarks"
        />
      </div>
      <Button
        variant="secondary"
        busy={busy}
        disabled={remarks.trim().length < 3}
        onClick={() => onStep({ kind: 'return', remarks })}
        data-testid="return-allocation"
      >
        {t('catalogue.review.returnButton')}
      </Button>
    </div>
  );
}
