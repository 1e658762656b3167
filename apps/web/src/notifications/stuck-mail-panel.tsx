import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_RESEND_MAX, type NotificationView } from '@portal/contracts';
import { errorMessage } from '../api/error-message';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { DataTable, type DataTableColumn } from '../components/data-table';
import { DateTime } from '../components/date-time';
import { useResendMany, useStuckMail } from './stuck-mail-api';

/**
 * Mail that needs a person (failed, or not sent 15 minutes after it was written), with a way to put many back in the
 * outbox at once. Shown above the notification log; renders nothing while there is none.
 */
export function StuckMailPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const stuck = useStuckMail();
  const resend = useResendMany();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const items = stuck.data?.items ?? [];
  if (stuck.error) return <Alert tone="error">{errorMessage(stuck.error, t)}</Alert>;
  if (items.length === 0 && !resend.data) return null;

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  const chosen = items.filter((item) => selected.has(item.id)).map((item) => item.id);

  const columns: DataTableColumn<NotificationView>[] = [
    {
      id: 'select',
      header: t('stuckMail.select'),
      hideHeader: true,
      cell: (row) => (
        <input
          type="checkbox"
          checked={selected.has(row.id)}
          onChange={() => toggle(row.id)}
          aria-label={t('stuckMail.selectOne', { recipient: row.recipient })}
          data-testid={`stuck-mail-select-${row.id}`}
        />
      ),
    },
    { id: 'recipient', header: t('notifications.recipient'), rowHeader: true, cell: (row) => row.recipient },
    { id: 'status', header: t('notifications.status'), cell: (row) => t(`notifications.statuses.${row.status}`) },
    { id: 'created', header: t('stuckMail.created'), cell: (row) => <DateTime value={row.createdAt} /> },
    { id: 'error', header: t('stuckMail.lastError'), cell: (row) => row.lastError ?? '' },
  ];

  return (
    <section className="stuck-mail" aria-labelledby={headingId} data-testid="stuck-mail">
      <h2 id={headingId}>{t('stuckMail.title', { count: stuck.data?.total ?? 0 })}</h2>
      <p>{t('stuckMail.intro')}</p>
      {resend.data ? (
        <Alert tone={resend.data.refused.length > 0 ? 'warning' : 'success'} data-testid="stuck-mail-result">
          {t('stuckMail.result', { resent: resend.data.resent.length, refused: resend.data.refused.length })}
        </Alert>
      ) : null}
      {resend.error ? <Alert tone="error">{errorMessage(resend.error, t)}</Alert> : null}
      {items.length > 0 ? (
        <>
          <div className="button-row">
            <label>
              <input
                type="checkbox"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((item) => item.id)))}
                data-testid="stuck-mail-select-all"
              />{' '}
              {t('stuckMail.selectAll')}
            </label>
            <Button
              variant="primary"
              busy={resend.isPending}
              disabled={chosen.length === 0}
              onClick={() =>
                resend.mutate(chosen.slice(0, BULK_RESEND_MAX), { onSuccess: () => setSelected(new Set()) })
              }
              data-testid="stuck-mail-resend"
            >
              {t('stuckMail.resend', { count: chosen.length })}
            </Button>
          </div>
          <DataTable
            caption={t('stuckMail.caption')}
            hideCaption
            className="data-table--compact"
            columns={columns}
            rows={items}
            rowKey={(row) => row.id}
            rowData={(row) => ({ 'data-testid': 'stuck-mail-row', 'data-notification-id': row.id })}
            busy={stuck.isFetching}
          />
        </>
      ) : null}
    </section>
  );
}
