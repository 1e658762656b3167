import { useTranslation } from 'react-i18next';
import type { ReserveCandidateView, ReservePromotionView } from '@portal/contracts';
import { useDecidePromotion, useProposePromotion, useReserve } from '../../api/assessment';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DataTable } from '../../components/data-table';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';
import { MotivationForm } from './motivation-form';

/**
 * After the decision: what came free (declined awards), the reserve list in order with who fits, and promotions.
 * The admin proposes the next reserve dossier that fits; the minister confirms or refuses.
 */
export function ReserveSection({ callId, role }: { callId: string; role: 'admin' | 'minister' }) {
  const { t } = useTranslation();
  const reserve = useReserve(callId);
  const propose = useProposePromotion(callId);
  const decide = useDecidePromotion(callId);
  if (reserve.error) return <Alert tone="warning">{errorMessage(reserve.error, t)}</Alert>;
  if (!reserve.data) return <LoadingIndicator />;
  const view = reserve.data;
  const next = view.candidates.find((c) => c.dossierId === view.nextDossierId);
  const open = view.promotions.find((p) => p.status === 'proposed');

  return (
    <>
      <dl className="summary-list" data-testid="reserve-totals">
        <div>
          <dt>{t('assessment.budget')}</dt>
          <dd>
            <Money cents={view.budgetCents} />
          </dd>
        </div>
        <div>
          <dt>{t('assessment.awarded')}</dt>
          <dd>
            <Money cents={view.awardedCents} />
          </dd>
        </div>
        <div>
          <dt>{t('assessment.remaining')}</dt>
          <dd data-testid="reserve-remaining">
            <Money cents={view.remainingCents} />
          </dd>
        </div>
      </dl>
      {view.declined.length ? (
        <DataTable
          caption={t('assessment.declinedCaption')}
          rows={view.declined}
          rowKey={(d) => d.dossierId}
          columns={[
            {
              id: 'dossier',
              header: t('assessment.dossier'),
              rowHeader: true,
              cell: (d) => `${d.reference} — ${d.applicantName}`,
            },
            { id: 'freed', header: t('assessment.freed'), align: 'end', cell: (d) => <Money cents={d.freedCents} /> },
          ]}
        />
      ) : null}
      <DataTable<ReserveCandidateView>
        caption={t('assessment.reserveCaption')}
        rows={view.candidates}
        rowKey={(c) => c.dossierId}
        rowData={(c) => ({ 'data-testid': 'reserve-row', 'data-reference': c.reference })}
        emptyMessage={t('assessment.noReserve')}
        columns={[
          { id: 'position', header: t('assessment.position'), cell: (c) => c.position },
          {
            id: 'dossier',
            header: t('assessment.dossier'),
            rowHeader: true,
            cell: (c) => `${c.reference} — ${c.applicantName}`,
          },
          { id: 'amount', header: t('assessment.amount'), align: 'end', cell: (c) => <Money cents={c.amountCents} /> },
          { id: 'status', header: t('assessment.outcome'), cell: (c) => <StatusBadge status={c.status} /> },
          {
            id: 'fits',
            header: t('assessment.fits'),
            cell: (c) =>
              c.dossierId === view.nextDossierId ? (
                <strong>{t('assessment.nextInLine')}</strong>
              ) : c.fits ? (
                t('assessment.yes')
              ) : (
                t('assessment.no')
              ),
          },
        ]}
      />
      {role === 'admin' && next && !open ? (
        <div className="panel">
          <h3>{t('assessment.proposeNext', { reference: next.reference })}</h3>
          <MotivationForm
            label={t('assessment.motivation')}
            help={t('assessment.promotionHelp')}
            submitLabel={t('assessment.proposePromotion')}
            testId="promotion-form"
            onSubmit={(values) => propose.mutateAsync({ dossierId: next.dossierId, motivation: values.text.trim() })}
          />
        </div>
      ) : null}
      {view.promotions.length ? (
        <DataTable<ReservePromotionView>
          caption={t('assessment.promotionsCaption')}
          rows={view.promotions}
          rowKey={(p) => p.id}
          rowData={(p) => ({ 'data-testid': 'promotion-row', 'data-status': p.status })}
          columns={[
            {
              id: 'dossier',
              header: t('assessment.dossier'),
              rowHeader: true,
              cell: (p) => `${p.reference} — ${p.applicantName}`,
            },
            {
              id: 'amount',
              header: t('assessment.amount'),
              align: 'end',
              cell: (p) => <Money cents={p.grantedCents} />,
            },
            { id: 'motivation', header: t('assessment.motivation'), cell: (p) => p.motivation },
            {
              id: 'status',
              header: t('assessment.outcome'),
              cell: (p) => (
                <>
                  <StatusBadge status={p.status} label={t(`assessment.promotion.${p.status}`)} />
                  {p.decisionReference ? <span className="muted"> {p.decisionReference}</span> : null}
                  {p.remarks ? <span className="muted"> {p.remarks}</span> : null}
                </>
              ),
            },
          ]}
        />
      ) : null}
      {role === 'minister' && open ? (
        <div className="panel" data-testid="promotion-decision">
          <h3>{t('assessment.confirmPromotionTitle', { reference: open.reference })}</h3>
          <MotivationForm
            decision
            label=""
            submitLabel={t('assessment.confirmPromotion')}
            testId="promotion-confirm"
            confirm={t('assessment.confirmPromotionConfirm')}
            onSubmit={(values) =>
              decide.mutateAsync({
                promotionId: open.id,
                confirm: true,
                decisionDate: values.decisionDate,
                decisionReference: values.decisionReference.trim(),
              })
            }
          />
          <MotivationForm
            label={t('assessment.remarks')}
            submitLabel={t('assessment.refusePromotion')}
            variant="danger"
            testId="promotion-refuse"
            onSubmit={(values) =>
              decide.mutateAsync({ promotionId: open.id, confirm: false, remarks: values.text.trim() })
            }
          />
        </div>
      ) : null}
    </>
  );
}
