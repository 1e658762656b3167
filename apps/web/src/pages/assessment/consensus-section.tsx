import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallCriterion, DossierScoresView } from '@portal/contracts';
import { useScores, useSetConsensus } from '../../api/assessment';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageControls, usePagedRows } from '../../components/paged-rows';
import { formatScore } from '../../lib/format';

/** Reviewers' scores per dossier, the mean (the default consensus) and the admin's motivated consensus. */
/** `readOnly`: the call's phase no longer allows setting a consensus (the page says why). */
export function ConsensusSection({
  callId,
  criteria,
  readOnly = false,
}: {
  callId: string;
  criteria: readonly CallCriterion[];
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const scores = useScores(callId);
  const [open, setOpen] = useState<string | null>(null);
  const paged = usePagedRows(scores.data ?? []);
  if (scores.error) return <Alert tone="warning">{errorMessage(scores.error, t)}</Alert>;
  if (!scores.data) return <LoadingIndicator />;
  return (
    <>
      <DataTable<DossierScoresView>
        caption={t('assessment.scoresCaption')}
        rows={paged.rows}
        rowKey={(r) => r.dossierId}
        rowData={(r) => ({ 'data-testid': 'scores-row', 'data-reference': r.reference ?? '' })}
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
              </>
            ),
          },
          {
            id: 'reviewers',
            header: t('assessment.reviewers'),
            cell: (r) => (
              <ul className="plain-list">
                {r.reviewers.map((rev, i) => (
                  <li key={i}>
                    {rev.reviewerName}: {criteria.map((c) => rev.scores[c.code] ?? '–').join(' / ')}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            id: 'effective',
            header: t('assessment.effective'),
            cell: (r) => (
              <>
                <ul className="plain-list">
                  {criteria.map((c) => (
                    <li key={c.code}>
                      {c.label}: {r.effective[c.code] === undefined ? '–' : formatScore(r.effective[c.code])}
                      {r.consensus[c.code] ? (
                        <span className="muted">
                          {' '}
                          ({t('assessment.consensusBy', { motivation: r.consensus[c.code].motivation })})
                        </span>
                      ) : (
                        <span className="muted"> ({t('assessment.mean')})</span>
                      )}
                    </li>
                  ))}
                </ul>
                {readOnly ? null : open === r.dossierId ? (
                  <ConsensusForm row={r} callId={callId} criteria={criteria} onDone={() => setOpen(null)} />
                ) : (
                  <Button
                    variant="secondary"
                    onClick={() => setOpen(r.dossierId)}
                    data-testid={`consensus-${r.reference}`}
                  >
                    {t('assessment.setConsensus')}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      <PageControls paged={paged} list={t('assessment.scoresCaption')} data-testid="scores-paging" />
    </>
  );
}

interface ConsensusValues {
  scores: Record<string, string>;
  motivation: string;
}

function ConsensusForm({
  row,
  callId,
  criteria,
  onDone,
}: {
  row: DossierScoresView;
  callId: string;
  criteria: readonly CallCriterion[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSetConsensus(callId);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ConsensusValues>({
    defaultValues: {
      scores: Object.fromEntries(criteria.map((c) => [c.code, String(row.effective[c.code] ?? '')])),
      motivation: '',
    },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const changed = criteria
      .filter((c) => values.scores[c.code] !== '' && Number(values.scores[c.code]) !== row.effective[c.code])
      .map((c) => ({
        criterionCode: c.code,
        score: Number(values.scores[c.code]),
        motivation: values.motivation.trim(),
      }));
    try {
      await save.mutateAsync({ dossierId: row.dossierId, scores: changed });
      onDone();
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="form form--compact" noValidate onSubmit={(e) => void submit(e)} data-testid="consensus-form">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        {criteria.map((c) => {
          const steps = Array.from({ length: (c.scaleMax - c.scaleMin) * 2 + 1 }, (_, i) => c.scaleMin + i / 2);
          return (
            <FormField
              key={c.code}
              as="select"
              name={`scores.${c.code}`}
              label={`${c.code} — ${c.label}`}
              options={steps.map((s) => ({ value: String(s), label: formatScore(s) }))}
            />
          );
        })}
        <FormField
          as="textarea"
          name="motivation"
          label={t('assessment.motivation')}
          required
          rows={2}
          rules={{ validate: (v: string) => v.trim().length >= 3 || 'validation.required' }}
        />
        <Button type="submit" busy={save.isPending}>
          {t('assessment.saveConsensus')}
        </Button>
      </form>
    </FormProvider>
  );
}
