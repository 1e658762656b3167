import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '@portal/contracts';
import { useAssign, useAssignments } from '../../api/assessment';
import { errorMessage } from '../../api/error-message';
import { usePanel } from '../../api/panels';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data-table';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageControls, usePagedRows } from '../../components/paged-rows';
import { StatusBadge } from '../../components/status-badge';

interface DossierAssignments {
  dossierId: string;
  reference: string | null;
  assignments: AssignmentView[];
}

/** Reviewers per admissible dossier: assigned automatically with the load spread evenly; conflicts are replaced. */
/** `readOnly`: the call's phase no longer allows assigning reviewers (the page says why). */
export function AssignmentSection({ callId, readOnly = false }: { callId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const assignments = useAssignments(callId);
  const assign = useAssign(callId);
  const panel = usePanel(callId);
  // The panel's k unless the admin types another number here (ADR 0013).
  const [chosen, setChosen] = useState<number | null>(null);
  const perDossier = chosen ?? panel.data?.perDossier ?? 3;
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const inputId = useId();
  const byDossier = new Map<string, DossierAssignments>();
  for (const a of assignments.data ?? []) {
    const entry = byDossier.get(a.dossierId) ?? { dossierId: a.dossierId, reference: a.reference, assignments: [] };
    entry.assignments.push(a);
    byDossier.set(a.dossierId, entry);
  }
  const paged = usePagedRows([...byDossier.values()]);

  if (assignments.error) return <Alert tone="warning">{errorMessage(assignments.error, t)}</Alert>;
  if (!assignments.data) return <LoadingIndicator />;
  const load = new Map<string, { name: string; count: number }>();
  for (const a of assignments.data.filter((a) => a.status !== 'conflict')) {
    const entry = load.get(a.reviewerId) ?? { name: a.reviewerName, count: 0 };
    entry.count += 1;
    load.set(a.reviewerId, entry);
  }

  const run = async () => {
    setMessage(null);
    try {
      const result = await assign.mutateAsync({ perDossier });
      setMessage({ tone: 'success', text: t('assessment.assigned', { count: result.length }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
  };

  return (
    <>
      <p>
        <Link to={`/administratie/oproepen/${callId}/panel`} data-testid="panel-link">
          {t('panel.link')}
        </Link>
      </p>
      {readOnly ? null : (
        <div className="filter-bar">
          <label htmlFor={inputId}>{t('assessment.perDossier')}</label>
          <input
            id={inputId}
            type="number"
            min={1}
            max={10}
            value={perDossier}
            onChange={(e) => setChosen(Math.max(1, Math.min(10, Number(e.target.value) || 1)))}
            data-testid="per-dossier"
          />
          <Button busy={assign.isPending} onClick={() => void run()} data-testid="assign-auto">
            {t('assessment.assignAuto')}
          </Button>
        </div>
      )}
      {message ? (
        <Alert tone={message.tone} data-testid="assign-message">
          {message.text}
        </Alert>
      ) : null}
      {load.size ? (
        <p data-testid="reviewer-load">
          {t('assessment.load')}: {[...load.values()].map((l) => `${l.name} (${l.count})`).join(', ')}
        </p>
      ) : null}
      <DataTable<DossierAssignments>
        caption={t('assessment.assignmentsCaption')}
        rows={paged.rows}
        rowKey={(r) => r.dossierId}
        rowData={(r) => ({ 'data-testid': 'assignment-dossier-row', 'data-reference': r.reference ?? '' })}
        emptyMessage={t('assessment.noAssignments')}
        columns={[
          { id: 'dossier', header: t('assessment.dossier'), rowHeader: true, cell: (r) => r.reference },
          {
            id: 'reviewers',
            header: t('assessment.reviewers'),
            cell: (r) => (
              <ul className="plain-list">
                {r.assignments.map((a) => (
                  <li key={a.id}>
                    {a.reviewerName} <StatusBadge status={a.status} label={t(`assessment.assignment.${a.status}`)} />
                    {a.conflictReason ? <span className="muted"> ({a.conflictReason})</span> : null}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <PageControls paged={paged} list={t('assessment.assignmentsCaption')} data-testid="assignments-paging" />
    </>
  );
}
