import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { ConflictComparison } from './conflict-comparison';
import { draftOf, type DraftContent } from './dossier-form-model';
import type { Conflict } from './use-dossier-autosave';

interface VersionConflictAlertProps {
  conflict: Conflict;
  mine: DraftContent;
  call: CallView;
  onLoadCurrent: () => void;
  onKeepMine: () => void;
  ref?: Ref<HTMLDivElement>;
}

/** Someone else saved in the meantime: what differs, and the two ways out (their version or mine). */
export function VersionConflictAlert({
  conflict,
  mine,
  call,
  onLoadCurrent,
  onKeepMine,
  ref,
}: VersionConflictAlertProps) {
  const { t } = useTranslation();
  return (
    <div ref={ref} tabIndex={-1} className="focus-target">
      <Alert tone="error" title={t('dossier.conflict.title')} data-testid="version-conflict">
        <p>{t('dossier.conflict.body')}</p>
        {conflict !== 'unknown' ? (
          <ConflictComparison mine={mine} theirs={draftOf(conflict, call)} call={call} />
        ) : null}
        <div className="button-row">
          <Button variant="primary" onClick={onLoadCurrent} data-testid="load-current-version">
            {t('dossier.conflict.load')}
          </Button>
          <Button variant="secondary" onClick={onKeepMine} data-testid="keep-my-version">
            {t('dossier.conflict.keepMine')}
          </Button>
        </div>
      </Alert>
    </div>
  );
}
