import { useTranslation } from 'react-i18next';
import { selectionReasonText, type ProposalView } from '@portal/contracts';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { Money } from '../../components/money';
import { PageControls, usePagedRows } from '../../components/paged-rows';
import { StatusBadge } from '../../components/status-badge';
import { formatScore } from '../../lib/format';

type Line = ProposalView['lines'][number];

/** Totals, envelopes and every line of a selection proposal, with the reason and the admin's motivation. */
export function ProposalTable({ proposal }: { proposal: ProposalView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  const selected = proposal.lines.filter((l) => l.outcome === 'selected');
  const paged = usePagedRows(proposal.lines);
  return (
    <>
      <dl className="summary-list" data-testid="proposal-totals">
        <div>
          <dt>{t('assessment.budget')}</dt>
          <dd>
            <Money cents={proposal.budgetCents} />
          </dd>
        </div>
        <div>
          <dt>{t('assessment.granted')}</dt>
          <dd data-testid="proposal-granted">
            <Money cents={proposal.grantedCents} />
          </dd>
        </div>
        <div>
          <dt>{t('assessment.remaining')}</dt>
          <dd>
            <Money cents={proposal.remainingCents} />
          </dd>
        </div>
        <div>
          <dt>{t('assessment.selectedCount')}</dt>
          <dd data-testid="proposal-selected-count">{selected.length}</dd>
        </div>
        <div>
          <dt>{t('assessment.marginRule')}</dt>
          <dd>{t(`assessment.margin.${proposal.marginRule}`)}</dd>
        </div>
      </dl>
      {proposal.envelopes.length ? (
        <DataTable
          caption={t('assessment.envelopes')}
          columns={[
            { id: 'code', header: t('assessment.envelope'), rowHeader: true, cell: (e) => e.code },
            {
              id: 'budget',
              header: t('assessment.budget'),
              align: 'end',
              cell: (e) => <Money cents={e.budgetCents} />,
            },
            {
              id: 'granted',
              header: t('assessment.granted'),
              align: 'end',
              cell: (e) => <Money cents={e.grantedCents} />,
            },
            {
              id: 'remaining',
              header: t('assessment.remaining'),
              align: 'end',
              cell: (e) => <Money cents={e.remainingCents} />,
            },
          ]}
          rows={proposal.envelopes}
          rowKey={(e) => e.code}
        />
      ) : null}
      <DataTable<Line>
        caption={t('assessment.proposalLines')}
        data-testid="proposal-lines"
        columns={[
          { id: 'rank', header: t('assessment.rank'), cell: (l) => l.rank },
          {
            id: 'dossier',
            header: t('assessment.dossier'),
            rowHeader: true,
            cell: (l) => (
              <>
                {l.reference}
                <br />
                <span className="muted">{l.applicantName}</span>
              </>
            ),
          },
          { id: 'total', header: t('assessment.total'), align: 'end', cell: (l) => formatScore(l.total) },
          {
            id: 'requested',
            header: t('assessment.requested'),
            align: 'end',
            cell: (l) => (
              <>
                <Money cents={l.requestedCents} />
                {l.adjustedCents !== null ? (
                  <>
                    <br />
                    <span className="muted">
                      {t('assessment.adjustedTo')} <Money cents={l.adjustedCents} />
                    </span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            id: 'granted',
            header: t('assessment.granted'),
            align: 'end',
            cell: (l) => <Money cents={l.grantedCents} />,
          },
          {
            id: 'outcome',
            header: t('assessment.outcome'),
            cell: (l) => (
              <StatusBadge
                status={l.outcome}
                label={
                  l.outcome === 'reserve'
                    ? t('assessment.reserveAt', { position: l.reservePosition ?? '' })
                    : t(`assessment.outcomes.${l.outcome}`)
                }
              />
            ),
          },
          {
            id: 'reason',
            header: t('assessment.reason'),
            cell: (l) => (
              <>
                {selectionReasonText(l.reason, locale)}
                {l.motivation ? (
                  <>
                    <br />
                    <em>
                      {t('assessment.motivation')}: {l.motivation}
                    </em>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
        rows={paged.rows}
        rowKey={(l) => l.dossierId}
        rowData={(l) => ({ 'data-testid': 'proposal-line', 'data-outcome': l.outcome, 'data-reference': l.reference })}
      />
      <PageControls paged={paged} list={t('assessment.proposalLines')} data-testid="proposal-paging" />
      {proposal.budgetDecisions.length ? (
        <section aria-labelledby="budget-decisions-title" data-testid="budget-decisions">
          <h3 id="budget-decisions-title">{t('lifecycle.budget.listTitle')}</h3>
          <ul>
            {proposal.budgetDecisions.map((b) => (
              <li key={b.id}>
                <DateTime value={b.decidedAt} />: <Money cents={b.beforeCents} /> → <Money cents={b.afterCents} /> (
                {b.decidedByName}
                {b.decisionReference ? `, ${b.decisionReference} ${b.decisionDate ?? ''}` : ''}) — {b.motivation}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
