import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  NOTIFICATION_STATUSES,
  NOTIFICATION_TEMPLATE_TEXT,
  NOTIFICATION_TEMPLATES,
  type NotificationStatus,
  type NotificationTemplate,
  type NotificationView,
} from '@portal/contracts';
import {
  NOTIFICATION_PAGE_SIZE,
  useNotifications,
  useResendNotification,
  type NotificationFilter,
} from '../../api/notifications';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { LogTable } from '../../components/log-table';
import type { DataTableColumn } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { FilterForm, SelectFilter, TextFilter } from '../../components/filter-form';
import { LoadingIndicator } from '../../components/loading-indicator';
import { momentColumn } from '../../components/moment-column';
import { Pagination } from '../../components/pagination';
import { StatusBadge, type StatusTone } from '../../components/status-badge';
import { StuckMailPanel } from '../../notifications/stuck-mail-panel';
import { useUrlFilterForm } from '../../forms/use-url-filter-form';
import { currentLanguage } from '../../i18n';
import { AdminPageHeader } from './admin-page-header';

/** Where the API serves the (read-only) queue dashboard; a full page load, outside this app. */
const QUEUE_DASHBOARD_URL = '/api/admin/queues';

const STATUS_TONE: Record<NotificationStatus, StatusTone> = {
  pending: 'neutral',
  queued: 'progress',
  sent: 'success',
  failed: 'danger',
};

/** Label of a template in the UI language (contracts' NOTIFICATION_TEMPLATE_TEXT); an unknown code shows as is. */
function templateLabel(template: string): string {
  return isTemplate(template) ? NOTIFICATION_TEMPLATE_TEXT[template][currentLanguage()] : template;
}

/** Rows an admin may put back in the outbox: a failed mail, or a sent one that did not arrive. */
const RESENDABLE: ReadonlySet<NotificationStatus> = new Set(['failed', 'sent']);

function isStatus(value: string | null): value is NotificationStatus {
  return value !== null && (NOTIFICATION_STATUSES as readonly string[]).includes(value);
}

function isTemplate(value: string | null): value is NotificationTemplate {
  return value !== null && (NOTIFICATION_TEMPLATES as readonly string[]).includes(value);
}

function positiveInt(value: string | null, fallback: number, max: number): number {
  if (value === null || !/^\d{1,6}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 && n <= max ? n : fallback;
}

/** The filter in the URL query (unknown or invalid values are ignored, so a hand-edited URL still works). */
function filterFromSearch(params: URLSearchParams): NotificationFilter {
  const status = params.get('status');
  const template = params.get('template');
  const recipient = params.get('recipient')?.trim();
  const subjectRef = params.get('subjectRef')?.trim();
  return {
    status: isStatus(status) ? status : undefined,
    template: isTemplate(template) ? template : undefined,
    recipient: recipient ? recipient.slice(0, 254) : undefined,
    subjectRef: subjectRef ? subjectRef.slice(0, 100) : undefined,
    page: positiveInt(params.get('page'), 1, 100_000),
    pageSize: positiveInt(params.get('pageSize'), NOTIFICATION_PAGE_SIZE, 200),
  };
}

/** The URL query for a filter; defaults are left out so the URL stays short. */
function searchFromFilter(filter: NotificationFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.template) params.set('template', filter.template);
  if (filter.recipient) params.set('recipient', filter.recipient);
  if (filter.subjectRef) params.set('subjectRef', filter.subjectRef);
  if (filter.page !== 1) params.set('page', String(filter.page));
  if (filter.pageSize !== NOTIFICATION_PAGE_SIZE) params.set('pageSize', String(filter.pageSize));
  return params;
}

interface FilterValues {
  status: NotificationStatus | '';
  template: NotificationTemplate | '';
  recipient: string;
  subjectRef: string;
}

function formValues(filter: NotificationFilter): FilterValues {
  return {
    status: filter.status ?? '',
    template: filter.template ?? '',
    recipient: filter.recipient ?? '',
    subjectRef: filter.subjectRef ?? '',
  };
}

const NOTIFICATION_FILTER_FORM = {
  texts: 'notifications',
  resetTo: '/administratie/meldingen',
  testIdPrefix: 'notification-filter',
} as const;

/**
 * `/administratie/meldingen`: the notification log (outbox), newest first. The filters live in the URL query, so a
 * filtered view can be bookmarked and the back button works; failed (and sent) mails can be put back in the outbox.
 */
export function NotificationLogPage() {
  const { t } = useTranslation();
  const { form, searchParams, apply } = useUrlFilterForm((params) => formValues(filterFromSearch(params)));
  const filter = filterFromSearch(searchParams);
  const list = useNotifications(filter);
  const [resent, setResent] = useState<NotificationView | null>(null);
  const title = t('notifications.title');

  // "Vernieuwen" reloads this page; the resent row is updated in place.
  const resend = useResendNotification(filter, { onStart: () => setResent(null), onResent: setResent });

  const onSubmit = form.handleSubmit((values) => {
    const next = searchFromFilter({
      status: values.status || undefined,
      template: values.template || undefined,
      recipient: values.recipient.trim() || undefined,
      subjectRef: values.subjectRef.trim() || undefined,
      page: 1,
      pageSize: filter.pageSize,
    });
    setResent(null);
    resend.reset();
    apply(next, () => void list.refetch());
  });

  const columns: DataTableColumn<NotificationView>[] = [
    momentColumn('createdAt', t('notifications.createdAt'), (row) => row.createdAt),
    {
      id: 'template',
      header: t('notifications.template'),
      cell: (row) => templateLabel(row.template),
    },
    { id: 'recipient', header: t('notifications.recipient'), cell: (row) => row.recipient },
    {
      id: 'reference',
      header: t('notifications.reference'),
      cell: (row) => (row.subjectRef ? <span className="code code--wrap">{row.subjectRef}</span> : '–'),
    },
    {
      id: 'status',
      header: t('notifications.status'),
      cell: (row) => (
        <>
          <StatusBadge
            status={row.status}
            label={isStatus(row.status) ? t(`notifications.statuses.${row.status}`) : row.status}
            tone={isStatus(row.status) ? STATUS_TONE[row.status] : 'neutral'}
          />
          {row.sentAt ? (
            <>
              <br />
              <span className="muted">
                {t('notifications.sentAt')} <DateTime value={row.sentAt} format="dateTimeSeconds" />
              </span>
            </>
          ) : null}
        </>
      ),
    },
    { id: 'attempts', header: t('notifications.attempts'), align: 'end', cell: (row) => row.attempts },
    {
      id: 'lastError',
      header: t('notifications.lastError'),
      cell: (row) => (row.lastError ? <span className="notification-log__error">{row.lastError}</span> : '–'),
    },
    {
      id: 'messageId',
      header: t('notifications.messageId'),
      cell: (row) => (row.smtpMessageId ? <span className="code code--wrap">{row.smtpMessageId}</span> : '–'),
    },
    {
      id: 'actions',
      header: t('notifications.actions'),
      hideHeader: true,
      cell: (row) =>
        RESENDABLE.has(row.status) ? (
          <Button
            variant="secondary"
            className="btn--small"
            busy={resend.isPending && resend.variables === row.id}
            busyLabel={t('notifications.resending')}
            onClick={() => resend.mutate(row.id)}
            data-testid={`notification-resend-${row.id}`}
          >
            {t('notifications.resend')}
            <span className="visually-hidden"> {t('notifications.resendTo', { recipient: row.recipient })}</span>
          </Button>
        ) : null,
    },
  ];

  const data = list.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const pageLink = (page: number) => `?${searchFromFilter({ ...filter, page }).toString()}`;

  const rowData = (row: NotificationView) => ({
    'data-testid': 'notification-row',
    'data-notification-id': row.id,
    'data-status': row.status,
  });
  return (
    <>
      <AdminPageHeader title={title} lead={t('notifications.intro')} />
      <p>
        <a href={QUEUE_DASHBOARD_URL} data-testid="queue-dashboard-link">
          {t('notifications.queues')}
        </a>
      </p>
      <StuckMailPanel />

      <FilterForm {...NOTIFICATION_FILTER_FORM} form={form} onSubmit={(event) => void onSubmit(event)}>
        <div className="form-row form-row--four">
          <SelectFilter
            name="status"
            allKey="allStatuses"
            options={NOTIFICATION_STATUSES.map((status) => ({
              value: status,
              label: t(`notifications.statuses.${status}`),
            }))}
          />
          <SelectFilter
            name="template"
            allKey="allTemplates"
            options={NOTIFICATION_TEMPLATES.map((template) => ({ value: template, label: templateLabel(template) }))}
          />
          <TextFilter name="recipient" type="email" maxLength={254} noCapitals />
          <TextFilter name="subjectRef" textKey="reference" maxLength={100} />
        </div>
      </FilterForm>

      {resent ? (
        <Alert tone="success" data-testid="notification-resent">
          {t('notifications.resent', { recipient: resent.recipient })}
        </Alert>
      ) : null}
      {resend.error ? (
        <Alert tone="error" data-testid="notification-resend-error">
          {errorMessage(resend.error, t)}
        </Alert>
      ) : null}

      <div className="table-toolbar">
        <p className="table-toolbar__summary" data-testid="notification-total" aria-live="polite">
          {data ? t('notifications.summary', { count: data.total, page: data.page, pages: pageCount }) : null}
        </p>
        <Button
          variant="secondary"
          className="btn--small"
          busy={list.isFetching}
          busyLabel={t('notifications.refreshing')}
          onClick={() => {
            setResent(null);
            void list.refetch();
          }}
          data-testid="notification-refresh"
        >
          {t('notifications.refresh')}
        </Button>
      </div>

      {list.isPending ? <LoadingIndicator /> : null}
      {list.error ? <Alert tone="error">{errorMessage(list.error, t)}</Alert> : null}
      <LogTable log="notifications" query={list} columns={columns} rowData={rowData} />

      {data && pageCount > 1 ? (
        <Pagination
          label={t('notifications.pagination')}
          items={[
            data.page > 1 ? (
              <Link to={pageLink(data.page - 1)} rel="prev" data-testid="notification-page-prev">
                {t('notifications.previous')}
              </Link>
            ) : null,
            t('notifications.pageOf', { page: data.page, pages: pageCount }),
            data.page < pageCount ? (
              <Link to={pageLink(data.page + 1)} rel="next" data-testid="notification-page-next">
                {t('notifications.next')}
              </Link>
            ) : null,
          ]}
        />
      ) : null}
    </>
  );
}
