import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { TIE_BREAK_TEXT, textOf, type CallCriterion, type RankingRow } from '@portal/contracts';
import { currentLanguage } from '../../i18n';
import { Money } from '../../components/money';
import { PageControls, usePagedRows } from '../../components/paged-rows';
import { StatusBadge } from '../../components/status-badge';
import { formatScore } from '../../lib/format';

/** Index of the first sufficient dossier whose request no longer fits when walking the ranking; -1 when all fit. */
export function budgetLineIndex(rows: readonly RankingRow[], budgetCents: number): number {
  let total = 0;
  for (const [index, row] of rows.entries()) {
    if (!row.sufficient || !row.complete) return index;
    total += row.requestedCents;
    if (total > budgetCents) return index;
  }
  return -1;
}

/** The amount requested by the sufficient, complete dossiers up to and including each row, in rank order. */
function cumulativeCents(rows: readonly RankingRow[]): number[] {
  let total = 0;
  return rows.map((row) => (row.sufficient && row.complete ? (total += row.requestedCents) : total));
}

/**
 * The ranking with the budget line drawn where the money runs out (walking the requests in rank order), so the
 * administration and the cabinet see at a glance who is above and below it. The proposal applies the margin rule.
 * Paged: the line and the cumulative amounts are computed over all rows, one page of rows is rendered.
 */
export function RankingTable({
  rows,
  criteria,
  budgetCents,
}: {
  rows: readonly RankingRow[];
  criteria: readonly CallCriterion[];
  budgetCents: number;
}) {
  const { t } = useTranslation();
  const line = budgetLineIndex(rows, budgetCents);
  const cumulative = cumulativeCents(rows);
  const paged = usePagedRows(rows);
  const columns = 6 + criteria.length;
  return (
    <>
      {line > 0 ? (
        <p data-testid="budget-line-after">{t('assessment.budgetLineAfter', { rank: rows[line - 1].rank })}</p>
      ) : null}
      <div className="table-scroll" role="region" aria-labelledby="ranking-caption" tabIndex={0}>
        <table className="data-table" data-testid="ranking-table">
          <caption id="ranking-caption">{t('assessment.rankingCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.rank')}</th>
              <th scope="col">{t('assessment.dossier')}</th>
              {criteria.map((c) => (
                <th scope="col" key={c.code} className="cell--end">
                  <span className="criterion-heading">{c.label}</span>
                </th>
              ))}
              <th scope="col" className="cell--end">
                {t('assessment.total')}
              </th>
              <th scope="col" className="cell--end">
                {t('assessment.requested')}
              </th>
              <th scope="col" className="cell--end">
                {t('assessment.cumulative')}
              </th>
              <th scope="col">{t('assessment.remark')}</th>
            </tr>
          </thead>
          <tbody>
            {paged.rows.map((row, offset) => {
              const index = paged.start + offset;
              return (
                <Fragment key={row.dossierId}>
                  {index === line ? (
                    <tr className="ranking-budget-line" data-testid="budget-line">
                      <td colSpan={columns}>
                        <span aria-hidden="true">✂ </span>
                        {t('assessment.budgetLine')} <Money cents={budgetCents} />
                      </td>
                    </tr>
                  ) : null}
                  <tr
                    data-testid="ranking-row"
                    data-reference={row.reference}
                    data-below={line !== -1 && index >= line}
                  >
                    <td>{row.rank}</td>
                    <th scope="row">
                      {row.reference}
                      <br />
                      <span className="muted">{row.applicantName}</span>
                    </th>
                    {criteria.map((c) => (
                      <td key={c.code} className="cell--end">
                        {row.scores[c.code] === undefined ? '–' : formatScore(row.scores[c.code])}
                      </td>
                    ))}
                    <td className="cell--end">
                      <strong>{formatScore(row.total)}</strong>
                    </td>
                    <td className="cell--end">
                      <Money cents={row.requestedCents} />
                    </td>
                    <td className="cell--end">
                      {row.sufficient && row.complete ? <Money cents={cumulative[index]} /> : '–'}
                    </td>
                    <td>
                      {!row.complete ? (
                        <StatusBadge status="incomplete" label={t('assessment.incomplete')} tone="warning" />
                      ) : null}
                      {row.complete && !row.sufficient ? (
                        <StatusBadge
                          status="insufficient"
                          label={t('assessment.insufficient', { criteria: row.failingCriteria.join(', ') })}
                          tone="danger"
                        />
                      ) : null}
                      {row.tieBrokenBy ? (
                        <span className="muted">
                          {' '}
                          {t('assessment.tieBrokenBy', {
                            rule: textOf(TIE_BREAK_TEXT, row.tieBrokenBy, currentLanguage()),
                          })}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <PageControls paged={paged} list={t('assessment.rankingCaption')} data-testid="ranking-paging" />
    </>
  );
}
