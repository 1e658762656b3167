import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestView } from '@portal/contracts';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';

const TONE = { requested: 'info', approved: 'success', refused: 'danger' } as const;

/** Change requests with what was asked, why, and the decision; `actions` adds a column (the administration's). */
export function ChangeRequestTable({
  rows,
  caption,
  showDossier = false,
  actions,
}: {
  rows: ChangeRequestView[];
  caption: string;
  showDossier?: boolean;
  actions?: (row: ChangeRequestView) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      stackOnPhone
      columns={[
        ...(showDossier
          ? [
              {
                id: 'dossier',
                header: t('afterAward.dossier'),
                rowHeader: true,
                cell: (c: ChangeRequestView) => `${c.dossierReference ?? ''} · ${c.applicantName}`,
              },
            ]
          : []),
        {
          id: 'kind',
          header: t('afterAward.change.kind'),
          rowHeader: !showDossier,
          cell: (c) => t(`afterAward.changeKind.${c.kind}`),
        },
        {
          id: 'what',
          header: t('afterAward.change.motivation'),
          cell: (c) => (
            <>
              <span className="pre-line">{c.motivation}</span>
              {c.newEndDate ? <> ({t('afterAward.change.until', { date: c.newEndDate })})</> : null}
              {c.grantedCentsAfter !== null ? (
                <>
                  {' '}
                  ({t('afterAward.change.lowerTo')} <Money cents={c.grantedCentsAfter} />)
                </>
              ) : null}
            </>
          ),
        },
        { id: 'at', header: t('afterAward.change.requestedAt'), cell: (c) => <DateTime value={c.requestedAt} /> },
        {
          id: 'status',
          header: t('afterAward.status'),
          cell: (c) => (
            <>
              <StatusBadge
                status={`change-${c.status}`}
                label={t(`afterAward.changeStatus.${c.status}`)}
                tone={TONE[c.status]}
              />
              {c.decisionMotivation ? <p className="pre-line">{c.decisionMotivation}</p> : null}
            </>
          ),
        },
        ...(actions ? [{ id: 'actions', header: t('afterAward.actions'), cell: actions }] : []),
      ]}
      rows={rows}
      rowKey={(c) => c.id}
      rowData={(c) => ({ 'data-testid': 'change-row', 'data-status': c.status })}
      emptyMessage={t('afterAward.change.none')}
    />
  );
}
