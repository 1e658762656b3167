import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { phaseLabel } from '@portal/domain';
import { currentLanguage } from '../i18n';
import { Alert } from './alert';

/**
 * Where the call stands in its lifecycle (ADR 0009) and what that means for the person looking: the acts the phase
 * no longer allows are hidden on the page, and this says why.
 */
export function PhaseBanner({ call, role }: { call: Pick<CallView, 'phase' | 'kind'>; role: 'admin' | 'minister' }) {
  const { t } = useTranslation();
  const tone = call.phase === 'decided' || call.phase === 'proposal_sent' ? 'info' : 'warning';
  if (call.phase === 'published' || call.phase === 'draft') return null;
  return (
    <Alert
      tone={tone}
      title={t('lifecycle.phase', { phase: phaseLabel(call.phase, call.kind, currentLanguage()) })}
      data-testid="phase-banner"
    >
      <span data-phase={call.phase}>{t(`lifecycle.explain.${role}.${call.phase}`)}</span>
    </Alert>
  );
}
