import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissibilityRow } from '@portal/contracts';
import { useAdmissibility, useDecideAdmissibility, useDecideAdmissibilityInBulk } from '../../api/assessment';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { PageControls, usePagedRows } from '../../components/paged-rows';
import { StatusBadge } from '../../components/status-badge';
import { MotivationForm } from './motivation-form';

type Filter = 'all' | 'undecided' | 'admissible' | 'inadmissible' | 'failing';

function matches(row: AdmissibilityRow, filter: Filter, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle && !`${row.reference ?? ''} ${row.applicantName} ${row.title}`.toLowerCase().includes(needle))
    return false;
  if (filter === 'undecided') return row.decision === null;
  if (filter === 'admissible' || filter === 'inadmissible') return row.decision === filter;
  if (filter === 'failing') return row.checks.some((c) => !c.passed);
  return true;
}

/** The administration's inbox after the deadline: automatic checks and the motivated admissibility decision. */
/** `readOnly`: the call's phase no longer allows admissibility decisions (the page says why). */
export function AdmissibilitySection({ callId, readOnly = false }: { callId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const rows = useAdmissibility(callId);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const filterId = useId();
  const searchId = useId();
  const visible = (rows.data ?? []).filter((row) => matches(row, filter, search));
  const paged = usePagedRows(visible);

  if (rows.error) return <Alert tone="warning">{errorMessage(rows.error, t)}</Alert>;
  if (!rows.data) return <LoadingIndicator />;
  const undecided = rows.data.filter((r) => r.decision === null).length;

  return (
    <>
      <p data-testid="admissibility-summary">
        {t('assessment.admissibilitySummary', { total: rows.data.length, undecided })}
      </p>
      {readOnly ? null : <BulkDecision callId={callId} rows={rows.data} />}
      <div className="filter-bar">
        <label htmlFor={filterId}>{t('assessment.filter')}</label>
        <select
          id={filterId}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value as Filter);
            paged.setPage(0);
          }}
          data-testid="admissibility-filter"
        >
          {(['all', 'undecided', 'admissible', 'inadmissible', 'failing'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`assessment.filters.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor={searchId}>{t('assessment.search')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            paged.setPage(0);
          }}
          data-testid="admissibility-search"
        />
      </div>
      <DataTable<AdmissibilityRow>
        caption={t('assessment.inboxCaption', { count: visible.length })}
        data-testid="admissibility-table"
        rows={paged.rows}
        rowKey={(r) => r.dossierId}
        rowData={(r) => ({ 'data-testid': 'admissibility-row', 'data-reference': r.reference ?? '' })}
        emptyMessage={t('assessment.noDossiers')}
        columns={[
          {
            id: 'dossier',
            header: t('assessment.dossier'),
            rowHeader: true,
            cell: (r) => (
              <>
                {r.reference}
                <br />
                <span className="muted">{r.applicantName}</span>
                {r.applicantVerification !== 'verified' ? (
                  <>
                    {' '}
                    <StatusBadge
                      status={r.applicantVerification}
                      label={t(`applicantVerification.admissibilityFlag.${r.applicantVerification}`)}
                      tone={r.applicantVerification === 'rejected' ? 'danger' : 'warning'}
                    />
                  </>
                ) : null}
                <br />
                {r.title}
              </>
            ),
          },
          {
            id: 'requested',
            header: t('assessment.requested'),
            align: 'end',
            cell: (r) => <Money cents={r.requestedCents} />,
          },
          {
            id: 'submitted',
            header: t('assessment.submittedAt'),
            cell: (r) => (r.submittedAt ? <DateTime value={r.submittedAt} /> : '–'),
          },
          {
            id: 'checks',
            header: t('assessment.checks'),
            cell: (r) => (
              <ul className="check-list">
                {r.checks.map((c) => (
                  <li key={c.code} data-passed={c.passed}>
                    <span aria-hidden="true">{c.passed ? '✓' : '✕'} </span>
                    {t(`assessment.check.${c.code as 'on-time'}`)}
                    <span className="visually-hidden">
                      : {c.passed ? t('assessment.passed') : t('assessment.failed')}
                    </span>
                    {c.detail ? <span className="muted"> ({c.detail})</span> : null}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            id: 'decision',
            header: t('assessment.decision'),
            cell: (r) => (
              <>
                {r.decision ? (
                  <StatusBadge status={r.decision} label={t(`assessment.admissibility.${r.decision}`)} />
                ) : (
                  <StatusBadge status="undecided" label={t('assessment.undecided')} />
                )}
                {r.motivation ? <p className="muted">{r.motivation}</p> : null}
                {readOnly ? null : open === r.dossierId ? (
                  <DecideForm row={r} callId={callId} onDone={() => setOpen(null)} />
                ) : (
                  <Button
                    variant="secondary"
                    onClick={() => setOpen(r.dossierId)}
                    data-testid={`decide-${r.reference}`}
                  >
                    {r.decision ? t('assessment.changeDecision') : t('assessment.decide')}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      <PageControls paged={paged} list={t('assessment.section.ontvankelijkheid')} data-testid="admissibility-paging" />
    </>
  );
}

function DecideForm({ row, callId, onDone }: { row: AdmissibilityRow; callId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideAdmissibility(callId);
  const allPassed = row.checks.every((c) => c.passed);
  const [decision, setDecision] = useState<'admissible' | 'inadmissible'>(allPassed ? 'admissible' : 'inadmissible');
  const name = useId();
  return (
    <MotivationForm
      label={t('assessment.motivation')}
      help={t('assessment.motivationHelp')}
      submitLabel={t('assessment.saveDecision')}
      testId="admissibility-form"
      onSubmit={async (values) => {
        await decide.mutateAsync({ dossierId: row.dossierId, decision, motivation: values.text.trim() });
        onDone();
      }}
    >
      <fieldset className="radio-group">
        <legend>{t('assessment.decision')}</legend>
        {(['admissible', 'inadmissible'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={name}
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
              data-testid={`admissibility-${value}`}
            />{' '}
            {t(`assessment.admissibility.${value}`)}
          </label>
        ))}
      </fieldset>
    </MotivationForm>
  );
}

/** Every undecided dossier that passed all automatic checks declared admissible in one motivated step. */
function BulkDecision({ callId, rows }: { callId: string; rows: readonly AdmissibilityRow[] }) {
  const { t } = useTranslation();
  const bulk = useDecideAdmissibilityInBulk(callId);
  const [done, setDone] = useState<number | null>(null);
  const eligible = rows.filter((r) => r.decision === null && r.checks.every((c) => c.passed)).length;
  return (
    <>
      {done !== null ? (
        <Alert tone="success" data-testid="bulk-admissibility-done">
          {t('assessment.bulkDone', { count: done })}
        </Alert>
      ) : null}
      {eligible > 0 ? (
        <details className="panel" data-testid="bulk-admissibility">
          <summary>{t('assessment.bulkTitle', { count: eligible })}</summary>
          <MotivationForm
            label={t('assessment.motivation')}
            help={t('assessment.bulkHelp')}
            submitLabel={t('assessment.bulkSubmit', { count: eligible })}
            confirm={t('assessment.bulkConfirm', { count: eligible })}
            testId="bulk-admissibility-form"
            onSubmit={async (values) => {
              const decided = await bulk.mutateAsync({ decision: 'admissible', motivation: values.text.trim() });
              setDone(decided.length);
            }}
          />
        </details>
      ) : null}
    </>
  );
}
